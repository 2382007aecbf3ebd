import {
  DirectoryTransferEnvelopeSchema,
  TRANSFER_ROW_SCHEMAS,
  TRANSFER_SECTIONS,
  type DirectoryImportCounts,
  type DirectoryImportRejection,
  type TransferSection,
} from '@arc/shared/directory-transfer';
import type { z } from 'zod';
import type { Sql } from '../../database/sql-kit.js';

export type Parsed<S extends TransferSection> = z.output<(typeof TRANSFER_ROW_SCHEMAS)[S]>;
export type ParsedDocument = { [S in TransferSection]: Parsed<S>[] };
export type ParsedPerson = Parsed<'authorizationLists'>['persons'][number];

/** Ids of rows that already exist and that the file may refer to. */
export interface ExistingKeys {
  customerIds: Map<string, string>;
  contractIds: Map<string, string>;
}

export interface ValidationResult {
  counts: DirectoryImportCounts;
  rejected: DirectoryImportRejection[];
  /** Set only when nothing was rejected. */
  document: ParsedDocument | null;
  existing: ExistingKeys;
}

/**
 * Checks every row of an import file: its fields (the shared zod schemas), uniqueness within the
 * file and against the database, and that every reference resolves. It collects all problems
 * instead of stopping at the first, so one round trip tells the migrating admin everything.
 */
