import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SessionUser } from '@arc/shared/auth';
import {
  SHIFT_LOG_UNREAD_DAYS,
  type ShiftNote,
  type ShiftNoteListQuery,
  type ShiftNotePage,
  type ShiftNoteReader,
} from '@arc/shared/shift-log';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { returnedRows } from '../database/sql-kit.js';

type Db = Pick<EntityManager, 'query'>;

interface NoteRow {
  id: string;
  at: Date;
  text: string;
  important: boolean;
  author_user_id: string;
  author_name: string;
  read_by_me: boolean;
}

interface ReaderRow {
  note_id: string;
  user_id: string;
  name: string;
  read_at: Date | null;
}

/** Who sees who has read a note. */
const SEES_READERS: readonly SessionUser['role'][] = ['supervisor', 'admin'];

const NOTE_SELECT = `
  SELECT n.id, n.at, n.text, n.important, n.author_user_id, u.display_name AS author_name,
         (n.author_user_id = $1 OR EXISTS (SELECT 1 FROM shift_note_reads r WHERE r.note_id = n.id AND r.user_id = $1))
           AS read_by_me
    FROM shift_notes n JOIN users u ON u.id = n.author_user_id`;

async function rows<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  return returnedRows<T>(await db.query(sql, params));
}

/**
 * Handover notes between shifts. Each user's unread notes (by others, of the last
 * SHIFT_LOG_UNREAD_DAYS days) are shown at login until marked read; reading is recorded per
 * user, and supervisors and administrators see who has read each note and who has not.
 */
@Injectable()
export class ShiftLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest first. */
  async list(user: SessionUser, query: ShiftNoteListQuery): Promise<ShiftNotePage> {
    const offset = (query.page - 1) * query.pageSize;
    const [found, total] = await Promise.all([
      rows<NoteRow>(this.dataSource, `${NOTE_SELECT} ORDER BY n.at DESC, n.id DESC LIMIT $2 OFFSET $3`, [
        user.id,
        query.pageSize,
        offset,
      ]),
      rows<{ n: string }>(this.dataSource, `SELECT count(*) AS n FROM shift_notes`, []),
    ]);
    return {
      items: await this.withReaders(this.dataSource, user, found),
      total: Number(total[0]?.n ?? 0),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The caller's unread notes by others of the last days, newest first (at most 100). */
  async unread(user: SessionUser): Promise<ShiftNote[]> {
    const found = await rows<NoteRow>(
      this.dataSource,
      `${NOTE_SELECT}
        WHERE n.author_user_id <> $1 AND n.at > now() - make_interval(days => $2)
          AND NOT EXISTS (SELECT 1 FROM shift_note_reads r WHERE r.note_id = n.id AND r.user_id = $1)
        ORDER BY n.important DESC, n.at DESC, n.id DESC LIMIT 100`,
      [user.id, SHIFT_LOG_UNREAD_DAYS],
    );
    return this.withReaders(this.dataSource, user, found);
  }

  async create(user: SessionUser, input: { text: string; important: boolean }): Promise<ShiftNote> {
    return this.dataSource.transaction(async (m) => {
      const [created] = await rows<{ id: string }>(
        m,
        `INSERT INTO shift_notes (author_user_id, text, important) VALUES ($1, $2, $3) RETURNING id`,
        [user.id, input.text, input.important],
      );
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'shift_note',
        entityId: created!.id,
        after: { text: input.text, important: input.important },
      });
      return this.get(m, user, created!.id);
    });
  }

  /** Records that the caller has read the note (once; reading it again changes nothing). */
  async markRead(user: SessionUser, id: string): Promise<ShiftNote> {
    return this.dataSource.transaction(async (m) => {
      const exists = await rows<{ author_user_id: string }>(m, `SELECT author_user_id FROM shift_notes WHERE id = $1`, [
        id,
      ]);
      if (exists.length === 0) throw shiftNoteNotFound(id);
      const inserted = await rows<{ read_at: Date }>(
        m,
        `INSERT INTO shift_note_reads (note_id, user_id) VALUES ($1, $2)
         ON CONFLICT (note_id, user_id) DO NOTHING RETURNING read_at`,
        [id, user.id],
      );
      if (inserted.length > 0) {
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'UPDATE',
          entity: 'shift_note',
          entityId: id,
          after: { readBy: user.id },
        });
      }
      return this.get(m, user, id);
    });
  }

  private async get(db: Db, user: SessionUser, id: string): Promise<ShiftNote> {
    const found = await rows<NoteRow>(db, `${NOTE_SELECT} WHERE n.id = $2`, [user.id, id]);
    if (found.length === 0) throw shiftNoteNotFound(id);
    return (await this.withReaders(db, user, found))[0]!;
  }

  /**
   * Readers and non-readers for supervisors and administrators: every active user but the
   * author, with the time they marked the note read (none yet: not read).
   */
  private async withReaders(db: Db, user: SessionUser, found: NoteRow[]): Promise<ShiftNote[]> {
    const seesReaders = SEES_READERS.includes(user.role);
    const byNote = new Map<string, ReaderRow[]>();
    if (seesReaders && found.length > 0) {
      const readers = await rows<ReaderRow>(
        db,
        `SELECT n.id AS note_id, u.id AS user_id, u.display_name AS name, r.read_at
           FROM shift_notes n
           JOIN users u ON u.id <> n.author_user_id AND (u.active OR EXISTS (
                  SELECT 1 FROM shift_note_reads x WHERE x.note_id = n.id AND x.user_id = u.id))
           LEFT JOIN shift_note_reads r ON r.note_id = n.id AND r.user_id = u.id
          WHERE n.id = ANY($1::uuid[])
          ORDER BY r.read_at NULLS LAST, u.display_name`,
        [found.map((row) => row.id)],
      );
      for (const reader of readers) {
        const list = byNote.get(reader.note_id) ?? [];
        list.push(reader);
        byNote.set(reader.note_id, list);
      }
    }
    return found.map((row) => {
      const all = byNote.get(row.id) ?? [];
      const readers: ShiftNoteReader[] = all
        .filter((r) => r.read_at !== null)
        .map((r) => ({ userId: r.user_id, name: r.name, readAt: r.read_at!.toISOString() }));
      return {
        id: row.id,
        at: row.at.toISOString(),
        text: row.text,
        important: row.important,
        author: { userId: row.author_user_id, name: row.author_name },
        readByMe: row.read_by_me,
        readers: seesReaders ? readers : null,
        unreadBy: seesReaders
          ? all.filter((r) => r.read_at === null).map((r) => ({ userId: r.user_id, name: r.name }))
          : null,
      };
    });
  }
}

function shiftNoteNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `Shift log note ${id} does not exist`, {
    key: 'notFound',
    params: { entity: 'shiftNote', id },
  });
}
