import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type {
  Contract,
  ContractInputSchema,
  ContractListQuerySchema,
  Customer,
  CustomerInputSchema,
  Page,
  PageQuery,
} from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import {
  count,
  Filter,
  first,
  isUniqueViolation,
  likePattern,
  throwNotFound,
  pageOf,
  requireRow,
} from '../database/sql-kit.js';
import {
  CONTRACT_COLUMNS,
  CONTRACT_FROM,
  CUSTOMER_COLUMNS,
  type CustomerRow,
  findContract,
  findCustomer,
  toContract,
  toCustomer,
} from './customers-db.js';

type CustomerData = z.output<typeof CustomerInputSchema>;
type ContractData = z.output<typeof ContractInputSchema>;
type ContractQuery = z.output<typeof ContractListQuerySchema>;

/** Customers and their contracts. */
@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  listCustomers(query: PageQuery): Promise<Page<Customer>> {
    const filter = new Filter();
    if (query.q) filter.add('(customer_no ILIKE ? OR name ILIKE ? OR org_no ILIKE ?)', likePattern(query.q));
    return pageOf(
      this.dataSource,
      { select: CUSTOMER_COLUMNS, from: 'customers', filter, orderBy: 'customer_no, id' },
      query,
      toCustomer,
    );
  }

  async getCustomer(id: string): Promise<Customer> {
    return (await findCustomer(this.dataSource, id)) ?? throwNotFound('customer', id);
  }

  async createCustomer(user: SessionUser, input: CustomerData): Promise<Customer> {
    return this.guardCustomerNo(input, () =>
      this.dataSource.transaction(async (m) => {
        const row = await first<CustomerRow>(
          m,
          `INSERT INTO customers (customer_no, name, org_no) VALUES ($1, $2, $3) RETURNING ${CUSTOMER_COLUMNS}`,
          [input.customerNo, input.name, input.orgNo],
        );
        const customer = toCustomer(row!);
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'CREATE',
          entity: 'customer',
          entityId: customer.id,
          after: { ...customer },
        });
        return customer;
      }),
    );
  }

  async updateCustomer(user: SessionUser, id: string, input: CustomerData): Promise<Customer> {
    return this.guardCustomerNo(input, () =>
      this.dataSource.transaction(async (m) => {
        const before = (await findCustomer(m, id, true)) ?? throwNotFound('customer', id);
        await m.query(
          `UPDATE customers SET customer_no = $2, name = $3, org_no = $4, updated_at = now() WHERE id = $1`,
          [id, input.customerNo, input.name, input.orgNo],
        );
        const after = (await findCustomer(m, id))!;
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'UPDATE',
          entity: 'customer',
          entityId: id,
          before: { ...before },
          after: { ...after },
        });
        return after;
      }),
    );
  }

  async deleteCustomer(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = (await findCustomer(m, id, true)) ?? throwNotFound('customer', id);
      const contracts = await count(m, `SELECT count(*) AS n FROM contracts WHERE customer_id = $1`, [id]);
      if (contracts > 0) {
        throw new AppError('CONFLICT', `customer ${before.customerNo} still has ${contracts} contract(s)`, {
          key: 'customerHasContracts',
          params: { customerNo: before.customerNo, count: contracts },
        });
      }
      await m.query(`DELETE FROM customers WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'customer',
        entityId: id,
        before: { ...before },
      });
    });
  }

  listContracts(query: ContractQuery): Promise<Page<Contract>> {
    const filter = new Filter();
    if (query.customerId) filter.add('k.customer_id = ?', query.customerId);
    if (query.q)
      filter.add('(k.contract_no ILIKE ? OR k.manager_name ILIKE ? OR c.name ILIKE ?)', likePattern(query.q));
    return pageOf(
      this.dataSource,
      { select: CONTRACT_COLUMNS, from: CONTRACT_FROM, filter, orderBy: 'k.contract_no, k.id' },
      query,
      toContract,
    );
  }

  async getContract(id: string): Promise<Contract> {
    return (await findContract(this.dataSource, id)) ?? throwNotFound('contract', id);
  }

  async createContract(user: SessionUser, input: ContractData): Promise<Contract> {
    return this.guardContractNo(input, () =>
      this.dataSource.transaction(async (m) => {
        await requireRow(m, 'customers', input.customerId, 'customerId', 'customer');
        const [row] = (await m.query(
          `INSERT INTO contracts (contract_no, customer_id, manager_name, manager_phone, manager_email,
                                  yearly_event_quota, start_date, term_months)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          contractParams(input),
        )) as { id: string }[];
        const contract = (await findContract(m, row!.id))!;
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'CREATE',
          entity: 'contract',
          entityId: contract.id,
          after: { ...contract },
        });
        return contract;
      }),
    );
  }

  async updateContract(user: SessionUser, id: string, input: ContractData): Promise<Contract> {
    return this.guardContractNo(input, () =>
      this.dataSource.transaction(async (m) => {
        const before = (await findContract(m, id, true)) ?? throwNotFound('contract', id);
        await requireRow(m, 'customers', input.customerId, 'customerId', 'customer');
        await m.query(
          `UPDATE contracts SET contract_no = $1, customer_id = $2, manager_name = $3, manager_phone = $4,
                  manager_email = $5, yearly_event_quota = $6, start_date = $7, term_months = $8, updated_at = now()
            WHERE id = $9`,
          [...contractParams(input), id],
        );
        const after = (await findContract(m, id))!;
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'UPDATE',
          entity: 'contract',
          entityId: id,
          before: { ...before },
          after: { ...after },
        });
        return after;
      }),
    );
  }

  async deleteContract(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = (await findContract(m, id, true)) ?? throwNotFound('contract', id);
      const sites = await count(m, `SELECT count(*) AS n FROM sites WHERE contract_id = $1`, [id]);
      if (sites > 0) {
        throw new AppError('CONFLICT', `contract ${before.contractNo} is still used by ${sites} site(s)`, {
          key: 'contractHasSites',
          params: { contractNo: before.contractNo, count: sites },
        });
      }
      await m.query(`DELETE FROM contracts WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'contract',
        entityId: id,
        before: { ...before },
      });
    });
  }

  private async guardCustomerNo<T>(input: CustomerData, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'customers_customer_no_key')) {
        throw new AppError('CONFLICT', `customerNo: ${input.customerNo} is already used by another customer`, {
          key: 'customerNoTaken',
          params: { customerNo: input.customerNo },
        });
      }
      throw error;
    }
  }

  private async guardContractNo<T>(input: ContractData, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'contracts_contract_no_key')) {
        throw new AppError('CONFLICT', `contractNo: ${input.contractNo} is already used by another contract`, {
          key: 'contractNoTaken',
          params: { contractNo: input.contractNo },
        });
      }
      throw error;
    }
  }
}

function contractParams(input: ContractData): unknown[] {
  return [
    input.contractNo,
    input.customerId,
    input.managerName,
    input.managerPhone,
    input.managerEmail,
    input.yearlyEventQuota,
    input.startDate,
    input.termMonths,
  ];
}
