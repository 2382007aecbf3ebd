import { z } from 'zod';
import { queryInt, safeString } from './safe-input.js';
import { ALARM_CATEGORIES } from './alarm.js';
import {
  APPROVAL_KINDS,
  AUTHORITY_LEVELS,
  ContactInputSchema,
  ContractInputSchema,
  CustomerInputSchema,
  Dc09KeySchema,
  OnCallRosterInputSchema,
  PhoneSchema,
  SiteInputSchema,
  STEP_TYPES,
  requireEncryptionNeedsKey,
  TransmitterFieldsSchema,
} from './directory.js';
import { duplicateZone, SiteKnowledgeInputSchema, TransmitterZonesInputSchema } from './site-knowledge.js';

/**
 * The whole directory as one JSON document, for migration from (or to) another system:
 * GET /api/v1/directory/export and POST /api/v1/directory/import?dryRun=true|false.
 *
 * Format `arc-directory`, version 1. Every section is an array (a missing section is empty).
 * Rows never carry database ids; they refer to each other by natural keys:
 *
 * | section            | key of the row               | refers to                                          |
 * |--------------------|------------------------------|----------------------------------------------------|
 * | customers          | customerNo                   |                                                    |
 * | contracts          | contractNo                   | customerNo (in the file or already in the database) |
 * | sites              | ref (unique in the file)     | contractNo (file or database), or null             |
 * | transmitters       | account                      | siteRef                                            |
 * | authorizationLists | ref (name need not be unique)| siteRefs; holds its persons                        |
 * | serviceCompanies   | ref                          | siteRefs; holds its installers and approvals       |
 * | contacts           | ref                          | siteRef; call order = order in the file per site   |
 * | onCallRosters      | ref                          |                                                    |
 * | actionPlans        | siteRef + category           | steps refer to contactRef (same site), rosterRef   |
 *
 * An export uses the database ids as refs, so a file exported here imports unchanged; a file
 * from elsewhere may use any strings. Secrets are never exported. On import a transmitter may
 * carry its AES key in plaintext (`encryptionKey: { format: 'hex' | 'text', value }`) and a person their authority password
 * (`password`); both are sealed/hashed on the way in and never stored as given.
 *
 * Import adds to the directory: customer numbers, contract numbers and accounts must not exist
 * yet. It is all or nothing: any rejected row rejects the whole file, and the report names each
 * rejected row by section, index (0-based within its section) and ref.
 */
export const DIRECTORY_TRANSFER_FORMAT = 'arc-directory';
export const DIRECTORY_TRANSFER_VERSION = 1;

const ref = safeString().trim().min(1, 'is required').max(100);
const isoDate = z.iso.date('must be a date YYYY-MM-DD');
const nullableDate = isoDate.nullish().transform((v) => v ?? null);
const validPeriod = (p: { validFrom: string | null; validTo: string | null }) =>
  !p.validFrom || !p.validTo || p.validFrom <= p.validTo;

export const TransferCustomerSchema = CustomerInputSchema;

export const TransferContractSchema = ContractInputSchema.omit({ customerId: true }).extend({ customerNo: ref });

export const TransferSiteSchema = SiteInputSchema.omit({ contractId: true })
  .extend({
    ref,
    contractNo: ref.nullish().transform((v) => v ?? null),
    /** Archived sites travel too: their history may still refer to them. */
    archivedAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO date-time' })
      .nullish()
      .transform((v) => v ?? null),
  })
  .extend(SiteKnowledgeInputSchema.shape);

/** The API's transmitter, with the site named by its ref and the key given in plaintext. */
export const TransferTransmitterSchema = TransmitterFieldsSchema.omit({
  siteId: true,
  encryptionKey: true,
  requireEncryption: true,
})
  .extend({
    siteRef: ref,
    /** Import only, plaintext as programmed in the panel, `{ format: 'hex' | 'text', value }`; never exported. */
    encryptionKey: Dc09KeySchema.nullish().transform((v) => v ?? null),
    /** Exported; on import it needs `encryptionKey`, which an export never carries. */
    requireEncryption: z.boolean('must be true or false').default(false),
    /** The zone names (as PUT /transmitters/:id/zones); missing means none. */
    zones: TransmitterZonesInputSchema.shape.zones.default([]),
  })
  .superRefine(requireEncryptionNeedsKey('needs encryptionKey (an export carries no keys: add the key of the panel)'))
  .superRefine((t, ctx) => {
    const problem = duplicateZone(t.zones);
    if (problem) ctx.addIssue({ code: 'custom', path: ['zones', problem.index, 'zone'], message: problem.message });
  });

