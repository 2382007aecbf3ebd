import {
  ALARM_CATEGORIES,
  AUDIT_ACTIONS,
  APPROVAL_KINDS,
  AUTHORITY_LEVELS,
  BLOCK_WINDOW_STATES,
  CASE_RESULTS,
  CaseSummarySchema,
  CONTACT_OUTCOMES,
  CONTACT_ROUTE_KINDS,
  HOLD_END_REASONS,
  SIGNAL_DECISIONS,
  STEP_TYPES,
  TRANSMITTER_PROTOCOLS,
  type ActionPlan,
  type AlarmEventCount,
  type AuditEntry,
  type BlockWindow,
  type AuthorizationList,
  type CaseDetail,
  type CaseNote,
  type CaseStep,
  type ClosedCasePage,
  type ContactAttempt,
  type Contact,
  type Contract,
  type Customer,
  type DirectorySearchHit,
  type OnCallRoster,
  type Person,
  type ServiceCompany,
  type ServiceMode,
  type SignalLogEntry,
  type Site,
  type SiteDetail,
  type Transmitter,
} from '@arc/shared';
import { z } from 'zod';
import { CaseSiteKnowledgeSchema } from './openapi-site-knowledge.js';

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
  requireEncryption: z.boolean(),
  supervisionIntervalSeconds: nullable(z.number().int()),
  inputCategory: nullable(z.enum(ALARM_CATEGORIES)),
  lastSeenAt: nullable(timestamp),
  runawayUntil: nullable(timestamp),
  supervisionFailedAt: nullable(timestamp),
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

const ActingUserSchema = z.object({ userId: id, name: z.string() });
const RequesterSchema = z.object({ personId: nullable(id), name: z.string(), level: z.enum(AUTHORITY_LEVELS) });

export const ServiceModeSchema = z.object({
  id,
  transmitterId: id,
  account: z.string(),
  siteId: id,
  category: nullable(z.enum(ALARM_CATEGORIES)),
  startsAt: timestamp,
  endsAt: timestamp,
  plannedEndsAt: timestamp,
  endedEarlyAt: nullable(timestamp),
  endedEarlyBy: nullable(ActingUserSchema),
  reason: z.string(),
  requestedBy: RequesterSchema,
  setBy: ActingUserSchema,
  finishedAt: nullable(timestamp),
  active: z.boolean(),
}) satisfies z.ZodType<ServiceMode>;

export const BlockWindowSchema = z.object({
  id,
  transmitterId: id,
  account: z.string(),
  siteId: id,
  startsAt: timestamp,
  endsAt: timestamp,
  plannedEndsAt: timestamp,
  requestedBy: RequesterSchema,
  requestDate: date,
  reference: z.string(),
  reason: nullable(z.string()),
  createdBy: ActingUserSchema,
  createdAt: timestamp,
  confirmation: nullable(
    z.object({ at: timestamp, by: ActingUserSchema, sentTo: z.string(), note: nullable(z.string()) }),
  ),
  cancelledAt: nullable(timestamp),
  endedEarlyAt: nullable(timestamp),
  finishedAt: nullable(timestamp),
  state: z.enum(BLOCK_WINDOW_STATES),
}) satisfies z.ZodType<BlockWindow>;

export const AlarmEventCountSchema = z.object({
  contractId: id,
  contractNo: z.string(),
  year: z.number().int(),
  quota: z.number().int(),
  count: z.number().int(),
  overQuota: z.boolean(),
  byMonth: z.array(z.number().int()).length(12),
}) satisfies z.ZodType<AlarmEventCount>;

export const SignalLogEntrySchema = z.object({
  id: z.string(),
  receivedAt: timestamp,
  account: z.string(),
  code: z.string(),
  zone: nullable(z.string()),
  description: z.string(),
  kind: z.enum(['ALARM', 'RESTORE', 'LOG', 'TEST', 'UNKNOWN']),
  category: nullable(z.enum(ALARM_CATEGORIES)),
  decision: nullable(z.enum(SIGNAL_DECISIONS)),
  decisionReason: nullable(z.string()),
  caseId: nullable(id),
  caseNo: nullable(z.string()),
  unencryptedFromKeyed: z.boolean().meta({
    description:
      'Came unencrypted from a transmitter that has a key: it may be forged by someone who knows the account',
  }),
}) satisfies z.ZodType<SignalLogEntry>;

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
  serviceModes: z.array(ServiceModeSchema),
  blockWindows: z.array(BlockWindowSchema),
  alarmEvents: nullable(AlarmEventCountSchema),
}) satisfies z.ZodType<SiteDetail>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actorUserId: nullable(id),
  actorName: nullable(z.string()),
  action: z.enum(AUDIT_ACTIONS),
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

