// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel.
export { LoginEventsBus } from './login-events.bus.js';
export { LoginSecurityService } from './login-security.service.js';
export type { LoginAttempt } from './login-security.service.js';
export type { LockResult, LoginTicket } from './login-throttle.service.js';
export { SecuritySettingsService } from './security-settings.service.js';
export { TotpService } from './totp.service.js';
export type { TotpCheck } from './totp.service.js';
export { UserStateService } from './user-state.service.js';
export type { UserState } from './user-state.service.js';
export { UsersModule } from './users.module.js';
export { UsersService } from './users.service.js';
export { USER_ROUTES } from './users.openapi.js';