export async function validateImport(raw: unknown, sql: Sql): Promise<ValidationResult> {
  const existing: ExistingKeys = { customerIds: new Map(), contractIds: new Map() };
  const envelope = DirectoryTransferEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return {
      counts: emptyCounts(),
      rejected: envelope.error.issues.map((issue) => ({
        section: 'document',
        index: 0,
        field: issue.path.join('.'),
        message: issue.message,
      })),
      document: null,
      existing,
    };
  }

  const rejected: DirectoryImportRejection[] = [];
  const reject = (section: TransferSection, index: number, field: string, message: string, ref?: string) => {
    rejected.push(ref === undefined ? { section, index, field, message } : { section, index, ref, field, message });
  };

  const doc = {} as { [S in TransferSection]: (Parsed<S> | undefined)[] };
  for (const section of TRANSFER_SECTIONS) {
    doc[section] = envelope.data[section].map((row, index) => {
      const result = TRANSFER_ROW_SCHEMAS[section].safeParse(row);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        reject(section, index, issue.path.join('.'), issue.message, refOf(row));
      }
      return undefined;
    }) as never;
  }

  const counts = countRows(doc);
  const keys = new KeySets(reject);

  // Uniqueness within the file.
  doc.customers.forEach((c, i) => c && keys.unique('customers', i, 'customerNo', c.customerNo, c.customerNo));
  doc.contracts.forEach((c, i) => c && keys.unique('contracts', i, 'contractNo', c.contractNo, c.contractNo));
  doc.sites.forEach((s, i) => s && keys.unique('sites', i, 'ref', s.ref, s.ref));
  doc.transmitters.forEach((t, i) => t && keys.unique('transmitters', i, 'account', t.account, t.account));
  doc.authorizationLists.forEach((l, i) => l && keys.unique('authorizationLists', i, 'ref', l.ref, l.ref));
  doc.serviceCompanies.forEach((c, i) => c && keys.unique('serviceCompanies', i, 'ref', c.ref, c.ref));
  doc.contacts.forEach((c, i) => c && keys.unique('contacts', i, 'ref', c.ref, c.ref));
  doc.onCallRosters.forEach((r, i) => r && keys.unique('onCallRosters', i, 'ref', r.ref, r.ref));
  doc.actionPlans.forEach(
    (p, i) => p && keys.unique('actionPlans', i, 'category', `${p.siteRef}\u0000${p.category}`, p.siteRef),
  );

  // Uniqueness against the database, and what the file may refer to there.
  const customerNos = present(doc.customers).map((c) => c.customerNo);
  const contractNos = present(doc.contracts).map((c) => c.contractNo);
  const accounts = present(doc.transmitters).map((t) => t.account);
  // One after the other: a pg client runs one statement at a time anyway.
  const takenCustomers = await sql<{ customer_no: string }>(
    `SELECT customer_no FROM customers WHERE customer_no = ANY($1::text[])`,
    [customerNos],
  );
  const takenContracts = await sql<{ contract_no: string }>(
    `SELECT contract_no FROM contracts WHERE contract_no = ANY($1::text[])`,
    [contractNos],
  );
  const takenAccounts = await sql<{ account: string }>(
    `SELECT account FROM transmitters WHERE account = ANY($1::text[])`,
    [accounts],
  );
  const taken = {
    customers: new Set(takenCustomers.map((r) => r.customer_no)),
    contracts: new Set(takenContracts.map((r) => r.contract_no)),
    accounts: new Set(takenAccounts.map((r) => r.account)),
  };
  doc.customers.forEach((c, i) => {
    if (c && taken.customers.has(c.customerNo)) {
      reject('customers', i, 'customerNo', 'already exists in the directory', c.customerNo);
    }
  });
  doc.contracts.forEach((c, i) => {
    if (c && taken.contracts.has(c.contractNo)) {
      reject('contracts', i, 'contractNo', 'already exists in the directory', c.contractNo);
    }
  });
  doc.transmitters.forEach((t, i) => {
    if (t && taken.accounts.has(t.account))
      reject('transmitters', i, 'account', 'already exists in the directory', t.account);
  });

  const fileCustomers = new Set(
    doc.customers.map((c, i) => c?.customerNo ?? rawKey(envelope.data.customers[i], 'customerNo')),
  );
  const fileContracts = new Set(
    doc.contracts.map((c, i) => c?.contractNo ?? rawKey(envelope.data.contracts[i], 'contractNo')),
  );
  const wantedCustomers = present(doc.contracts)
    .map((c) => c.customerNo)
    .filter((no) => !fileCustomers.has(no));
  const wantedContracts = present(doc.sites)
    .map((s) => s.contractNo)
    .filter((no): no is string => no !== null && !fileContracts.has(no));
  const dbCustomers = await sql<{ id: string; customer_no: string }>(
    `SELECT id, customer_no FROM customers WHERE customer_no = ANY($1::text[])`,
    [[...new Set(wantedCustomers)]],
  );
  const dbContracts = await sql<{ id: string; contract_no: string }>(
    `SELECT id, contract_no FROM contracts WHERE contract_no = ANY($1::text[])`,
    [[...new Set(wantedContracts)]],
  );
  for (const row of dbCustomers) existing.customerIds.set(row.customer_no, row.id);
  for (const row of dbContracts) existing.contractIds.set(row.contract_no, row.id);

  // References. A reference to a row that is itself rejected still counts as resolved: that row
  // is already named in the report, and naming its dependants too would only bury it.
  const siteRefs = new Set(doc.sites.map((s, i) => s?.ref ?? rawKey(envelope.data.sites[i], 'ref')));
  const rosterRefs = new Set(doc.onCallRosters.map((r, i) => r?.ref ?? rawKey(envelope.data.onCallRosters[i], 'ref')));
  const contactSite = new Map<string, string>();
  doc.contacts.forEach((c, i) => {
    const contactRef = c?.ref ?? rawKey(envelope.data.contacts[i], 'ref');
    if (contactRef) contactSite.set(contactRef, c?.siteRef ?? rawKey(envelope.data.contacts[i], 'siteRef') ?? '');
  });
  const needSite = (section: TransferSection, index: number, field: string, value: string, rowRef?: string) => {
    if (!siteRefs.has(value)) reject(section, index, field, `refers to unknown site "${value}"`, rowRef);
  };

  doc.contracts.forEach((c, i) => {
    if (c && !fileCustomers.has(c.customerNo) && !existing.customerIds.has(c.customerNo)) {
      reject('contracts', i, 'customerNo', `refers to unknown customer "${c.customerNo}"`, c.contractNo);
    }
  });
  doc.sites.forEach((s, i) => {
    if (s?.contractNo && !fileContracts.has(s.contractNo) && !existing.contractIds.has(s.contractNo)) {
      reject('sites', i, 'contractNo', `refers to unknown contract "${s.contractNo}"`, s.ref);
    }
  });
  doc.transmitters.forEach((t, i) => t && needSite('transmitters', i, 'siteRef', t.siteRef, t.account));
  doc.authorizationLists.forEach((l, i) => {
    l?.siteRefs.forEach((ref, j) => needSite('authorizationLists', i, `siteRefs.${j}`, ref, l.ref));
  });
  doc.serviceCompanies.forEach((c, i) => {
    if (!c) return;
    c.siteRefs.forEach((ref, j) => needSite('serviceCompanies', i, `siteRefs.${j}`, ref, c.ref));
    const installerRefs = new Set<string>();
    c.installers.forEach((p, j) => {
      if (!p.ref) return;
      if (installerRefs.has(p.ref))
        reject('serviceCompanies', i, `installers.${j}.ref`, 'is not unique in the company', c.ref);
      installerRefs.add(p.ref);
    });
    c.approvals.forEach((a, j) => {
      if (a.installerRef && !installerRefs.has(a.installerRef)) {
        reject(
          'serviceCompanies',
          i,
          `approvals.${j}.installerRef`,
          `refers to unknown installer "${a.installerRef}"`,
          c.ref,
        );
      }
    });
  });
  doc.contacts.forEach((c, i) => c && needSite('contacts', i, 'siteRef', c.siteRef, c.ref));
  doc.actionPlans.forEach((p, i) => {
    if (!p) return;
    needSite('actionPlans', i, 'siteRef', p.siteRef, p.siteRef);
    p.steps.forEach((step, j) => {
      if (step.contactRef !== null) {
        const site = contactSite.get(step.contactRef);
        if (site === undefined) {
          reject(
            'actionPlans',
            i,
            `steps.${j}.contactRef`,
            `refers to unknown contact "${step.contactRef}"`,
            p.siteRef,
          );
        } else if (site !== p.siteRef) {
          reject('actionPlans', i, `steps.${j}.contactRef`, 'must be a contact of the same site', p.siteRef);
        }
      }
      if (step.rosterRef !== null && !rosterRefs.has(step.rosterRef)) {
        reject(
          'actionPlans',
          i,
          `steps.${j}.rosterRef`,
          `refers to unknown on-call roster "${step.rosterRef}"`,
          p.siteRef,
        );
      }
    });
  });

  rejected.sort((a, b) => sectionOrder(a.section) - sectionOrder(b.section) || a.index - b.index);
  return {
    counts,
    rejected,
    document: rejected.length === 0 ? (doc as ParsedDocument) : null,
    existing,
  };
}

