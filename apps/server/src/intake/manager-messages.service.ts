import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type { ManagerMessageEntry } from '@arc/shared/intake';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { type Db, first, iso, notFoundError, rows } from '../database/sql-kit.js';
import { centreMinuteNamed } from '../common/centre-time.js';

interface MessageRow {
  id: string;
  at: Date;
  contract_id: string | null;
  site_id: string;
  site_name: string;
  from_person_id: string | null;
  from_person_name: string;
  text: string;
  taken_by_user_id: string;
  taken_by_name: string;
  contract_no: string | null;
  manager_name: string | null;
  manager_phone: string | null;
  manager_email: string | null;
  forwarded_at: Date | null;
  forwarded_by_user_id: string | null;
  forwarded_by_name: string | null;
  forwarded_note: string | null;
}

const MESSAGE_SELECT = `
  SELECT m.id, m.at, m.contract_id, m.site_id, s.name AS site_name, m.from_person_id, m.from_person_name, m.text,
         m.taken_by_user_id, tu.display_name AS taken_by_name, c.contract_no, c.manager_name, c.manager_phone,
         c.manager_email, m.forwarded_at, m.forwarded_by_user_id, fu.display_name AS forwarded_by_name, m.forwarded_note
    FROM manager_messages m
    JOIN sites s ON s.id = m.site_id
    JOIN users tu ON tu.id = m.taken_by_user_id
    LEFT JOIN contracts c ON c.id = m.contract_id
    LEFT JOIN users fu ON fu.id = m.forwarded_by_user_id`;

function toEntry(row: MessageRow): ManagerMessageEntry {
  return {
    id: row.id,
    at: iso(row.at),
    contractId: row.contract_id,
    siteId: row.site_id,
    siteName: row.site_name,
    fromPerson: { id: row.from_person_id, name: row.from_person_name },
    text: row.text,
    takenBy: { userId: row.taken_by_user_id, name: row.taken_by_name },
    contract:
      row.contract_no === null
        ? null
        : {
            contractNo: row.contract_no,
            managerName: row.manager_name ?? '',
            managerPhone: row.manager_phone,
            managerEmail: row.manager_email,
          },
    forwarded:
      row.forwarded_at === null
        ? null
        : {
            at: iso(row.forwarded_at),
            by: { userId: row.forwarded_by_user_id!, name: row.forwarded_by_name ?? '' },
            note: row.forwarded_note ?? '',
          },
  };
}

async function findMessage(db: Db, id: string): Promise<ManagerMessageEntry | undefined> {
  const row = await first<MessageRow>(db, `${MESSAGE_SELECT} WHERE m.id = $1`, [id]);
  return row && toEntry(row);
}

/**
 * Messages callers leave for their contract manager. The operator takes them during the call;
 * supervisors pass them on (by e-mail or phone, outside this system) and record that here, so a
 * message cannot be taken and then forgotten.
 */
@Injectable()
export class ManagerMessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Waiting messages oldest first (the one waiting longest on top); or all, newest first. */
  async list(waitingOnly: boolean, limit: number): Promise<ManagerMessageEntry[]> {
    const found = await rows<MessageRow>(
      this.dataSource,
      waitingOnly
        ? `${MESSAGE_SELECT} WHERE m.forwarded_at IS NULL ORDER BY m.at, m.id LIMIT $1`
        : `${MESSAGE_SELECT} ORDER BY m.at DESC, m.id LIMIT $1`,
      [limit],
    );
    return found.map(toEntry);
  }

  /** Records that the message reached its contract manager, and how. Once: 409 when it already did. */
  async markForwarded(user: SessionUser, id: string, note: string): Promise<ManagerMessageEntry> {
    return this.dataSource.transaction(async (m) => {
      const before = await first<{ forwarded_at: Date | null; name: string | null }>(
        m,
        `SELECT m.forwarded_at, u.display_name AS name
           FROM manager_messages m LEFT JOIN users u ON u.id = m.forwarded_by_user_id
          WHERE m.id = $1 FOR UPDATE OF m`,
        [id],
      );
      if (!before) throw notFoundError('message', id);
      if (before.forwarded_at) {
        throw new AppError(
          'CONFLICT',
          `The message was already passed on by ${before.name ?? 'someone'} at ${centreMinuteNamed(before.forwarded_at)}`,
          before.name
            ? { key: 'messageForwarded', params: { name: before.name, at: centreMinuteNamed(before.forwarded_at) } }
            : { key: 'messageForwardedUnknown', params: { at: centreMinuteNamed(before.forwarded_at) } },
        );
      }
      await m.query(
        `UPDATE manager_messages SET forwarded_at = now(), forwarded_by_user_id = $2, forwarded_note = $3 WHERE id = $1`,
        [id, user.id, note],
      );
      const after = (await findMessage(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'manager_message',
        entityId: id,
        before: { forwarded: null },
        after: { forwarded: after.forwarded },
      });
      return after;
    });
  }
}
