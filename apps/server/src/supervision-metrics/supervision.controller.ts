import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  SetOperatorStateInputSchema,
  type OwnOperatorState,
  type SetOperatorStateInput,
  type SupervisorSnapshot,
} from '@arc/shared/supervisor';
import { Public, Roles } from '../common/auth/auth.decorators.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { SupervisorViewService } from './supervisor-view.service.js';

@Controller()
export class SupervisionController {
  constructor(
    private readonly view: SupervisorViewService,
    private readonly metrics: MetricsService,
  ) {}

  /** The same snapshot the supervisor socket receives (for a first paint or a script). */
  @Roles('supervisor', 'admin')
  @Get('supervisor/snapshot')
  snapshot(): Promise<SupervisorSnapshot> {
    return this.view.current();
  }

  /** The state the user last set, so a console shows it after a reload or a new login. */
  @Roles('operator', 'supervisor', 'admin')
  @Get('operators/me/state')
  ownState(@CurrentUser() user: SessionUser): Promise<OwnOperatorState> {
    return this.view.ownState(user);
  }

  /** Operators set themselves available, or away with a reason; on a case and on a call are derived. */
  @Roles('operator', 'supervisor', 'admin')
  @Post('operators/me/state')
  @HttpCode(204)
  async setState(
    @CurrentUser() user: SessionUser,
    @Body({ schema: SetOperatorStateInputSchema }) body: SetOperatorStateInput,
  ): Promise<void> {
    await this.view.setState(user, body);
  }

  /**
   * Prometheus text format. Public on purpose, like /health: scrapers run without a token;
   * expose it on the internal network only (docker/ does not publish it).
   */
  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
