import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ROLES as ALL_ROLES,
  type LoginResponse,
  type LoginResult,
  type Preferences,
  type Role,
  type SessionUser,
} from '@arc/shared/auth';
import { isLocale, type Locale } from '@arc/shared/i18n';
import { passwordProblems, type OwnAccount, type TotpEnrollment } from '@arc/shared/users';
import type { Repository } from 'typeorm';
import { z } from 'zod';
import { AppError, fieldError, fieldIssue } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import {
  LoginSecurityService,
  SecuritySettingsService,
  TotpService,
  UsersService,
  type UserState,
  UserStateService,
} from '../users/index.js';
import { UserEntity } from './entities/user.entity.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../common/auth/password.js';

const TokenClaimsSchema = z.object({
  sub: z.string().uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ALL_ROLES),
  /** Token version; tokens from before versions existed count as 0. */
  tv: z.number().int().default(0),
  purpose: z.never().optional(),
  exp: z.number(),
});

/** A token that only lets its user enrol a second factor (and so finish signing in). */
const EnrollmentClaimsSchema = z.object({
  sub: z.string().uuid(),
  tv: z.number().int(),
  purpose: z.literal('totp-enrollment'),
  exp: z.number(),
});
const ENROLLMENT_TTL_SECONDS = 600;

export interface VerifiedToken {
  user: SessionUser;
  /** Epoch milliseconds when the token expires. */
  expiresAt: number;
}

