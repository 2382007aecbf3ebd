import type { SessionUser } from '@arc/shared';
import type { Request } from 'express';

/**
 * A request the guard has let through, with the signed-in user. Its own file with no imports of
 * the module's services, so the decorators that read it (`@CurrentUser`) stay at the bottom of
 * the import graph and `users/` can use them without a cycle through `auth.service.ts`.
 */
export type AuthenticatedRequest = Request & { user: SessionUser };
