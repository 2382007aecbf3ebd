// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel.
export { Public, Roles, IS_PUBLIC, ROLES } from '../common/auth/auth.decorators.js';
export { AuthGuard, bearerToken } from './auth.guard.js';
export type { AuthenticatedRequest } from '../common/auth/authenticated-request.js';
export { AuthModule } from './auth.module.js';
export { AuthService } from './auth.service.js';
export type { VerifiedToken } from './auth.service.js';
export { CurrentUser } from '../common/auth/current-user.decorator.js';
export { hashPassword, verifyPassword, verifyAgainstDummy } from '../common/auth/password.js';
export { UserEntity } from './entities/user.entity.js';
export { AUTH_ROUTES } from './auth.openapi.js';
