import {
  ALARM_CATEGORIES,
  APPROVAL_KINDS,
  AUTHORITY_LEVELS,
  CONTACT_ROUTE_KINDS,
  STEP_TYPES,
  TRANSMITTER_PROTOCOLS,
  type ActionPlan,
  type AuditEntry,
  type AuthorizationList,
  type Contact,
  type Contract,
  type Customer,
  type DirectorySearchHit,
  type OnCallRoster,
  type Person,
  type ServiceCompany,
  type Site,
  type SiteDetail,
  type Transmitter,
} from '@arc/shared';
import { z } from 'zod';

/**
 * The read models as zod schemas, only to describe responses in the OpenAPI document. Each is
 * checked against its shared interface with `satisfies`, so the document cannot drift from the
 * types the console codes against.
 */

const id = z.uuid();
const timestamp = z.iso.datetime();
const date = z.iso.date();
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const CustomerSchema = z.object({
  id,
  customerNo: z.string(),
  name: z.string(),
  orgNo: nullable(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<Customer>;

export const ContractSchema = z.object({
  id,
  contractNo: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  managerName: z.string(),
  managerPhone: nullable(z.string()),
  managerEmail: nullable(z.string()),
  yearlyEventQuota: z.number().int(),
  startDate: date,
  termMonths: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<Contract>;

export const SiteSchema = z.object({
  id,
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  municipality: z.string(),
  addressRef: nullable(z.string()),
  contractId: nullable(id),
  contractNo: nullable(z.string()),
  customerNo: nullable(z.string()),
  customerName: nullable(z.string()),
  archivedAt: nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<Site>;

export const TransmitterSchema = z.object({
  id,
  account: z.string(),
  siteId: id,
  protocol: z.enum(TRANSMITTER_PROTOCOLS),
  encrypted: z.boolean(),
  supervisionIntervalSeconds: nullable(z.number().int()),
  inputCategory: nullable(z.enum(ALARM_CATEGORIES)),
  lastSeenAt: nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<Transmitter>;

export const AuthorizationListSchema = z.object({
  id,
  name: z.string(),
  siteIds: z.array(id),
  serviceCompanyId: nullable(id),
  personCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<AuthorizationList>;

export const PersonSchema = z.object({
  id,
  listId: id,
  name: z.string(),
  phone: z.string(),
  level: z.enum(AUTHORITY_LEVELS),
  validFrom: nullable(date),
  validTo: nullable(date),
  hasPassword: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<Person>;

export const ServiceCompanySchema = z.object({
  id,
  name: z.string(),
  orgNo: nullable(z.string()),
  siteIds: z.array(id),
  authorizationListId: id,
  approvals: z.array(
    z.object({
      id,
      serviceCompanyId: id,
      kind: z.enum(APPROVAL_KINDS),
      personId: nullable(id),
      reference: z.string(),
      validFrom: nullable(date),
      validTo: nullable(date),
    }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<ServiceCompany>;

export const ContactSchema = z.object({
  id,
  siteId: id,
  name: z.string(),
  note: nullable(z.string()),
  position: z.number().int(),
  routes: z.array(z.object({ kind: z.enum(CONTACT_ROUTE_KINDS), value: z.string() })),
}) satisfies z.ZodType<Contact>;

const OnCallMemberSchema = z.object({ name: z.string(), phone: z.string() });
export const OnCallRosterSchema = z.object({
  id,
  name: z.string(),
  rotationStart: date,
  members: z.array(OnCallMemberSchema),
  onCallNow: nullable(OnCallMemberSchema),
}) satisfies z.ZodType<OnCallRoster>;

export const ActionPlanSchema = z.object({
  id,
  siteId: id,
  category: z.enum(ALARM_CATEGORIES),
  steps: z.array(
    z.object({
      id,
      position: z.number().int(),
      type: z.enum(STEP_TYPES),
      contactId: nullable(id),
      rosterId: nullable(id),
      instruction: nullable(z.string()),
      mandatory: z.boolean(),
    }),
  ),
  updatedAt: timestamp,
}) satisfies z.ZodType<ActionPlan>;

export const SiteDetailSchema = z.object({
  site: SiteSchema,
  contract: nullable(ContractSchema),
  customer: nullable(CustomerSchema),
  transmitters: z.array(TransmitterSchema),
  authorizationLists: z.array(AuthorizationListSchema.extend({ persons: z.array(PersonSchema) })),
  serviceCompanies: z.array(ServiceCompanySchema.extend({ installers: z.array(PersonSchema) })),
  contacts: z.array(ContactSchema),
  actionPlans: z.array(ActionPlanSchema),
  onCallRosters: z.array(OnCallRosterSchema),
}) satisfies z.ZodType<SiteDetail>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actorUserId: nullable(id),
  actorName: nullable(z.string()),
  action: z.enum(['CREATE', 'UPDATE', 'DELETE', 'ARCHIVE', 'SET_PASSWORD', 'IMPORT']),
  entity: z.string(),
  entityId: nullable(z.string()),
  before: nullable(z.record(z.string(), z.unknown())),
  after: nullable(z.record(z.string(), z.unknown())),
}) satisfies z.ZodType<AuditEntry>;

export const DirectorySearchHitSchema = z.object({
  siteId: id,
  siteName: z.string(),
  address: z.string(),
  municipality: z.string(),
  customerNo: nullable(z.string()),
  contractNo: nullable(z.string()),
  accounts: z.array(z.string()),
  matchedOn: z.string(),
  score: z.number(),
}) satisfies z.ZodType<DirectorySearchHit>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
