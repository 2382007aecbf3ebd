import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  ContractInputSchema,
  ContractListQuerySchema,
  CustomerInputSchema,
  PageQuerySchema,
  type Contract,
  type Customer,
  type Page,
  type PageQuery,
} from '@arc/shared/directory';
import { AlarmEventQuerySchema, type AlarmEventCount } from '@arc/shared/rules';
import type { z } from 'zod';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { CustomersService } from './customers.service.js';
import { IdParam } from '../common/http/params.js';
import { AdminOnly, CanRead } from './directory-params.js';
import { SiteDetailService } from './site-detail.service.js';

@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @CanRead()
  @Get()
  list(@Query({ schema: PageQuerySchema }) query: PageQuery): Promise<Page<Customer>> {
    return this.customers.listCustomers(query);
  }

  @AdminOnly()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: CustomerInputSchema }) body: z.output<typeof CustomerInputSchema>,
  ): Promise<Customer> {
    return this.customers.createCustomer(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<Customer> {
    return this.customers.getCustomer(id);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: CustomerInputSchema }) body: z.output<typeof CustomerInputSchema>,
  ): Promise<Customer> {
    return this.customers.updateCustomer(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.customers.deleteCustomer(user, id);
  }
}

@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly customers: CustomersService,
    private readonly views: SiteDetailService,
  ) {}

  @CanRead()
  @Get()
  list(
    @Query({ schema: ContractListQuerySchema }) query: z.output<typeof ContractListQuerySchema>,
  ): Promise<Page<Contract>> {
    return this.customers.listContracts(query);
  }

  @AdminOnly()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: ContractInputSchema }) body: z.output<typeof ContractInputSchema>,
  ): Promise<Contract> {
    return this.customers.createContract(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<Contract> {
    return this.customers.getContract(id);
  }

  /** Cases opened for the contract's sites in a calendar year (UTC), against its yearly quota. */
  @CanRead()
  @Get(':id/alarm-events')
  alarmEvents(
    @IdParam() id: string,
    @Query({ schema: AlarmEventQuerySchema }) query: z.output<typeof AlarmEventQuerySchema>,
  ): Promise<AlarmEventCount> {
    return this.views.alarmEvents(id, query.year);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: ContractInputSchema }) body: z.output<typeof ContractInputSchema>,
  ): Promise<Contract> {
    return this.customers.updateContract(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.customers.deleteContract(user, id);
  }
}
