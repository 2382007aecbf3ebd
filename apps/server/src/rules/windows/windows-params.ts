import { Roles } from '../../common/auth/auth.decorators.js';

/** Service modes and block windows are set by whoever is on duty, on the phone or from a written request. */
export const OnDuty = () => Roles('operator', 'supervisor', 'admin');
