import type { Shape } from '../shape.js';
import type { events as en } from '../en/events.js';

export const events: Shape<typeof en> = {};
