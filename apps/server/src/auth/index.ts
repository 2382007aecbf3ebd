// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel. The role decorators,
// @CurrentUser and password hashing are in the common/auth floor: import them from there.
export { AuthGuard, bearerToken } from './auth.guard.js';
export { AuthModule } from './auth.module.js';
export { AuthService } from './auth.service.js';
export type { VerifiedToken } from './auth.service.js';
export { UserEntity } from './entities/user.entity.js';
export { AUTH_ROUTES } from './auth.openapi.js';
