import type { Shape } from '../shape.js';
import type { errors as en } from '../en/errors.js';

export const errors: Shape<typeof en> = {};
