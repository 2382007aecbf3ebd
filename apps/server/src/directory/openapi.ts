import {
  ActionPlanInputSchema,
  AssignCaseInputSchema,
  PutBackInputSchema,
  TakeNextBodySchema,
  AlarmEventQuerySchema,
  ApprovalInputSchema,
  AuditQuerySchema,
  AuthorizationListInputSchema,
  AuthorizationListQuerySchema,
  BlockWindowConfirmInputSchema,
  BlockWindowInputSchema,
  BlockWindowListQuerySchema,
  CaseNoteInputSchema,
  ClosedCaseQuerySchema,
  CaseSummarySchema,
  CloseCaseInputSchema,
  ContactAttemptInputSchema,
  ContactInputSchema,
  ContractInputSchema,
  ContractListQuerySchema,
  CustomerInputSchema,
  DirectoryImportQuerySchema,
  DirectorySearchQuerySchema,
  IngestSignalSchema,
  LoginRequestSchema,
  OnCallRosterInputSchema,
  PageQuerySchema,
  PersonInputSchema,
  ReorderInputSchema,
  ServiceCompanyInputSchema,
  ServiceModeInputSchema,
  ServiceModeListQuerySchema,
  SetPasswordInputSchema,
  SignalLogQuerySchema,
  SiteInputSchema,
  SiteListQuerySchema,
  StepTickInputSchema,
  TransmitterInputSchema,
  TransmitterListQuerySchema,
  ROLES,
  type LoginResponse,
  ALARM_CATEGORIES,
  AUTHORITY_LEVELS,
  EndCallInputSchema,
  INTAKE_ACTIONS,
  INTAKE_OUTCOMES,
  IntakeBlockWindowInputSchema,
  IntakeCancelCaseInputSchema,
  IntakeEndServiceModeInputSchema,
  IntakeMessageInputSchema,
  ForwardMessageInputSchema,
  IntakeServiceModeInputSchema,
  SetCallSiteInputSchema,
  StartCallInputSchema,
  VerifyCallerInputSchema,
  type IntakeCall,
  type ManagerMessage,
  type ManagerMessageEntry,
  type SiteStatus,
  type VerificationAttempt,
  type VerificationOutcome,
  SetOperatorStateInputSchema,
  type OwnOperatorState,
  ChangeOwnPasswordInputSchema,
  CreateUserInputSchema,
  LoginActivityQuerySchema,
  LOGIN_FAILURE_REASONS,
  ResetPasswordInputSchema,
  TotpConfirmInputSchema,
  UnlockAddressInputSchema,
  UpdateSecuritySettingsInputSchema,
  UpdateUserInputSchema,
  type LoginActivity,
  type LoginFailure,
  type LoginResult,
  type OwnAccount,
  type SecuritySettings,
  type TotpEnrollment,
  type UserAccount,
} from '@arc/shared';
import { z } from 'zod';
import type { Route } from './openapi-route.js';
import { SITE_KNOWLEDGE_ROUTES } from './openapi-site-knowledge.js';
import {
  CallListQuerySchema,
  MessageListQuerySchema,
  StatusQuerySchema,
  VerificationListQuerySchema,
} from '../intake/intake-params.js';
import { SETTINGS_ROUTES } from '../settings/settings.openapi.js';
import { SHIFT_LOG_ROUTES } from '../shift-log/shift-log.openapi.js';

/** GET /cases/operators. */
const OperatorPresenceSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: z.enum(['operator', 'supervisor', 'admin']),
  online: z.boolean(),
  holding: z.number().int(),
});
import {
  ActionPlanSchema,
  AlarmEventCountSchema,
  AuditEntrySchema,
  AuthorizationListSchema,
  BlockWindowSchema,
  CaseDetailSchema,
  CaseNoteSchema,
  CaseStepSchema,
  ClosedCasePageSchema,
  ContactAttemptSchema,
  ContactSchema,
  ContractSchema,
  CustomerSchema,
  DirectorySearchHitSchema,
  OnCallRosterSchema,
  pageOf,
  PersonSchema,
  ServiceCompanySchema,
  ServiceModeSchema,
  SignalLogEntrySchema,
  SiteDetailSchema,
  SiteSchema,
  TransmitterSchema,
} from './openapi-schemas.js';

