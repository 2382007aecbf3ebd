import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Cases shown on a console are written in one UPDATE per this many ms rather than one per
 * broadcast: under an alarm storm each broadcast carries a case or two, and their UPDATEs took
 * pool connections from evaluation.
 */
export const PRESENTED_FLUSH_MS = 100;

/** Records when waiting cases were first shown on a connected console, in batched writes. */
@Injectable()
export class CasePresentedService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CasePresentedService.name);
  /** Cases already recorded (or about to be) as presented by this process. */
  private readonly presented = new Set<string>();
  /** Presented cases waiting for the next write, with the time each was first shown. */
  private presentedPending = new Map<string, Date>();
  /** The next write of presented cases; `now` runs it without waiting for its timer. */
  private presentedWrite: { done: Promise<void>; now: () => void } | null = null;
  /** The write last started, until shutdown has awaited it. */
  private lastPresentedWrite: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records when cases were first shown on a connected console (ZR0001's "presented"). Called
   * by the realtime gateway as it sends them; each case is written once per process, and the
   * cases shown within PRESENTED_FLUSH_MS share one UPDATE. Resolves when they are written.
   */
  markPresented(caseIds: string[], at: Date): Promise<void> {
    for (const id of caseIds) {
      if (this.presented.has(id)) continue;
      this.presented.add(id);
      this.presentedPending.set(id, at);
    }
    if (this.presented.size > 50_000) this.presented.clear();
    return this.schedulePresentedWrite();
  }

  private schedulePresentedWrite(): Promise<void> {
    if (this.presentedWrite) return this.presentedWrite.done;
    if (this.presentedPending.size === 0) return Promise.resolve();
    let now!: () => void;
    const due = new Promise<void>((resolve) => (now = resolve));
    const timer = setTimeout(now, PRESENTED_FLUSH_MS);
    const done = due.then(() => {
      clearTimeout(timer);
      return this.writePresented();
    });
    this.presentedWrite = { done, now };
    this.lastPresentedWrite = done;
    return done;
  }

  /** Writes what is still to be recorded as presented before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.presentedWrite?.now();
    await this.lastPresentedWrite?.catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not record when cases were presented'),
    );
  }

  private async writePresented(): Promise<void> {
    const batch = this.presentedPending;
    this.presentedPending = new Map();
    this.presentedWrite = null;
    if (batch.size === 0) return;
    let rows: { id: string; written: boolean }[];
    try {
      // Never waits for a row lock: an evaluation transaction locks its cases in its own order,
      // and an UPDATE of many cases waiting for one of them could close a deadlock with it.
      // Locked cases are written with the next flush instead. Unknown ids are not returned.
      rows = await this.dataSource.query(
        `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at)),
              free AS (SELECT c.id, c.first_presented_at FROM cases c JOIN u ON u.id = c.id
                          FOR NO KEY UPDATE OF c SKIP LOCKED),
              written AS (UPDATE cases c SET first_presented_at = u.at FROM u JOIN free f ON f.id = u.id
                           WHERE c.id = u.id AND f.first_presented_at IS NULL)
         SELECT c.id, f.id IS NOT NULL AS written FROM u JOIN cases c ON c.id = u.id LEFT JOIN free f ON f.id = u.id`,
        [[...batch.keys()], [...batch.values()]],
      );
    } catch (error) {
      // Shown again later, they are tried again.
      for (const id of batch.keys()) this.presented.delete(id);
      throw error;
    }
    const locked = rows.filter((row) => !row.written);
    if (locked.length === 0) return;
    for (const { id } of locked) this.presentedPending.set(id, batch.get(id)!);
    await this.schedulePresentedWrite();
  }
}
