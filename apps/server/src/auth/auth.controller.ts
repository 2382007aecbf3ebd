import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import {
  LoginRequestSchema,
  PreferencesSchema,
  type Preferences,
  type LoginRequest,
  type LoginResponse,
  type LoginResult,
  type SessionUser,
} from '@arc/shared/auth';
import {
  ChangeOwnPasswordInputSchema,
  TotpConfirmInputSchema,
  type ChangeOwnPasswordInput,
  type OwnAccount,
  type TotpConfirmInput,
  type TotpEnrollment,
} from '@arc/shared/users';
import type { Request } from 'express';
import { Public } from '../common/auth/auth.decorators.js';
import { AuthService } from './auth.service.js';
import { bearerToken } from './auth.guard.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body({ schema: LoginRequestSchema }) body: LoginRequest, @Req() request: Request): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, body.totpCode, sourceAddress(request));
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@CurrentUser() user: SessionUser): Promise<LoginResponse> {
    return this.auth.refresh(user);
  }

  @Get('me')
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }

  @Get('account')
  account(@CurrentUser() user: SessionUser): Promise<OwnAccount> {
    return this.auth.account(user);
  }

  /** The user's own choices (the console's language), kept with the account. */
  @Put('preferences')
  setPreferences(
    @CurrentUser() user: SessionUser,
    @Body({ schema: PreferencesSchema }) body: Preferences,
  ): Promise<Preferences> {
    return this.auth.setPreferences(user, body);
  }

  @Post('password')
  @HttpCode(200)
  changePassword(
    @CurrentUser() user: SessionUser,
    @Body({ schema: ChangeOwnPasswordInputSchema }) body: ChangeOwnPasswordInput,
    @Req() request: Request,
  ): Promise<LoginResponse> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword, sourceAddress(request));
  }

  /** Public for the guard: an enrollment token is accepted here as well as an access token. */
  @Public()
  @Post('totp/enrollment')
  @HttpCode(200)
  startEnrollment(@Req() request: Request): Promise<TotpEnrollment> {
    return this.auth.startEnrollment(bearerToken(request));
  }

  @Public()
  @Post('totp/confirm')
  @HttpCode(200)
  confirmEnrollment(
    @Body({ schema: TotpConfirmInputSchema }) body: TotpConfirmInput,
    @Req() request: Request,
  ): Promise<LoginResponse> {
    return this.auth.confirmEnrollment(bearerToken(request), body.code, sourceAddress(request));
  }
}

/** The client's address (behind a proxy only with HTTP_TRUST_PROXY), IPv4 without the IPv6 mapping. */
function sourceAddress(request: Request): string | null {
  const address = request.ip ?? request.socket.remoteAddress;
  if (!address) return null;
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