/**
 * GET /api/v1/openapi.json: a hand-kept route table, with every request and response schema
 * generated from the zod schemas the server validates with (z.toJSONSchema), so the document
 * describes exactly what the API accepts.
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...ROUTES, ...USER_ROUTES, ...SITE_KNOWLEDGE_ROUTES, ...SETTINGS_ROUTES, ...SHIFT_LOG_ROUTES]) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [...pathParameters(route.path), ...queryParameters(route.query)],
      responses: responses(route),
    };
    if (route.roles === 'public') operation.security = [];
    else if (route.roles === 'api-key') operation.security = [{ apiKey: [] }];
    else operation.description = `Roles: ${route.roles.join(', ')}.`;
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ARC platform API', version: '1' },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: { ApiError: jsonSchema(ApiErrorSchema, 'output') },
    },
    paths,
  };
}

const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  code: z.string().optional(),
  retryAfterSeconds: z.number().int().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const READ = ['operator', 'supervisor', 'admin'] as const;
const ADMIN = ['admin'] as const;
const SUPERVISE = ['supervisor', 'admin'] as const;

const LoginResponseSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.iso.datetime(),
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), role: z.enum(ROLES) }),
}) satisfies z.ZodType<LoginResponse>;

const LoginResultSchema = z.union([
  LoginResponseSchema,
  z.object({ secondFactor: z.literal('code-required') }),
  z.object({
    secondFactor: z.literal('enrollment-required'),
    enrollmentToken: z.string(),
    expiresAt: z.iso.datetime(),
  }),
]) satisfies z.ZodType<LoginResult>;

const roleSchema = z.enum(ROLES);
const isoOrNull = z.iso.datetime().nullable();
const UserAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  totpEnrolled: z.boolean(),
  totpRequired: z.boolean(),
  lastLoginAt: isoOrNull,
  lastFailedLoginAt: isoOrNull,
  failedLoginsSinceLastLogin: z.number().int(),
  lockedUntil: isoOrNull,
  passwordChangedAt: isoOrNull,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) satisfies z.ZodType<UserAccount>;
const OwnAccountSchema = UserAccountSchema.pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  totpEnrolled: true,
  totpRequired: true,
  lastLoginAt: true,
  passwordChangedAt: true,
}) satisfies z.ZodType<OwnAccount>;
const TotpEnrollmentSchema = z.object({ otpauthUri: z.string() }) satisfies z.ZodType<TotpEnrollment>;
const LoginFailureSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  username: z.string(),
  userId: z.uuid().nullable(),
  sourceAddress: z.string().nullable(),
  reason: z.enum(LOGIN_FAILURE_REASONS),
  lockedUntil: isoOrNull,
  lockScope: z.enum(['account', 'address']).nullable(),
}) satisfies z.ZodType<LoginFailure>;
const LoginActivitySchema = z.object({
  failures: z.array(LoginFailureSchema),
  lockedAccounts: z.array(
    z.object({ username: z.string(), userId: z.uuid().nullable(), lockedUntil: z.iso.datetime() }),
  ),
  lockedAddresses: z.array(z.object({ address: z.string(), lockedUntil: z.iso.datetime() })),
}) satisfies z.ZodType<LoginActivity>;
const SecuritySettingsSchema = z.object({
  totpRequiredRoles: z.array(roleSchema),
  throttle: z.object({
    accountMaxFailures: z.number().int(),
    accountWindowMinutes: z.number().int(),
    accountLockMinutes: z.number().int(),
    addressMaxFailures: z.number().int(),
    addressWindowMinutes: z.number().int(),
    addressLockMinutes: z.number().int(),
  }),
}) satisfies z.ZodType<SecuritySettings>;

/** User management, the second factor and login security (users module; sign-in in auth). */
const USER_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/auth/account',
    tag: 'auth',
    summary: "The signed-in user's own account (second factor, last sign-in)",
    roles: READ,
    response: OwnAccountSchema,
  },
  {
    method: 'post',
    path: '/auth/password',
    tag: 'auth',
    summary: 'Change your own password (needs the current one); answers a new token, all others stop working',
    roles: READ,
    body: ChangeOwnPasswordInputSchema,
    response: LoginResponseSchema,
    status: 200,
    errors: [429],
  },
  {
    method: 'post',
    path: '/auth/totp/enrollment',
    tag: 'auth',
    summary: 'Start setting up a second factor (access token or enrollment token); the secret is shown this once',
    roles: READ,
    response: TotpEnrollmentSchema,
    status: 200,
    errors: [409],
  },
  {
    method: 'post',
    path: '/auth/totp/confirm',
    tag: 'auth',
    summary: 'Confirm the second factor with a code from the app; signs in',
    roles: READ,
    body: TotpConfirmInputSchema,
    response: LoginResponseSchema,
    status: 200,
    errors: [409, 429],
  },
  {
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: 'List users',
    roles: ADMIN,
    response: z.array(UserAccountSchema),
  },
  {
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Create a user (password policy applies)',
    roles: ADMIN,
    body: CreateUserInputSchema,
    response: UserAccountSchema,
    status: 201,
    errors: [409],
  },
  {
    method: 'get',
    path: '/users/:id',
    tag: 'users',
    summary: 'Get a user',
    roles: ADMIN,
    response: UserAccountSchema,
    errors: [404],
  },
  {
    method: 'patch',
    path: '/users/:id',
    tag: 'users',
    summary: 'Rename or change the role (a role change signs the user out)',
    roles: ADMIN,
    body: UpdateUserInputSchema,
    response: UserAccountSchema,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/users/:id/password',
    tag: 'users',
    summary: "Reset a user's password (signs the user out everywhere)",
    roles: ADMIN,
    body: ResetPasswordInputSchema,
    response: UserAccountSchema,
    status: 200,
    errors: [404],
  },
  {
    method: 'post',
    path: '/users/:id/deactivate',
    tag: 'users',
    summary: 'Deactivate a user: tokens refused and sockets closed at once (not yourself, not the last admin)',
    roles: ADMIN,
    response: UserAccountSchema,
    status: 200,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/users/:id/activate',
    tag: 'users',
    summary: 'Reactivate a user',
    roles: ADMIN,
    response: UserAccountSchema,
    status: 200,
    errors: [404],
  },
  {
    method: 'post',
    path: '/users/:id/unlock',
    tag: 'users',
    summary: 'Unlock an account locked after failed sign-ins',
    roles: ADMIN,
    response: UserAccountSchema,
    status: 200,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/users/:id/totp',
    tag: 'users',
    summary: "Reset a user's second factor (the user enrols again; signs the user out)",
    roles: ADMIN,
    response: UserAccountSchema,
    errors: [404],
  },
  {
    method: 'get',
    path: '/security/logins',
    tag: 'security',
    summary: 'Recent failed sign-ins, locked accounts and addresses',
    roles: SUPERVISE,
    query: LoginActivityQuerySchema,
    response: LoginActivitySchema,
  },
  {
    method: 'post',
    path: '/security/unlock-address',
    tag: 'security',
    summary: 'Unblock a source address blocked after failed sign-ins',
    roles: ADMIN,
    body: UnlockAddressInputSchema,
    status: 204,
  },
  {
    method: 'get',
    path: '/security/settings',
    tag: 'security',
    summary: 'Security settings (roles that need a second factor; the throttle figures)',
    roles: ADMIN,
    response: SecuritySettingsSchema,
  },
  {
    method: 'put',
    path: '/security/settings',
    tag: 'security',
    summary: 'Change which roles must sign in with a second factor',
    roles: ADMIN,
    body: UpdateSecuritySettingsInputSchema,
    response: SecuritySettingsSchema,
  },
];

