import type { SessionUser } from '@arc/shared/auth';
import type { Request } from 'express';

/**
 * A request the guard has let through, with the signed-in user. It lives in the `common/auth`
 * floor with the decorators that read it (`@CurrentUser`, `@Roles`) and the password hashing, so
 * every module can use them without importing the auth module (which itself needs `users/`).
 */
export type AuthenticatedRequest = Request & { user: SessionUser };
