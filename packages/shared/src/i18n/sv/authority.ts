import type { Shape } from '../shape.js';
import type { authority as en } from '../en/authority.js';

export const authority: Shape<typeof en> = {};
