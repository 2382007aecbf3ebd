import type { Shape } from '../shape.js';
import type { rosters as en } from '../en/rosters.js';

export const rosters: Shape<typeof en> = {};
