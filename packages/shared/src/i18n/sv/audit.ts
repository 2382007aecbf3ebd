import type { Shape } from '../shape.js';
import type { audit as en } from '../en/audit.js';

export const audit: Shape<typeof en> = {};
