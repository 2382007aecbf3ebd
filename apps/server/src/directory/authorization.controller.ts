import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  ApprovalInputSchema,
  AuthorizationListInputSchema,
  AuthorizationListQuerySchema,
  PageQuerySchema,
  PersonInputSchema,
  ServiceCompanyInputSchema,
  SetPasswordInputSchema,
  type AuthorizationList,
  type Page,
  type PageQuery,
  type Person,
  type ServiceCompany,
} from '@arc/shared/directory';
import type { z } from 'zod';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { AuthorizationListsService } from './authorization-lists.service.js';
import { PersonsService } from './persons.service.js';
import { ServiceCompaniesService } from './service-companies.service.js';
import { IdParam } from '../common/http/params.js';
import { AdminOnly, CanRead } from './directory-params.js';

type ListData = z.output<typeof AuthorizationListInputSchema>;
type PersonData = z.output<typeof PersonInputSchema>;
type CompanyData = z.output<typeof ServiceCompanyInputSchema>;

@Controller('authorization-lists')
export class AuthorizationListsController {
  constructor(private readonly authorization: AuthorizationListsService) {}

  @CanRead()
  @Get()
  list(
    @Query({ schema: AuthorizationListQuerySchema }) query: z.output<typeof AuthorizationListQuerySchema>,
  ): Promise<Page<AuthorizationList>> {
    return this.authorization.listLists(query);
  }

  @AdminOnly()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: AuthorizationListInputSchema }) body: ListData,
  ): Promise<AuthorizationList> {
    return this.authorization.createList(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<AuthorizationList> {
    return this.authorization.getList(id);
  }

  @CanRead()
  @Get(':id/persons')
  persons(@IdParam() id: string): Promise<Person[]> {
    return this.authorization.listPersons(id);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: AuthorizationListInputSchema }) body: ListData,
  ): Promise<AuthorizationList> {
    return this.authorization.updateList(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.authorization.deleteList(user, id);
  }
}

@Controller('persons')
export class PersonsController {
  constructor(private readonly authorization: PersonsService) {}

  @AdminOnly()
  @Post()
  create(@CurrentUser() user: SessionUser, @Body({ schema: PersonInputSchema }) body: PersonData): Promise<Person> {
    return this.authorization.createPerson(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<Person> {
    return this.authorization.getPerson(id);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: PersonInputSchema }) body: PersonData,
  ): Promise<Person> {
    return this.authorization.updatePerson(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.authorization.deletePerson(user, id);
  }

  @AdminOnly()
  @Post(':id/password')
  @HttpCode(204)
  setPassword(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: SetPasswordInputSchema }) body: z.output<typeof SetPasswordInputSchema>,
  ): Promise<void> {
    return this.authorization.setPassword(user, id, body);
  }
}

@Controller('service-companies')
export class ServiceCompaniesController {
  constructor(private readonly authorization: ServiceCompaniesService) {}

  @CanRead()
  @Get()
  list(@Query({ schema: PageQuerySchema }) query: PageQuery): Promise<Page<ServiceCompany>> {
    return this.authorization.listCompanies(query);
  }

  @AdminOnly()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: ServiceCompanyInputSchema }) body: CompanyData,
  ): Promise<ServiceCompany> {
    return this.authorization.createCompany(user, body);
  }

  @CanRead()
  @Get(':id')
  get(@IdParam() id: string): Promise<ServiceCompany> {
    return this.authorization.getCompany(id);
  }

  @AdminOnly()
  @Put(':id')
  update(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: ServiceCompanyInputSchema }) body: CompanyData,
  ): Promise<ServiceCompany> {
    return this.authorization.updateCompany(user, id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<void> {
    return this.authorization.deleteCompany(user, id);
  }

  @AdminOnly()
  @Post(':id/approvals')
  addApproval(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: ApprovalInputSchema }) body: z.output<typeof ApprovalInputSchema>,
  ): Promise<ServiceCompany> {
    return this.authorization.addApproval(user, id, body);
  }

  @AdminOnly()
  @Delete(':id/approvals/:approvalId')
  @HttpCode(204)
  removeApproval(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @IdParam('approvalId') approvalId: string,
  ): Promise<void> {
    return this.authorization.removeApproval(user, id, approvalId);
  }
}
