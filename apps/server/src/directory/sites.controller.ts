import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  SiteInputSchema,
  SiteListQuerySchema,
  TransmitterInputSchema,
  TransmitterListQuerySchema,
  type Page,
  type Site,
  type SiteDetail,
  type Transmitter,
} from '@arc/shared/directory';
import { SignalLogQuerySchema, type SignalLogEntry } from '@arc/shared/rules';
import type { Response } from 'express';
import type { z } from 'zod';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { IdParam } from '../common/http/params.js';
import { AdminOnly, CanRead } from './directory-params.js';
import { SiteDetailService } from './site-detail.service.js';
import { SitesService } from './sites.service.js';
import { TransmittersService } from './transmitters.service.js';

type SiteData = z.output<typeof SiteInputSchema>;
type TransmitterData = z.output<typeof TransmitterInputSchema>;

@Controller('sites')
export class SitesController {
  constructor(
    private readonly sites: SitesService,
    private readonly views: SiteDetailService,
  ) {}

  @CanRead()
  @Get()
  list(@Query({ schema: SiteListQuerySchema }) query: z.output<typeof SiteListQuerySchema>): Promise<Page<Site>> {
    return this.sites.list(query);
  }

  @AdminOnly()
  @Post()
  create(@CurrentUser() user: SessionUser, @Body({ schema: SiteInputSchema }) body: SiteData): Promise<Site> {
    return this.sites.create(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<Site> {
    return this.sites.get(id);
  }

  @CanRead()
  @Get(':id/detail')
  detail(@IdParam() id: string): Promise<SiteDetail> {
    return this.views.detail(id);
  }

  /** Every signal of the site's transmitters with what the rules decided, newest first. */
  @CanRead()
  @Get(':id/signals')
  signals(
    @IdParam() id: string,
    @Query({ schema: SignalLogQuerySchema }) query: z.output<typeof SignalLogQuerySchema>,
  ): Promise<SignalLogEntry[]> {
    return this.views.signalLog(id, query);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: SiteInputSchema }) body: SiteData,
  ): Promise<Site> {
    return this.sites.update(user, id, body);
  }

  /** 204 when the site was removed, 200 with the archived site when its history keeps it. */
  @AdminOnly()
  @Delete(':id')
  async remove(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Site | undefined> {
    const result = await this.sites.remove(user, id);
    response.status(result.deleted ? 204 : 200);
    return result.deleted ? undefined : result.site;
  }

  @AdminOnly()
  @Post(':id/unarchive')
  @HttpCode(200)
  unarchive(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<Site> {
    return this.sites.unarchive(user, id);
  }
}

@Controller('transmitters')
export class TransmittersController {
  constructor(private readonly transmitters: TransmittersService) {}

  @CanRead()
  @Get()
  list(
    @Query({ schema: TransmitterListQuerySchema }) query: z.output<typeof TransmitterListQuerySchema>,
  ): Promise<Page<Transmitter>> {
    return this.transmitters.list(query);
  }

  @AdminOnly()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: TransmitterInputSchema }) body: TransmitterData,
  ): Promise<Transmitter> {
    return this.transmitters.create(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<Transmitter> {
    return this.transmitters.get(id);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: TransmitterInputSchema }) body: TransmitterData,
  ): Promise<Transmitter> {
    return this.transmitters.update(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.transmitters.remove(user, id);
  }
}
