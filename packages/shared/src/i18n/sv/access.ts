import type { Shape } from '../shape.js';
import type { access as en } from '../en/access.js';

export const access: Shape<typeof en> = {};