export const TransferPersonSchema = z
  .object({
    /** Needed only where something refers to the person (an installer's approval). */
    ref: ref.nullish().transform((v) => v ?? null),
    name: safeString().trim().min(1, 'is required').max(200),
    phone: PhoneSchema,
    level: z.enum(AUTHORITY_LEVELS, 'must be A, B or C'),
    validFrom: nullableDate,
    validTo: nullableDate,
    /** Import only, plaintext; hashed with argon2id. Never exported. */
    password: safeString().min(6, 'must be at least 6 characters').max(100).nullish(),
  })
  .strict()
  .refine(validPeriod, { message: 'must not be before validFrom', path: ['validTo'] });

export const TransferAuthorizationListSchema = z
  .object({
    ref,
    name: safeString().trim().min(1, 'is required').max(200),
    siteRefs: z.array(ref).max(1000).default([]),
    persons: z.array(TransferPersonSchema).max(10_000).default([]),
  })
  .strict();

export const TransferApprovalSchema = z
  .object({
    kind: z.enum(APPROVAL_KINDS),
    /** Null for the whole company, else the ref of one of the company's installers. */
    installerRef: ref.nullish().transform((v) => v ?? null),
    reference: safeString().trim().min(1, 'is required').max(100),
    validFrom: nullableDate,
    validTo: nullableDate,
  })
  .strict()
  .refine(validPeriod, { message: 'must not be before validFrom', path: ['validTo'] });

export const TransferServiceCompanySchema = z
  .object({
    ref,
    name: safeString().trim().min(1, 'is required').max(200),
    orgNo: CustomerInputSchema.shape.orgNo,
    siteRefs: z.array(ref).max(10_000).default([]),
    installers: z.array(TransferPersonSchema).max(10_000).default([]),
    approvals: z.array(TransferApprovalSchema).max(10_000).default([]),
  })
  .strict();

export const TransferContactSchema = ContactInputSchema.extend({ ref, siteRef: ref });

export const TransferOnCallRosterSchema = OnCallRosterInputSchema.extend({ ref });

export const TransferActionStepSchema = z
  .object({
    type: z.enum(STEP_TYPES),
    contactRef: ref.nullish().transform((v) => v ?? null),
    rosterRef: ref.nullish().transform((v) => v ?? null),
    instruction: safeString()
      .trim()
      .max(2000)
      .nullish()
      .transform((v) => (v ? v : null)),
    mandatory: z.boolean().default(false),
  })
  .strict()
  .superRefine((step, ctx) => {
    if (step.type === 'CALL_CONTACT' && !step.contactRef) {
      ctx.addIssue({
        code: 'custom',
        path: ['contactRef'],
        message: 'A contact is required for a "call contact" step',
      });
    }
    if (step.type === 'CALL_ON_CALL' && !step.rosterRef) {
      ctx.addIssue({
        code: 'custom',
        path: ['rosterRef'],
        message: 'An on-call roster is required for a "call on-call" step',
      });
    }
    if (step.type === 'INSTRUCTION' && !step.instruction) {
      ctx.addIssue({
        code: 'custom',
        path: ['instruction'],
        message: 'Instruction text is required for an instruction step',
      });
    }
  });

export const TransferActionPlanSchema = z
  .object({
    siteRef: ref,
    category: z.enum(ALARM_CATEGORIES),
    steps: z.array(TransferActionStepSchema).max(50),
  })
  .strict();

/** Row schemas per section; the server parses every row on its own so each bad row is named. */
export const TRANSFER_ROW_SCHEMAS = {
  customers: TransferCustomerSchema,
  contracts: TransferContractSchema,
  sites: TransferSiteSchema,
  transmitters: TransferTransmitterSchema,
  authorizationLists: TransferAuthorizationListSchema,
  serviceCompanies: TransferServiceCompanySchema,
  contacts: TransferContactSchema,
  onCallRosters: TransferOnCallRosterSchema,
  actionPlans: TransferActionPlanSchema,
} as const;

