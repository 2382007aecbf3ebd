import type { Shape } from '../shape.js';
import type { customers as en } from '../en/customers.js';

export const customers: Shape<typeof en> = {};
