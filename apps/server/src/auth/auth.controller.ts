import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { LoginRequestSchema, type LoginRequest, type LoginResponse, type SessionUser } from '@arc/shared';
import { Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body({ schema: LoginRequestSchema }) body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password);
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
}
