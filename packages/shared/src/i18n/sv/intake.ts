import type { Shape } from '../shape.js';
import type { intake as en } from '../en/intake.js';

export const intake: Shape<typeof en> = {};
