import type { Shape } from '../shape.js';
import type { queue as en } from '../en/queue.js';

export const queue: Shape<typeof en> = {};
