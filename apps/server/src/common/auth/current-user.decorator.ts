import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@arc/shared/auth';
import type { AuthenticatedRequest } from './authenticated-request.js';

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SessionUser =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