/** CRUD routes of one resource: list, create, get, replace, delete. */
function crud(
  base: string,
  tag: string,
  input: z.ZodType,
  output: z.ZodType,
  listQuery: z.ZodType,
  deleteConflict: boolean,
): Route[] {
  return [
    { method: 'get', path: base, tag, summary: `List ${tag}`, roles: READ, query: listQuery, response: pageOf(output) },
    {
      method: 'post',
      path: base,
      tag,
      summary: `Create`,
      roles: ADMIN,
      body: input,
      response: output,
      status: 201,
      errors: [409, 422],
    },
    { method: 'get', path: `${base}/:id`, tag, summary: `Get one`, roles: READ, response: output, errors: [404] },
    {
      method: 'put',
      path: `${base}/:id`,
      tag,
      summary: `Replace`,
      roles: ADMIN,
      body: input,
      response: output,
      errors: [404, 409, 422],
    },
    {
      method: 'delete',
      path: `${base}/:id`,
      tag,
      summary: `Delete`,
      roles: ADMIN,
      status: 204,
      errors: deleteConflict ? [404, 409] : [404],
    },
  ];
}

// ---- phone intake (intake/): response schemas, checked against the shared interfaces ----------

const VERIFICATION_RESULTS = ['VERIFIED', 'WRONG_PASSWORD', 'LOCKED', 'NO_PASSWORD', 'NOT_AUTHORIZED'] as const;
const IntakeCallSchema = z.object({
  id: z.uuid(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  operator: z.object({ userId: z.uuid(), name: z.string() }),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  caller: z.object({ personId: z.string().nullable(), name: z.string(), level: z.enum(AUTHORITY_LEVELS) }).nullable(),
  verified: z.boolean(),
  outcome: z.enum(INTAKE_OUTCOMES).nullable(),
  note: z.string().nullable(),
}) satisfies z.ZodType<IntakeCall>;
const VerificationOutcomeSchema = z.object({
  result: z.enum(VERIFICATION_RESULTS),
  message: z.string(),
  verificationId: z.uuid().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  person: z
    .object({ id: z.uuid(), name: z.string(), level: z.enum(AUTHORITY_LEVELS), installerOf: z.string().nullable() })
    .nullable(),
  actions: z.array(
    z.object({
      category: z.enum(ALARM_CATEGORIES),
      allowed: z.array(z.enum(INTAKE_ACTIONS)),
      refused: z.array(z.object({ action: z.enum(INTAKE_ACTIONS), reason: z.string() })),
    }),
  ),
  failedAttempts: z.number().int(),
  lockedUntil: z.iso.datetime().nullable(),
}) satisfies z.ZodType<VerificationOutcome>;
const VerificationAttemptSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  operator: z.object({ userId: z.uuid(), name: z.string() }),
  person: z.object({ id: z.string().nullable(), name: z.string() }),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  result: z.enum(VERIFICATION_RESULTS),
  lockedUntil: z.iso.datetime().nullable(),
}) satisfies z.ZodType<VerificationAttempt>;
const SiteStatusSchema = z.object({
  siteId: z.uuid(),
  openCases: z.array(
    z.object({
      id: z.uuid(),
      caseNo: z.string(),
      category: z.enum(ALARM_CATEGORIES),
      title: z.string(),
      status: z.string(),
      queuedAt: z.iso.datetime(),
    }),
  ),
  serviceModes: z.array(
    z.object({
      id: z.uuid(),
      account: z.string(),
      category: z.enum(ALARM_CATEGORIES).nullable(),
      endsAt: z.iso.datetime(),
    }),
  ),
  blockWindows: z.array(
    z.object({
      id: z.uuid(),
      account: z.string(),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      state: z.string(),
    }),
  ),
}) satisfies z.ZodType<SiteStatus>;
const ManagerMessageSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  contractId: z.uuid().nullable(),
  siteId: z.uuid(),
  fromPerson: z.object({ id: z.uuid(), name: z.string() }),
  text: z.string(),
  takenBy: z.object({ userId: z.uuid(), name: z.string() }),
}) satisfies z.ZodType<ManagerMessage>;
const ManagerMessageEntrySchema = ManagerMessageSchema.extend({
  fromPerson: z.object({ id: z.uuid().nullable(), name: z.string() }),
  siteName: z.string(),
  contract: z
    .object({
      contractNo: z.string(),
      managerName: z.string(),
      managerPhone: z.string().nullable(),
      managerEmail: z.string().nullable(),
    })
    .nullable(),
  forwarded: z
    .object({ at: z.iso.datetime(), by: z.object({ userId: z.uuid(), name: z.string() }), note: z.string() })
    .nullable(),
}) satisfies z.ZodType<ManagerMessageEntry>;