export function emptyCounts(): DirectoryImportCounts {
  return {
    customers: 0,
    contracts: 0,
    sites: 0,
    transmitters: 0,
    authorizationLists: 0,
    persons: 0,
    serviceCompanies: 0,
    installers: 0,
    approvals: 0,
    contacts: 0,
    onCallRosters: 0,
    actionPlans: 0,
    actionPlanSteps: 0,
  };
}

function countRows(doc: { [S in TransferSection]: (Parsed<S> | undefined)[] }): DirectoryImportCounts {
  const sum = <T>(rows: (T | undefined)[], of: (row: T) => number) => rows.reduce((n, r) => n + (r ? of(r) : 0), 0);
  return {
    customers: doc.customers.length,
    contracts: doc.contracts.length,
    sites: doc.sites.length,
    transmitters: doc.transmitters.length,
    authorizationLists: doc.authorizationLists.length,
    persons: sum(doc.authorizationLists, (l) => l.persons.length),
    serviceCompanies: doc.serviceCompanies.length,
    installers: sum(doc.serviceCompanies, (c) => c.installers.length),
    approvals: sum(doc.serviceCompanies, (c) => c.approvals.length),
    contacts: doc.contacts.length,
    onCallRosters: doc.onCallRosters.length,
    actionPlans: doc.actionPlans.length,
    actionPlanSteps: sum(doc.actionPlans, (p) => p.steps.length),
  };
}

class KeySets {
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    private readonly reject: (
      section: TransferSection,
      index: number,
      field: string,
      message: string,
      ref?: string,
    ) => void,
  ) {}

  unique(section: TransferSection, index: number, field: string, key: string, ref: string): void {
    let set = this.seen.get(section);
    if (!set) this.seen.set(section, (set = new Set()));
    if (set.has(key)) this.reject(section, index, field, 'is not unique in the file', ref);
    set.add(key);
  }
}

function present<T>(rows: (T | undefined)[]): T[] {
  return rows.filter((r): r is T => r !== undefined);
}

/** The row's own key even when the row failed validation, so the report can name it. */
function refOf(row: unknown): string | undefined {
  for (const field of ['ref', 'account', 'customerNo', 'contractNo', 'siteRef']) {
    const value = rawKey(row, field);
    if (value) return value;
  }
  return undefined;
}

function rawKey(row: unknown, field: string): string | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const value = (row as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.trim() : undefined;
}

function sectionOrder(section: DirectoryImportRejection['section']): number {
  return section === 'document' ? -1 : TRANSFER_SECTIONS.indexOf(section);
}
