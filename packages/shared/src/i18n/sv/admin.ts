import type { Shape } from '../shape.js';
import type { admin as en } from '../en/admin.js';

export const admin: Shape<typeof en> = {};
