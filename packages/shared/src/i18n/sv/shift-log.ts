import type { Shape } from '../shape.js';
import type { shiftLog as en } from '../en/shift-log.js';

export const shiftLog: Shape<typeof en> = {};
