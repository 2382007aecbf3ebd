import { Roles } from '../common/auth/auth.decorators.js';

/** Everyone on duty reads the directory; only administrators change it. */
export const CanRead = () => Roles('operator', 'supervisor', 'admin');
export const AdminOnly = () => Roles('admin');
