import type { Contract, Customer } from '@arc/shared/directory';
import { type Db, first, iso } from '../database/sql-kit.js';

/** The SQL read models of customers and contracts. */

export interface CustomerRow {
  id: string;
  customer_no: string;
  name: string;
  org_no: string | null;
  created_at: Date;
  updated_at: Date;
}

export const CUSTOMER_COLUMNS = 'id, customer_no, name, org_no, created_at, updated_at';

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    customerNo: row.customer_no,
    name: row.name,
    orgNo: row.org_no,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** `lock` takes a row lock so concurrent writes to the same row queue up. */
export async function findCustomer(db: Db, id: string, lock = false): Promise<Customer | undefined> {
  const row = await first<CustomerRow>(
    db,
    `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row && toCustomer(row);
}

interface ContractRow {
  id: string;
  contract_no: string;
  customer_id: string;
  customer_no: string;
  customer_name: string;
  manager_name: string;
  manager_phone: string | null;
  manager_email: string | null;
  yearly_event_quota: number;
  start_date: string;
  term_months: number;
  created_at: Date;
  updated_at: Date;
}

export const CONTRACT_COLUMNS = `k.id, k.contract_no, k.customer_id, c.customer_no, c.name AS customer_name, k.manager_name,
  k.manager_phone, k.manager_email, k.yearly_event_quota, k.start_date::text AS start_date, k.term_months,
  k.created_at, k.updated_at`;
export const CONTRACT_FROM = 'contracts k JOIN customers c ON c.id = k.customer_id';

export function toContract(row: ContractRow): Contract {
  return {
    id: row.id,
    contractNo: row.contract_no,
    customerId: row.customer_id,
    customerNo: row.customer_no,
    customerName: row.customer_name,
    managerName: row.manager_name,
    managerPhone: row.manager_phone,
    managerEmail: row.manager_email,
    yearlyEventQuota: row.yearly_event_quota,
    startDate: row.start_date,
    termMonths: row.term_months,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function findContract(db: Db, id: string, lock = false): Promise<Contract | undefined> {
  const row = await first<ContractRow>(
    db,
    `SELECT ${CONTRACT_COLUMNS} FROM ${CONTRACT_FROM} WHERE k.id = $1 ${lock ? 'FOR UPDATE OF k' : ''}`,
    [id],
  );
  return row && toContract(row);
}
