import { SetMetadata } from '@nestjs/common';
import type { Role } from '@arc/shared/auth';

export const IS_PUBLIC = 'arc:isPublic';
export const ROLES = 'arc:roles';

/** The route needs no user token (it may still have its own guard, e.g. the ingest API key). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. Routes without it accept any signed-in user. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
