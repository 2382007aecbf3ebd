import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { type AlarmCategory } from '@arc/shared/alarm';
import { type SessionUser } from '@arc/shared/auth';
import {
  ActionPlanInputSchema,
  ContactInputSchema,
  OnCallRosterInputSchema,
  OnCallSwapInputSchema,
  PageQuerySchema,
  ReorderInputSchema,
  type ActionPlan,
  type Contact,
  type OnCallRoster,
  type Page,
  type PageQuery,
} from '@arc/shared/directory';
import type { z } from 'zod';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { ActionPlansService } from './action-plans.service.js';
import { ContactsService } from './contacts.service.js';
import { CategoryParam, IdParam } from '../common/http/params.js';
import { AdminOnly, CanRead } from './directory-params.js';

type ContactData = z.output<typeof ContactInputSchema>;
type RosterData = z.output<typeof OnCallRosterInputSchema>;

/** What belongs to one site: its contacts in call order and its action plans. */
@Controller('sites/:siteId')
export class SiteContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly plans: ActionPlansService,
  ) {}

  @CanRead()
  @Get('contacts')
  list(@IdParam('siteId') siteId: string): Promise<Contact[]> {
    return this.contacts.listOfSite(siteId);
  }

  @AdminOnly()
  @Post('contacts')
  create(
    @CurrentUser() user: SessionUser,
    @IdParam('siteId') siteId: string,
    @Body({ schema: ContactInputSchema }) body: ContactData,
  ): Promise<Contact> {
    return this.contacts.create(user, siteId, body);
  }

  @AdminOnly()
  @Put('contacts/order')
  reorder(
    @CurrentUser() user: SessionUser,
    @IdParam('siteId') siteId: string,
    @Body({ schema: ReorderInputSchema }) body: z.output<typeof ReorderInputSchema>,
  ): Promise<Contact[]> {
    return this.contacts.reorder(user, siteId, body.ids);
  }

  @CanRead()
  @Get('action-plans')
  plansOfSite(@IdParam('siteId') siteId: string): Promise<ActionPlan[]> {
    return this.plans.listOfSite(siteId);
  }

  @CanRead()
  @Get('action-plans/:category')
  plan(@IdParam('siteId') siteId: string, @CategoryParam() category: AlarmCategory): Promise<ActionPlan> {
    return this.plans.get(siteId, category);
  }

  @AdminOnly()
  @Put('action-plans/:category')
  replacePlan(
    @CurrentUser() user: SessionUser,
    @IdParam('siteId') siteId: string,
    @CategoryParam() category: AlarmCategory,
    @Body({ schema: ActionPlanInputSchema }) body: z.output<typeof ActionPlanInputSchema>,
  ): Promise<ActionPlan> {
    return this.plans.replace(user, siteId, category, body);
  }

  @AdminOnly()
  @Delete('action-plans/:category')
  @HttpCode(204)
  removePlan(
    @CurrentUser() user: SessionUser,
    @IdParam('siteId') siteId: string,
    @CategoryParam() category: AlarmCategory,
  ): Promise<void> {
    return this.plans.remove(user, siteId, category);
  }
}

@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: ContactInputSchema }) body: ContactData,
  ): Promise<Contact> {
    return this.contacts.update(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.contacts.remove(user, id);
  }
}

@Controller('on-call-rosters')
export class OnCallRostersController {
  constructor(private readonly contacts: ContactsService) {}

  @CanRead()
  @Get()
  list(@Query({ schema: PageQuerySchema }) query: PageQuery): Promise<Page<OnCallRoster>> {
    return this.contacts.listRosters(query);
  }

  @AdminOnly()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: OnCallRosterInputSchema }) body: RosterData,
  ): Promise<OnCallRoster> {
    return this.contacts.createRoster(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<OnCallRoster> {
    return this.contacts.getRoster(id);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: OnCallRosterInputSchema }) body: RosterData,
  ): Promise<OnCallRoster> {
    return this.contacts.updateRoster(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.contacts.removeRoster(user, id);
  }

  @AdminOnly()
  @Post(':id/swaps')
  addSwap(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: OnCallSwapInputSchema }) body: z.output<typeof OnCallSwapInputSchema>,
  ): Promise<OnCallRoster> {
    return this.contacts.addSwap(user, id, body);
  }

  @AdminOnly()
  @Delete(':id/swaps/:swapId')
  @HttpCode(204)
  removeSwap(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @IdParam('swapId') swapId: string,
  ): Promise<void> {
    return this.contacts.removeSwap(user, id, swapId);
  }
}
