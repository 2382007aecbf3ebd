import type { Shape } from '../shape.js';
import type { users as en } from '../en/users.js';

export const users: Shape<typeof en> = {};
