import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type { Person, PersonInputSchema, SetPasswordInputSchema } from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { hashPassword } from '../common/auth/password.js';
import { AppError } from '../common/app-error.js';
import { first, requireRow, throwNotFound } from '../database/sql-kit.js';
import { findPerson } from './authorization-db.js';
import { passwordRequesterRefusal, passwordRequesterText, type Requester } from './directory-rules.js';

type PersonData = z.output<typeof PersonInputSchema>;
type PasswordData = z.output<typeof SetPasswordInputSchema>;

/** The persons of authorization lists, with their authority levels and passwords. */
@Injectable()
export class PersonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async getPerson(id: string): Promise<Person> {
    return (await findPerson(this.dataSource, id)) ?? throwNotFound('person', id);
  }

  async createPerson(user: SessionUser, input: PersonData): Promise<Person> {
    return this.dataSource.transaction(async (m) => {
      await requireRow(m, 'authorization_lists', input.listId, 'listId', 'authorization list');
      const [row] = (await m.query(
        `INSERT INTO persons (list_id, name, phone, level, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        personParams(input),
      )) as { id: string }[];
      const person = (await findPerson(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'person',
        entityId: person.id,
        after: { ...person },
      });
      return person;
    });
  }

  async updatePerson(user: SessionUser, id: string, input: PersonData): Promise<Person> {
    return this.dataSource.transaction(async (m) => {
      const before = (await findPerson(m, id, true)) ?? throwNotFound('person', id);
      await requireRow(m, 'authorization_lists', input.listId, 'listId', 'authorization list');
      await m.query(
        `UPDATE persons SET list_id = $1, name = $2, phone = $3, level = $4, valid_from = $5, valid_to = $6, updated_at = now()
          WHERE id = $7`,
        [...personParams(input), id],
      );
      const after = (await findPerson(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'person',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deletePerson(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = (await findPerson(m, id, true)) ?? throwNotFound('person', id);
      await m.query(`DELETE FROM persons WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'person',
        entityId: id,
        before: { ...before },
      });
    });
  }

  /** Passwords are set only here, on the written request of an A-level person of the same list. */
  async setPassword(user: SessionUser, id: string, input: PasswordData): Promise<void> {
    // Hashing is slow on purpose; do it before the transaction holds any lock.
    const hash = await hashPassword(input.password);
    await this.dataSource.transaction(async (m) => {
      const person = (await findPerson(m, id, true)) ?? throwNotFound('person', id);
      const requester = await first<Requester>(
        m,
        `SELECT list_id AS "listId", level, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM persons WHERE id = $1`,
        [input.requestedByPersonId],
      );
      const problem = passwordRequesterRefusal(requester, person.listId, input.requestDate);
      if (problem)
        throw new AppError('UNPROCESSABLE', `requestedByPersonId: ${passwordRequesterText(problem)}`, problem);
      await m.query(`UPDATE persons SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, hash]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'SET_PASSWORD',
        entity: 'person',
        entityId: id,
        after: {
          requestedByPersonId: input.requestedByPersonId,
          requestDate: input.requestDate,
          requestReference: input.requestReference,
          password: '***',
        },
      });
    });
  }
}

function personParams(input: PersonData): unknown[] {
  return [input.listId, input.name, input.phone, input.level, input.validFrom, input.validTo];
}
