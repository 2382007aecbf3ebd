import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { ROLES as ALL_ROLES, type LoginResponse, type Role, type SessionUser } from '@arc/shared';
import type { Repository } from 'typeorm';
import { z } from 'zod';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { UserEntity } from './entities/user.entity.js';
import { verifyAgainstDummy, verifyPassword } from './password.js';

const TokenClaimsSchema = z.object({
  sub: z.string().uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ALL_ROLES),
  exp: z.number(),
});

export interface VerifiedToken {
  user: SessionUser;
  /** Epoch milliseconds when the token expires. */
  expiresAt: number;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username AND user.active', { username })
      .getOne();
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'Invalid username or password');
    return this.issue(toSessionUser(user));
  }

  /** A new token for a user whose current token is still valid and who is still active. */
  async refresh(current: SessionUser): Promise<LoginResponse> {
    const user = await this.users.findOneBy({ id: current.id, active: true });
    if (!user) throw new AppError('TOKEN_INVALID', 'User is no longer active');
    return this.issue(toSessionUser(user));
  }

  async verify(token: string | undefined): Promise<VerifiedToken> {
    if (!token) throw new AppError('TOKEN_INVALID', 'Missing bearer token');
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new AppError('TOKEN_INVALID', expired ? 'Token has expired' : 'Token is invalid');
    }
    const parsed = TokenClaimsSchema.safeParse(claims);
    if (!parsed.success) throw new AppError('TOKEN_INVALID', 'Token is invalid');
    const { sub, username, name, role, exp } = parsed.data;
    return { user: { id: sub, username, displayName: name, role }, expiresAt: exp * 1000 };
  }

  private async issue(user: SessionUser): Promise<LoginResponse> {
    const ttl = this.config.auth.jwtTtlSeconds;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, username: user.username, name: user.displayName, role: user.role },
      { expiresIn: ttl, algorithm: 'HS256' },
    );
    return { accessToken, expiresAt: new Date(Date.now() + ttl * 1000).toISOString(), user };
  }
}

function toSessionUser(user: UserEntity): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role };
}
