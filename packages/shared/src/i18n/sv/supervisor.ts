import type { Shape } from '../shape.js';
import type { supervisor as en } from '../en/supervisor.js';

export const supervisor: Shape<typeof en> = {};
