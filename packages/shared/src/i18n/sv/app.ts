import type { Shape } from '../shape.js';
import type { app as en } from '../en/app.js';

export const app: Shape<typeof en> = {};
