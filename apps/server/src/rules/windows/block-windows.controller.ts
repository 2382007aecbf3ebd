import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  BlockWindowConfirmInputSchema,
  BlockWindowInputSchema,
  BlockWindowListQuerySchema,
  type BlockWindow,
} from '@arc/shared/rules';
import type { z } from 'zod';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { IdParam } from '../../common/http/params.js';
import { BlockWindowsService } from './block-windows.service.js';
import { OnDuty } from './windows-params.js';

@Controller('block-windows')
export class BlockWindowsController {
  constructor(private readonly blockWindows: BlockWindowsService) {}

  @OnDuty()
  @Get()
  list(
    @Query({ schema: BlockWindowListQuerySchema }) query: z.output<typeof BlockWindowListQuerySchema>,
  ): Promise<BlockWindow[]> {
    return this.blockWindows.list(query);
  }

  @OnDuty()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: BlockWindowInputSchema }) body: z.output<typeof BlockWindowInputSchema>,
  ): Promise<BlockWindow> {
    return this.blockWindows.create(user, body);
  }

  @OnDuty()
  @Get(':id')
  get(@IdParam() id: string): Promise<BlockWindow> {
    return this.blockWindows.get(id);
  }

  @OnDuty()
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: BlockWindowConfirmInputSchema }) body: z.output<typeof BlockWindowConfirmInputSchema>,
  ): Promise<BlockWindow> {
    return this.blockWindows.confirm(user, id, body);
  }

  @OnDuty()
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<BlockWindow> {
    return this.blockWindows.cancel(user, id);
  }
}