// ---- the case screen ---------------------------------------------------------------------------

const UserRefSchema = z.object({ userId: id, name: z.string() });

export const CaseStepSchema = ActionPlanSchema.shape.steps.element.extend({
  ticked: nullable(z.object({ at: timestamp, by: UserRefSchema, note: nullable(z.string()) })),
}) satisfies z.ZodType<CaseStep>;

export const ContactAttemptSchema = z.object({
  id,
  at: timestamp,
  by: UserRefSchema,
  contactId: nullable(id),
  name: z.string(),
  routeKind: z.enum(CONTACT_ROUTE_KINDS),
  routeValue: z.string(),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: nullable(z.string()),
}) satisfies z.ZodType<ContactAttempt>;

export const CaseNoteSchema = z.object({
  id,
  at: timestamp,
  by: UserRefSchema,
  text: z.string(),
}) satisfies z.ZodType<CaseNote>;

export const CaseDetailSchema = z.object({
  summary: CaseSummarySchema,
  times: z.object({
    signalReceivedAt: timestamp,
    queuedAt: timestamp,
    firstPresentedAt: nullable(timestamp),
    acceptedAt: nullable(timestamp),
    firstContactAt: nullable(timestamp),
    closedAt: nullable(timestamp),
  }),
  site: nullable(SiteSchema),
  transmitters: z.array(TransmitterSchema),
  signals: z.array(
    z.object({
      id: z.string(),
      receivedAt: timestamp,
      account: z.string(),
      code: z.string(),
      zone: nullable(z.string()),
      text: nullable(z.string()),
      description: z.string(),
      decision: nullable(z.enum(SIGNAL_DECISIONS)),
      unencryptedFromKeyed: z.boolean(),
      zoneName: nullable(z.string()).optional(),
      zoneLocation: nullable(z.string()).optional(),
    }),
  ),
  steps: nullable(z.array(CaseStepSchema)),
  contacts: z.array(ContactSchema),
  onCall: z.array(z.object({ rosterId: id, rosterName: z.string(), member: nullable(OnCallMemberSchema) })),
  earlierCases: z.array(
    z.object({
      id,
      caseNo: z.string(),
      category: z.enum(ALARM_CATEGORIES),
      title: z.string(),
      queuedAt: timestamp,
      closedAt: nullable(timestamp),
      result: nullable(z.enum(CASE_RESULTS)),
    }),
  ),
  attempts: z.array(ContactAttemptSchema),
  notes: z.array(CaseNoteSchema),
  holds: z.array(
    z.object({
      by: UserRefSchema,
      from: timestamp,
      to: nullable(timestamp),
      endReason: nullable(z.enum(HOLD_END_REASONS)),
    }),
  ),
  history: z.array(
    z.object({
      id: z.string(),
      at: timestamp,
      type: z.string(),
      by: nullable(UserRefSchema),
      data: z.record(z.string(), z.unknown()),
      signalId: nullable(z.string()).optional(),
    }),
  ),
  result: nullable(
    z.object({
      code: z.enum(CASE_RESULTS),
      note: nullable(z.string()),
      openStepsReason: nullable(z.string()),
      by: UserRefSchema,
    }),
  ),
  siteKnowledge: nullable(CaseSiteKnowledgeSchema).optional(),
}) satisfies z.ZodType<CaseDetail>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

// ---- the closed-case search (GET /cases/closed) --------------------------------------------------

export const ClosedCasePageSchema = z.object({
  items: z.array(
    z.object({
      id,
      caseNo: z.string(),
      category: z.enum(ALARM_CATEGORIES),
      title: z.string(),
      account: z.string(),
      siteId: nullable(id),
      siteName: nullable(z.string()),
      siteAddress: nullable(z.string()),
      unknownTransmitter: z.boolean(),
      openedAt: timestamp,
      closedAt: timestamp,
      result: nullable(z.enum(CASE_RESULTS)),
      closedBy: nullable(UserRefSchema),
      signalCount: z.number().int(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  from: timestamp,
  to: timestamp,
}) satisfies z.ZodType<ClosedCasePage>;
