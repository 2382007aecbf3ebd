import type { Shape } from '../shape.js';
import type { auth as en } from '../en/auth.js';

export const auth: Shape<typeof en> = {};