/**
 * Sign-in and tokens. Every token is checked against the user's current state (active, token
 * version) on each request and socket handshake; the state comes from the users module's cache.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly states: UserStateService,
    private readonly security: LoginSecurityService,
    private readonly settings: SecuritySettingsService,
    private readonly totp: TotpService,
    private readonly accounts: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The order matters: the throttle takes its point first (429 while locked, whatever the
   * password), then the password is checked (as long for an unknown name), then the code.
   */
  async login(
    username: string,
    password: string,
    totpCode: string | undefined,
    address: string | null,
  ): Promise<LoginResult> {
    const attempt = await this.security.begin(username, address);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username AND user.active', { username: attempt.username })
      .getOne();
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !valid) {
      await this.security.failed(attempt, 'INVALID_CREDENTIALS', user?.id ?? null);
      throw new AppError('INVALID_CREDENTIALS', 'Invalid username or password', { key: 'invalidCredentials' });
    }
    if (user.totpEnrolledAt) {
      if (!totpCode) {
        await this.security.neutral(attempt);
        return { secondFactor: 'code-required' };
      }
      const check = await this.totp.check(user.id, totpCode);
      if (check !== 'valid') {
        await this.security.failed(attempt, 'TOTP_INVALID', user.id);
        throw totpRefused(check);
      }
    } else if ((await this.settings.totpRequiredRoles()).includes(user.role)) {
      await this.security.neutral(attempt);
      return this.enrollmentToken(user.id, user.tokenVersion);
    }
    await this.security.succeeded(attempt, user.id);
    return this.issue(toState(user), user.locale);
  }

  /** A new token for a user whose current token is still valid and who is still active. */
  async refresh(current: SessionUser): Promise<LoginResponse> {
    const state = await this.states.get(current.id);
    if (!state?.active) throw new AppError('TOKEN_INVALID', 'User is no longer active', { key: 'userInactive' });
    return this.issue(state);
  }

  async verify(token: string | undefined): Promise<VerifiedToken> {
    const claims = TokenClaimsSchema.safeParse(await this.claimsOf(token));
    if (!claims.success) throw new AppError('TOKEN_INVALID', 'Token is invalid', { key: 'tokenInvalid' });
    const { sub, tv, exp } = claims.data;
    const state = await this.current(sub, tv);
    return { user: toSessionUser(state), expiresAt: exp * 1000 };
  }

  async account(user: SessionUser): Promise<OwnAccount> {
    const [account, required] = await Promise.all([this.accounts.get(user.id), this.settings.totpRequiredRoles()]);
    return {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      totpEnrolled: account.totpEnrolled,
      totpRequired: required.includes(account.role),
      lastLoginAt: account.lastLoginAt,
      passwordChangedAt: account.passwordChangedAt,
    };
  }

  /** The user's own password: the current one is needed (and wrong ones count as failed sign-ins). */
  async changePassword(
    user: SessionUser,
    currentPassword: string,
    newPassword: string,
    address: string | null,
  ): Promise<LoginResponse> {
    const attempt = await this.security.begin(user.username, address);
    const row = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id AND user.active', { id: user.id })
      .getOne();
    if (!row) throw new AppError('TOKEN_INVALID', 'User is no longer active', { key: 'userInactive' });
    if (!(await verifyPassword(row.passwordHash, currentPassword))) {
      await this.security.failed(attempt, 'INVALID_CREDENTIALS', user.id);
      throw new AppError('CURRENT_PASSWORD_INVALID', 'currentPassword: is not your current password', {
        key: 'currentPasswordWrong',
        issues: [fieldIssue('currentPassword', 'is not your current password')],
      });
    }
    await this.security.neutral(attempt);
    const problems = passwordProblems(newPassword, row.username);
    if (problems.length > 0) throw fieldError('newPassword', problems);
    await this.accounts.changeOwnPassword(user.id, await hashPassword(newPassword));
    const state = await this.states.get(user.id);
    if (!state?.active) throw new AppError('TOKEN_INVALID', 'User is no longer active', { key: 'userInactive' });
    return this.issue(state);
  }

  /** POST /auth/totp/enrollment, with an access token or an enrollment token. */
  async startEnrollment(token: string | undefined): Promise<TotpEnrollment> {
    const state = await this.enrollingUser(token);
    return this.totp.startEnrollment(state.id);
  }

  /** POST /auth/totp/confirm: a right code finishes the enrolment and signs the user in. */
  async confirmEnrollment(token: string | undefined, code: string, address: string | null): Promise<LoginResponse> {
    const state = await this.enrollingUser(token);
    const attempt = await this.security.begin(state.username, address);
    const check = await this.totp.confirmEnrollment(state.id, code);
    if (check !== 'valid') {
      await this.security.failed(attempt, 'TOTP_INVALID', state.id);
      throw totpRefused(check);
    }
    await this.security.succeeded(attempt, state.id);
    return this.issue(state);
  }

  private async enrollingUser(token: string | undefined): Promise<UserState> {
    const claims = await this.claimsOf(token);
    const access = TokenClaimsSchema.safeParse(claims);
    if (access.success) return this.current(access.data.sub, access.data.tv);
    const enrollment = EnrollmentClaimsSchema.safeParse(claims);
    if (enrollment.success) return this.current(enrollment.data.sub, enrollment.data.tv);
    throw new AppError('TOKEN_INVALID', 'Token is invalid', { key: 'tokenInvalid' });
  }

  /** The user's state if the token (its version) still stands for it. */
  private async current(userId: string, tokenVersion: number): Promise<UserState> {
    const state = await this.states.get(userId);
    if (!state || !state.active)
      throw new AppError('TOKEN_INVALID', 'Your account is deactivated', { key: 'accountDeactivated' });
    if (state.tokenVersion !== tokenVersion) {
      throw new AppError(
        'TOKEN_INVALID',
        'You were signed out (password, role or second factor changed); sign in again',
        { key: 'signedOutChanged' },
      );
    }
    return state;
  }

  private async claimsOf(token: string | undefined): Promise<unknown> {
    if (!token) throw new AppError('TOKEN_INVALID', 'Missing bearer token', { key: 'tokenMissing' });
    try {
      return await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw expired
        ? new AppError('TOKEN_INVALID', 'Token has expired', { key: 'tokenExpired' })
        : new AppError('TOKEN_INVALID', 'Token is invalid', { key: 'tokenInvalid' });
    }
  }

  private async enrollmentToken(userId: string, tokenVersion: number): Promise<LoginResult> {
    const enrollmentToken = await this.jwt.signAsync(
      { sub: userId, tv: tokenVersion, purpose: 'totp-enrollment' },
      { expiresIn: ENROLLMENT_TTL_SECONDS, algorithm: 'HS256' },
    );
    return {
      secondFactor: 'enrollment-required',
      enrollmentToken,
      expiresAt: new Date(Date.now() + ENROLLMENT_TTL_SECONDS * 1000).toISOString(),
    };
  }

  /** The signed-in user's language, remembered for the next sign-in on any machine. */
  async setPreferences(user: SessionUser, preferences: Preferences): Promise<Preferences> {
    const result = await this.users.update({ id: user.id, active: true }, { locale: preferences.locale });
    if (!result.affected) throw new AppError('TOKEN_INVALID', 'User is no longer active', { key: 'userInactive' });
    return { locale: preferences.locale };
  }

  private async issue(state: UserState, knownLocale?: string | null): Promise<LoginResponse> {
    const locale = knownLocale === undefined ? await this.localeOf(state.id) : knownLocale;
    const ttl = this.config.auth.jwtTtlSeconds;
    const user = toSessionUser(state);
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, username: user.username, name: user.displayName, role: user.role, tv: state.tokenVersion },
      { expiresIn: ttl, algorithm: 'HS256' },
    );
    return {
      accessToken,
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
      user,
      locale: isLocale(locale) ? locale : null,
    };
  }

  private async localeOf(userId: string): Promise<Locale | null> {
    const row = await this.users.findOne({ where: { id: userId }, select: { id: true, locale: true } });
    return isLocale(row?.locale) ? row.locale : null;
  }
}

function totpRefused(check: 'invalid' | 'replayed'): AppError {
  return check === 'replayed'
    ? new AppError('TOTP_INVALID', 'This code was used already; wait for the next one', { key: 'totpReplayed' })
    : new AppError('TOTP_INVALID', 'Invalid second-factor code', { key: 'totpInvalid' });
}

function toState(user: UserEntity): UserState {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    active: user.active,
    tokenVersion: user.tokenVersion,
  };
}

function toSessionUser(state: UserState): SessionUser {
  return { id: state.id, username: state.username, displayName: state.displayName, role: state.role };
}
