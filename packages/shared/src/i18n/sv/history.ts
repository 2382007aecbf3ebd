import type { Shape } from '../shape.js';
import type { history as en } from '../en/history.js';

export const history: Shape<typeof en> = {};
