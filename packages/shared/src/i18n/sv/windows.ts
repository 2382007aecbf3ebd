import type { Shape } from '../shape.js';
import type { windows as en } from '../en/windows.js';

export const windows: Shape<typeof en> = {};
