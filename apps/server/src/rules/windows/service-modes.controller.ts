import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import { ServiceModeInputSchema, ServiceModeListQuerySchema, type ServiceMode } from '@arc/shared/rules';
import type { z } from 'zod';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { IdParam } from '../../common/http/params.js';
import { ServiceModesService } from './service-modes.service.js';
import { OnDuty } from './windows-params.js';

@Controller('service-modes')
export class ServiceModesController {
  constructor(private readonly serviceModes: ServiceModesService) {}

  @OnDuty()
  @Get()
  list(
    @Query({ schema: ServiceModeListQuerySchema }) query: z.output<typeof ServiceModeListQuerySchema>,
  ): Promise<ServiceMode[]> {
    return this.serviceModes.list(query);
  }

  @OnDuty()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: ServiceModeInputSchema }) body: z.output<typeof ServiceModeInputSchema>,
  ): Promise<ServiceMode> {
    return this.serviceModes.create(user, body);
  }

  @OnDuty()
  @Get(':id')
  get(@IdParam() id: string): Promise<ServiceMode> {
    return this.serviceModes.get(id);
  }

  @OnDuty()
  @Post(':id/end')
  @HttpCode(200)
  end(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<ServiceMode> {
    return this.serviceModes.end(user, id);
  }
}
