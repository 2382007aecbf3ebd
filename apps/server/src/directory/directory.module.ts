import { Module } from '@nestjs/common';
import { ActionPlansService } from './action-plans.service.js';
import { AuditController } from './audit.controller.js';
import {
  AuthorizationListsController,
  PersonsController,
  ServiceCompaniesController,
} from './authorization.controller.js';
import { AuthorizationListsService } from './authorization-lists.service.js';
import { PersonsService } from './persons.service.js';
import { ServiceCompaniesService } from './service-companies.service.js';
import { ContactsController, OnCallRostersController, SiteContactsController } from './contacts.controller.js';
import { ContactsService } from './contacts.service.js';
import { ContractsController, CustomersController } from './customers.controller.js';
import { CustomersService } from './customers.service.js';
import { SiteDetailService } from './site-detail.service.js';
import { SiteKnowledgeController, TransmitterZonesController } from './site-knowledge.controller.js';
import { SiteKnowledgeService } from './site-knowledge.service.js';
import { SitesController, TransmittersController } from './sites.controller.js';
import { SitesService } from './sites.service.js';
import { TransmittersService } from './transmitters.service.js';

/** Customers, contracts, sites, transmitters, authorization lists, action plans and contacts. */
@Module({
  controllers: [
    CustomersController,
    ContractsController,
    SitesController,
    TransmittersController,
    AuthorizationListsController,
    PersonsController,
    ServiceCompaniesController,
    SiteContactsController,
    ContactsController,
    OnCallRostersController,
    AuditController,
    TransmitterZonesController,
    SiteKnowledgeController,
  ],
  providers: [
    CustomersService,
    SitesService,
    TransmittersService,
    AuthorizationListsService,
    PersonsService,
    ServiceCompaniesService,
    ContactsService,
    ActionPlansService,
    SiteDetailService,
    SiteKnowledgeService,
  ],
})
export class DirectoryModule {}