export type TransferSection = keyof typeof TRANSFER_ROW_SCHEMAS;
export const TRANSFER_SECTIONS = Object.keys(TRANSFER_ROW_SCHEMAS) as TransferSection[];

/** The envelope only: rows stay `unknown` until each is parsed with its section's schema. */
export const DirectoryTransferEnvelopeSchema = z
  .object({
    format: z.literal(DIRECTORY_TRANSFER_FORMAT).optional(),
    version: z.literal(DIRECTORY_TRANSFER_VERSION, 'must be 1'),
    exportedAt: safeString().optional(),
    customers: z.array(z.unknown()).default([]),
    contracts: z.array(z.unknown()).default([]),
    sites: z.array(z.unknown()).default([]),
    transmitters: z.array(z.unknown()).default([]),
    authorizationLists: z.array(z.unknown()).default([]),
    serviceCompanies: z.array(z.unknown()).default([]),
    contacts: z.array(z.unknown()).default([]),
    onCallRosters: z.array(z.unknown()).default([]),
    actionPlans: z.array(z.unknown()).default([]),
  })
  .strict();

export type TransferCustomer = z.input<typeof TransferCustomerSchema>;
export type TransferContract = z.input<typeof TransferContractSchema>;
export type TransferSite = z.input<typeof TransferSiteSchema>;
export type TransferTransmitter = z.input<typeof TransferTransmitterSchema>;
export type TransferPerson = z.input<typeof TransferPersonSchema>;
export type TransferAuthorizationList = z.input<typeof TransferAuthorizationListSchema>;
export type TransferApproval = z.input<typeof TransferApprovalSchema>;
export type TransferServiceCompany = z.input<typeof TransferServiceCompanySchema>;
export type TransferContact = z.input<typeof TransferContactSchema>;
export type TransferOnCallRoster = z.input<typeof TransferOnCallRosterSchema>;
export type TransferActionStep = z.input<typeof TransferActionStepSchema>;
export type TransferActionPlan = z.input<typeof TransferActionPlanSchema>;

/** What an import file holds (and what an export returns, without the secret fields). */
export interface DirectoryTransferDocument {
  format?: typeof DIRECTORY_TRANSFER_FORMAT;
  version: typeof DIRECTORY_TRANSFER_VERSION;
  exportedAt?: string;
  customers: TransferCustomer[];
  contracts: TransferContract[];
  sites: TransferSite[];
  transmitters: TransferTransmitter[];
  authorizationLists: TransferAuthorizationList[];
  serviceCompanies: TransferServiceCompany[];
  contacts: TransferContact[];
  onCallRosters: TransferOnCallRoster[];
  actionPlans: TransferActionPlan[];
}

export interface DirectoryImportCounts {
  customers: number;
  contracts: number;
  sites: number;
  transmitters: number;
  authorizationLists: number;
  persons: number;
  serviceCompanies: number;
  installers: number;
  approvals: number;
  contacts: number;
  onCallRosters: number;
  actionPlans: number;
  actionPlanSteps: number;
}

export interface DirectoryImportRejection {
  section: TransferSection | 'document';
  /** 0-based position within the section. */
  index: number;
  ref?: string;
  /** Dotted path within the row, e.g. `persons.2.phone`. */
  field: string;
  message: string;
}

/** The answer of POST /directory/import: 201 when written, 200 for a clean dry run, 422 when rejected. */
export interface DirectoryImportReport {
  valid: boolean;
  dryRun: boolean;
  /** Rows in the file per kind (written when valid and not a dry run). */
  counts: DirectoryImportCounts;
  rejected: DirectoryImportRejection[];
}

export const DirectoryImportQuerySchema = z
  .object({ dryRun: z.enum(['true', 'false']).default('false') })
  .transform((q) => ({ dryRun: q.dryRun === 'true' }));

export const DirectorySearchQuerySchema = z.object({
  q: safeString('is required').trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  limit: queryInt(1, 50).default(20),
});
export type DirectorySearchQuery = z.infer<typeof DirectorySearchQuerySchema>;
