import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  CreateUserInputSchema,
  ResetPasswordInputSchema,
  UpdateUserInputSchema,
  type CreateUserInput,
  type ResetPasswordInput,
  type UpdateUserInput,
  type UserAccount,
} from '@arc/shared/users';
import { z } from 'zod';
import { Roles } from '../common/auth/auth.decorators.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { UsersService } from './users.service.js';

const IdParam = () => Param('id', { schema: z.uuid('must be an id') });

/** User management: administrators only. */
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserAccount[]> {
    return this.users.list();
  }

  @Post()
  create(
    @CurrentUser() actor: SessionUser,
    @Body({ schema: CreateUserInputSchema }) body: CreateUserInput,
  ): Promise<UserAccount> {
    return this.users.create(actor.id, body);
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<UserAccount> {
    return this.users.get(id);
  }

  @Patch(':id')
  update(
    @CurrentUser() actor: SessionUser,
    @IdParam() id: string,
    @Body({ schema: UpdateUserInputSchema }) body: UpdateUserInput,
  ): Promise<UserAccount> {
    return this.users.update(actor.id, id, body);
  }

  @Post(':id/password')
  @HttpCode(200)
  resetPassword(
    @CurrentUser() actor: SessionUser,
    @IdParam() id: string,
    @Body({ schema: ResetPasswordInputSchema }) body: ResetPasswordInput,
  ): Promise<UserAccount> {
    return this.users.resetPassword(actor.id, id, body.password);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentUser() actor: SessionUser, @IdParam() id: string): Promise<UserAccount> {
    return this.users.deactivate(actor.id, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  activate(@CurrentUser() actor: SessionUser, @IdParam() id: string): Promise<UserAccount> {
    return this.users.activate(actor.id, id);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@CurrentUser() actor: SessionUser, @IdParam() id: string): Promise<UserAccount> {
    return this.users.unlock(actor.id, id);
  }

  @Delete(':id/totp')
  resetTotp(@CurrentUser() actor: SessionUser, @IdParam() id: string): Promise<UserAccount> {
    return this.users.resetTotp(actor.id, id);
  }
}
