import type { Shape } from '../shape.js';
import type { directory as en } from '../en/directory.js';

export const directory: Shape<typeof en> = {};