const ROUTES: Route[] = [
  {
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Log in (a second factor may be asked for, or its enrolment)',
    roles: 'public',
    body: LoginRequestSchema,
    response: LoginResultSchema,
    status: 200,
    errors: [401, 429],
  },
  {
    method: 'post',
    path: '/auth/refresh',
    tag: 'auth',
    summary: 'Refresh the token',
    roles: READ,
    response: LoginResponseSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The signed-in user',
    roles: READ,
    response: LoginResponseSchema.shape.user,
  },
  {
    method: 'post',
    path: '/signals',
    tag: 'signals',
    summary: 'Ingest a signal from another system (200 when the eventId was already stored)',
    roles: 'api-key',
    body: IngestSignalSchema,
    response: z.object({}).loose(),
    status: 201,
  },
  {
    method: 'get',
    path: '/health',
    tag: 'health',
    summary: 'Health of PostgreSQL, Redis and the receivers',
    roles: 'public',
    response: z.object({}).loose(),
    errors: [503],
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'meta',
    summary: 'This document',
    roles: 'public',
    response: z.object({}).loose(),
  },

  ...crud('/customers', 'customers', CustomerInputSchema, CustomerSchema, PageQuerySchema, true),
  ...crud('/contracts', 'contracts', ContractInputSchema, ContractSchema, ContractListQuerySchema, true),
  ...crud('/sites', 'sites', SiteInputSchema, SiteSchema, SiteListQuerySchema, false).map((route) =>
    route.method === 'delete'
      ? {
          ...route,
          summary: 'Delete (204) or, when the site has history, archive it (200 with the site)',
          response: SiteSchema,
        }
      : route,
  ),
  {
    method: 'post',
    path: '/sites/:id/unarchive',
    tag: 'sites',
    summary: 'Unarchive',
    roles: ADMIN,
    response: SiteSchema,
    status: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:id/detail',
    tag: 'sites',
    summary: 'Everything an operator needs about a site',
    roles: READ,
    response: SiteDetailSchema,
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:id/signals',
    tag: 'sites',
    summary: "The site's signal log, newest first, with each signal's decision; page back with before = the last id",
    roles: READ,
    query: SignalLogQuerySchema,
    response: z.array(SignalLogEntrySchema),
    errors: [404],
  },
  {
    method: 'get',
    path: '/contracts/:id/alarm-events',
    tag: 'contracts',
    summary: "Cases opened for the contract's sites in a calendar year (UTC; default this year) against its quota",
    roles: READ,
    query: AlarmEventQuerySchema,
    response: AlarmEventCountSchema,
    errors: [404],
  },
  ...crud('/transmitters', 'transmitters', TransmitterInputSchema, TransmitterSchema, TransmitterListQuerySchema, true),
  ...crud(
    '/authorization-lists',
    'authorization-lists',
    AuthorizationListInputSchema,
    AuthorizationListSchema,
    AuthorizationListQuerySchema,
    true,
  ),
  {
    method: 'get',
    path: '/authorization-lists/:id/persons',
    tag: 'authorization-lists',
    summary: 'Persons on the list',
    roles: READ,
    response: z.array(PersonSchema),
    errors: [404],
  },
  ...crud('/persons', 'persons', PersonInputSchema, PersonSchema, PageQuerySchema, false).filter(
    (r) => r.path !== '/persons' || r.method !== 'get',
  ),
  {
    method: 'post',
    path: '/persons/:id/password',
    tag: 'persons',
    summary: 'Set the authority password on the written request of an A-level person of the same list',
    roles: ADMIN,
    body: SetPasswordInputSchema,
    status: 204,
    errors: [404, 422],
  },
  ...crud(
    '/service-companies',
    'service-companies',
    ServiceCompanyInputSchema,
    ServiceCompanySchema,
    PageQuerySchema,
    false,
  ),
  {
    method: 'post',
    path: '/service-companies/:id/approvals',
    tag: 'service-companies',
    summary: 'Add a police approval or fire certificate',
    roles: ADMIN,
    body: ApprovalInputSchema,
    response: ServiceCompanySchema,
    status: 201,
    errors: [404, 422],
  },
  {
    method: 'delete',
    path: '/service-companies/:id/approvals/:approvalId',
    tag: 'service-companies',
    summary: 'Remove an approval',
    roles: ADMIN,
    status: 204,
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:siteId/contacts',
    tag: 'contacts',
    summary: 'Contacts in call order',
    roles: READ,
    response: z.array(ContactSchema),
    errors: [404],
  },
  {
    method: 'post',
    path: '/sites/:siteId/contacts',
    tag: 'contacts',
    summary: 'Add a contact (last)',
    roles: ADMIN,
    body: ContactInputSchema,
    response: ContactSchema,
    status: 201,
    errors: [404],
  },
  {
    method: 'put',
    path: '/sites/:siteId/contacts/order',
    tag: 'contacts',
    summary: 'Reorder all contacts of the site',
    roles: ADMIN,
    body: ReorderInputSchema,
    response: z.array(ContactSchema),
    errors: [404, 422],
  },
  {
    method: 'put',
    path: '/contacts/:id',
    tag: 'contacts',
    summary: 'Replace a contact',
    roles: ADMIN,
    body: ContactInputSchema,
    response: ContactSchema,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/contacts/:id',
    tag: 'contacts',
    summary: 'Delete a contact',
    roles: ADMIN,
    status: 204,
    errors: [404, 409],
  },
  ...crud('/on-call-rosters', 'on-call-rosters', OnCallRosterInputSchema, OnCallRosterSchema, PageQuerySchema, true),
  {
    method: 'get',
    path: '/sites/:siteId/action-plans',
    tag: 'action-plans',
    summary: 'All action plans of the site',
    roles: READ,
    response: z.array(ActionPlanSchema),
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:siteId/action-plans/:category',
    tag: 'action-plans',
    summary: 'One action plan',
    roles: READ,
    response: ActionPlanSchema,
    errors: [404],
  },
  {
    method: 'put',
    path: '/sites/:siteId/action-plans/:category',
    tag: 'action-plans',
    summary: 'Replace the plan; steps run in array order',
    roles: ADMIN,
    body: ActionPlanInputSchema,
    response: ActionPlanSchema,
    errors: [404, 422],
  },
  {
    method: 'delete',
    path: '/sites/:siteId/action-plans/:category',
    tag: 'action-plans',
    summary: 'Delete the plan',
    roles: ADMIN,
    status: 204,
    errors: [404],
  },
  {
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Audit log, newest first',
    roles: ['supervisor', 'admin'],
    query: AuditQuerySchema,
    response: pageOf(AuditEntrySchema),
  },

  // Service modes and block windows live in rules/windows; listed here so the document is complete.
  {
    method: 'get',
    path: '/service-modes',
    tag: 'service-modes',
    summary: 'Service modes, newest first (at most 1000)',
    roles: READ,
    query: ServiceModeListQuerySchema,
    response: z.array(ServiceModeSchema),
  },
  {
    method: 'post',
    path: '/service-modes',
    tag: 'service-modes',
    summary:
      'Put a transmitter (or one category) in service mode from now, on the request of a person who may speak for the site',
    roles: READ,
    body: ServiceModeInputSchema,
    response: ServiceModeSchema,
    status: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/service-modes/:id',
    tag: 'service-modes',
    summary: 'One service mode',
    roles: READ,
    response: ServiceModeSchema,
    errors: [404],
  },
  {
    method: 'post',
    path: '/service-modes/:id/end',
    tag: 'service-modes',
    summary: 'End it now; alarms from its period still not restored become cases',
    roles: READ,
    response: ServiceModeSchema,
    status: 200,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/block-windows',
    tag: 'block-windows',
    summary: 'Block windows, latest start first (at most 1000)',
    roles: READ,
    query: BlockWindowListQuerySchema,
    response: z.array(BlockWindowSchema),
  },
  {
    method: 'post',
    path: '/block-windows',
    tag: 'block-windows',
    summary: 'Register a block window on a written request; 409 names an overlapping window',
    roles: READ,
    body: BlockWindowInputSchema,
    response: BlockWindowSchema,
    status: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/block-windows/:id',
    tag: 'block-windows',
    summary: 'One block window',
    roles: READ,
    response: BlockWindowSchema,
    errors: [404],
  },
  {
    method: 'post',
    path: '/block-windows/:id/confirm',
    tag: 'block-windows',
    summary: 'Record the completion confirmation (klarrapport) sent to the requester',
    roles: READ,
    body: BlockWindowConfirmInputSchema,
    response: BlockWindowSchema,
    status: 200,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/block-windows/:id/cancel',
    tag: 'block-windows',
    summary: 'Cancel it before its start, or end it now while active',
    roles: READ,
    response: BlockWindowSchema,
    status: 200,
    errors: [404, 409],
  },

  // The case screen lives in cases (CaseRecordsController); listed here so the document is complete.
  {
    method: 'post',
    path: '/cases/take-next',
    tag: 'cases',
    summary:
      'Take the top case of the queue (priority, then age); exactly one operator gets each case. 204 when nothing waits. 409 OPERATOR_NOT_AVAILABLE when the caller is away, unless becomeAvailable',
    roles: READ,
    body: TakeNextBodySchema,
    response: CaseDetailSchema,
    status: 200,
    errors: [409],
  },
  {
    method: 'post',
    path: '/cases/:id/acknowledge',
    tag: 'cases',
    summary:
      'The holder acknowledges a case given to them (site sticks to its operator, supervisor assignment); idempotent. Unacknowledged by ackDueAt it goes back to the queue',
    roles: READ,
    response: CaseSummarySchema,
    status: 200,
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/cases/:id/put-back',
    tag: 'cases',
    summary: 'Give a held case back to the queue with a reason (holder only); it goes in front of its priority',
    roles: READ,
    body: PutBackInputSchema,
    response: CaseSummarySchema,
    status: 200,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/cases/:id/assign',
    tag: 'cases',
    summary: 'Give a waiting or held case to a named user (supervisor, admin)',
    roles: SUPERVISE,
    body: AssignCaseInputSchema,
    response: CaseSummarySchema,
    status: 200,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/:id/move-to-top',
    tag: 'cases',
    summary: 'Move a waiting case to the top of the queue (supervisor, admin)',
    roles: SUPERVISE,
    response: CaseSummarySchema,
    status: 200,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/cases/operators',
    tag: 'cases',
    summary: 'Users who can work cases, whether a console is connected, and how many cases each holds',
    roles: SUPERVISE,
    response: z.array(OperatorPresenceSchema),
  },
  {
    method: 'get',
    path: '/cases/mine',
    tag: 'cases',
    summary: 'The cases the caller holds, in queue order (for a console reload)',
    roles: READ,
    response: z.array(CaseSummarySchema),
  },
  {
    method: 'get',
    path: '/cases/:id',
    tag: 'cases',
    summary:
      'Everything about a case: times, signals, action-plan steps with ticks, contacts, on-call, earlier cases of the site, attempts, notes, holds, history, result',
    roles: READ,
    response: CaseDetailSchema,
    errors: [404],
  },
  {
    method: 'post',
    path: '/cases/:id/attempts',
    tag: 'cases',
    summary: 'Record a contact attempt (holder only); the first sets the first contact time',
    roles: READ,
    body: ContactAttemptInputSchema,
    response: ContactAttemptSchema,
    status: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/:id/steps/:stepId/tick',
    tag: 'cases',
    summary: "Tick a step of the site's action plan for the case (holder only; once per step)",
    roles: READ,
    body: StepTickInputSchema,
    response: CaseStepSchema,
    status: 200,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/:id/notes',
    tag: 'cases',
    summary: 'Add a note (the holder, or any supervisor or administrator)',
    roles: READ,
    body: CaseNoteInputSchema,
    response: CaseNoteSchema,
    status: 201,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/cases/:id/close',
    tag: 'cases',
    summary:
      'Close with a result (holder only); open mandatory steps need openStepsReason; a hold-up cannot be cancelled by a caller',
    roles: READ,
    body: CloseCaseInputSchema,
    response: CaseDetailSchema,
    status: 200,
    errors: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/cases/closed',
    tag: 'cases',
    summary:
      'Closed cases, newest closed first: by period (default the last 7 days, at most 366), site (id or text), account, category, result, operator who worked them; paged',
    roles: READ,
    query: ClosedCaseQuerySchema,
    response: ClosedCasePageSchema,
  },

  // Search, import and export live in directory-tools; listed here so the document is complete.
  {
    method: 'get',
    path: '/directory/search',
    tag: 'directory-tools',
    summary: 'Typo-tolerant search across sites, accounts, customers, contracts and persons',
    roles: READ,
    query: DirectorySearchQuerySchema,
    response: z.array(DirectorySearchHitSchema),
  },
  {
    method: 'get',
    path: '/directory/export',
    tag: 'directory-tools',
    summary: 'Export the directory as JSON',
    roles: ADMIN,
    response: z.object({}).loose(),
  },
  {
    method: 'post',
    path: '/directory/import',
    tag: 'directory-tools',
    summary: 'Import a directory export: 201 written, 200 a clean dry run, 422 rejected with a report',
    roles: ADMIN,
    query: DirectoryImportQuerySchema,
    body: z.object({}).loose(),
    response: z.object({}).loose(),
    status: 201,
    otherBodies: {
      200: { description: 'A clean dry run: the report, nothing written', schema: z.object({}).loose() },
      422: {
        description: 'Rejected: the report names section, row and field; nothing written',
        schema: z.object({}).loose(),
      },
    },
  },

  // Phone intake lives in intake/; listed here so the document is complete. Every action needs a
  // fresh verification (verificationId) of the caller by the same operator in the same call.
  {
    method: 'get',
    path: '/intake/verifications',
    tag: 'intake',
    summary: 'Caller verification attempts, newest first; failedOnly=true for the failed and locked ones',
    roles: SUPERVISE,
    query: VerificationListQuerySchema,
    response: z.array(VerificationAttemptSchema),
  },
  {
    method: 'get',
    path: '/intake/calls',
    tag: 'intake',
    summary: 'Calls started in [from, to), oldest first (answering-service reports ZR0010/ZR0020)',
    roles: SUPERVISE,
    query: CallListQuerySchema,
    response: z.array(IntakeCallSchema),
  },
  {
    method: 'get',
    path: '/intake/calls/mine/open',
    tag: 'intake',
    summary: "The signed-in operator's calls not ended yet, newest first (a reloaded console picks its call up)",
    roles: READ,
    response: z.array(IntakeCallSchema),
  },
  {
    method: 'post',
    path: '/intake/calls',
    tag: 'intake',
    summary: 'Start a call (answered now by the caller of this route), optionally with its site',
    roles: READ,
    body: StartCallInputSchema,
    response: IntakeCallSchema,
    status: 201,
    errors: [422],
  },
  {
    method: 'get',
    path: '/intake/calls/:id',
    tag: 'intake',
    summary: 'One call (its operator, supervisors, administrators)',
    roles: READ,
    response: IntakeCallSchema,
    errors: [404],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/site',
    tag: 'intake',
    summary: "Set or correct the call's site (its operator only); a caller verified for another site is cleared",
    roles: READ,
    body: SetCallSiteInputSchema,
    response: IntakeCallSchema,
    status: 200,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/end',
    tag: 'intake',
    summary: 'End the call with its outcome (its operator only)',
    roles: READ,
    body: EndCallInputSchema,
    response: IntakeCallSchema,
    status: 200,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/verify',
    tag: 'intake',
    summary:
      "Verify the caller's authority password for the call's site; every attempt is recorded, repeated failures lock the person",
    roles: READ,
    body: VerifyCallerInputSchema,
    response: VerificationOutcomeSchema,
    status: 200,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/service-mode',
    tag: 'intake',
    summary:
      'Service mode on the request of the verified caller (the rules of POST /service-modes plus the authority table)',
    roles: READ,
    body: IntakeServiceModeInputSchema,
    response: ServiceModeSchema,
    status: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/end-service-mode',
    tag: 'intake',
    summary: 'End a service mode now on the request of the verified caller',
    roles: READ,
    body: IntakeEndServiceModeInputSchema,
    response: ServiceModeSchema,
    status: 200,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/block-window',
    tag: 'intake',
    summary: 'Register a block window on the written request of the verified caller',
    roles: READ,
    body: IntakeBlockWindowInputSchema,
    response: BlockWindowSchema,
    status: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/cancel-case',
    tag: 'intake',
    summary:
      'Close an open case of the site as a false alarm (user error) on the request of the verified caller; never a hold-up',
    roles: READ,
    body: IntakeCancelCaseInputSchema,
    response: CaseSummarySchema,
    status: 200,
    errors: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/intake/calls/:id/status',
    tag: 'intake',
    summary: "The site's open cases, service modes in force and block windows not yet ended, for the verified caller",
    roles: READ,
    query: StatusQuerySchema,
    response: SiteStatusSchema,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/intake/calls/:id/message',
    tag: 'intake',
    summary: "Take a message from the verified caller for the site's contract manager",
    roles: READ,
    body: IntakeMessageInputSchema,
    response: ManagerMessageSchema,
    status: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/intake/messages',
    tag: 'intake',
    summary:
      'Messages for contract managers: by default those not passed on yet, oldest first; waiting=false for all, newest first',
    roles: SUPERVISE,
    query: MessageListQuerySchema,
    response: z.array(ManagerMessageEntrySchema),
  },
  {
    method: 'post',
    path: '/intake/messages/:id/forwarded',
    tag: 'intake',
    summary: 'Record that the message reached its contract manager, and how (once)',
    roles: SUPERVISE,
    body: ForwardMessageInputSchema,
    response: ManagerMessageEntrySchema,
    errors: [404, 409],
  },

  // ---- supervisor view, operator states, metrics (supervision-metrics/) ----
  {
    method: 'get',
    path: '/supervisor/snapshot',
    tag: 'supervisor',
    summary:
      'The latest supervisor snapshot (also pushed as supervisor.snapshot.v1): queue per priority, accept-time compliance, history, operators, verifications, alerts',
    roles: SUPERVISE,
    response: z.object({}).loose(),
  },
  {
    method: 'get',
    path: '/operators/me/state',
    tag: 'supervisor',
    summary: 'The state the caller last set (null state when never set)',
    roles: READ,
    response: z.object({
      state: z.enum(['AVAILABLE', 'AWAY']).nullable(),
      reason: z.string().nullable(),
      since: z.iso.datetime().nullable(),
    }) satisfies z.ZodType<OwnOperatorState>,
  },
  {
    method: 'post',
    path: '/operators/me/state',
    tag: 'supervisor',
    summary: 'Set yourself available, or away with a reason (on a case and on a call are derived)',
    roles: READ,
    body: SetOperatorStateInputSchema,
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'health',
    summary: 'Prometheus metrics (text format; keep it on the internal network)',
    roles: 'public',
  },
  {
    method: 'get',
    path: '/health/live',
    tag: 'health',
    summary: 'Liveness: the process answers',
    roles: 'public',
    response: z.object({}).loose(),
  },
  {
    method: 'get',
    path: '/health/ready',
    tag: 'health',
    summary: 'Readiness: PostgreSQL stores and the receivers listen (Redis is reported only)',
    roles: 'public',
    response: z.object({}).loose(),
    errors: [503],
  },
];

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const generated: Record<string, unknown> = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  // OpenAPI 3.1 implies the dialect; a $schema inside every operation is noise.
  delete generated.$schema;
  return generated;
}

function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function pathParameters(path: string): Record<string, unknown>[] {
  return [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema:
      name === 'category'
        ? { type: 'string', enum: ['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'] }
        : { type: 'string', format: 'uuid' },
  }));
}

function queryParameters(query: z.ZodType | undefined): Record<string, unknown>[] {
  if (!query) return [];
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function responses(route: Route): Record<string, unknown> {
  const error = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
  };
  const status = route.status ?? 200;
  const result: Record<string, unknown> = {
    [status]: route.response
      ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
      : { description: 'No content' },
  };
  if (route.method === 'delete' && route.path === '/sites/:id') result['204'] = { description: 'Deleted' };
  // A body too large (413) or not UTF-8 JSON (415) is refused on every route that takes one.
  const bodyErrors = route.body ? [413, 415] : [];
  for (const code of [400, ...(route.roles === 'public' ? [] : [401, 403]), ...bodyErrors, ...(route.errors ?? [])])
    result[code] = error;
  for (const [code, other] of Object.entries(route.otherBodies ?? {})) {
    result[code] = {
      description: other.description,
      content: { 'application/json': { schema: jsonSchema(other.schema, 'output') } },
    };
  }
  return result;
}
