import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@arc/shared/auth';
import type { Request } from 'express';
import { AppError } from '../common/app-error.js';
import { IS_PUBLIC, ROLES } from '../common/auth/auth.decorators.js';
import { AuthService } from './auth.service.js';
import type { AuthenticatedRequest } from '../common/auth/authenticated-request.js';

/**
 * Global guard: every HTTP route needs a valid bearer token and, where @Roles is given,
 * one of those roles. Routes marked @Public opt out (and bring their own guard if needed).
 * The token is checked against the user's current state (deactivated, signed out) every time.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { user } = await this.auth.verify(bearerToken(request));
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new AppError('FORBIDDEN_ROLE', `This action needs one of the roles: ${roles.join(', ')}`, {
        key: 'forbiddenRole',
        params: { roles: roles.join(', ') },
      });
    }
    return true;
  }
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}
