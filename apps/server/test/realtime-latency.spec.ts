import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type QueueSnapshot } from '@arc/shared/case';
import { classifyEventCode } from '@arc/shared/event-codes';
import { type IngestSignalResponse } from '@arc/shared/signal';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import pg from 'pg';
import { CaseSummariesService } from '../src/cases/index.js';
import { CasePresentedService } from '../src/realtime/case-presented.service.js';
import { EvaluationDispatcherService } from '../src/evaluation/index.js';
import { RedisStateService } from '../src/redis/redis-state.service.js';
import { EvaluationService } from '../src/evaluation/index.js';
import { TestEnvironment, eventually, nextEvent, onCaseChange, type ArcClientSocket } from './support/test-app.js';

/**
 * What the frame-to-console latency work changed, held to the guarantees: evaluation batches
 * write set-wise yet decide as if signal by signal, pushes are pipelined yet keep their order,
 * every console gets one shared frame per change yet sees its own gap-free numbers, and
 * "presented" is written once per case, in shared UPDATEs that never wait for a row lock.
 */
const env = new TestEnvironment();

beforeAll(async () => {
  await env.start();
});

afterAll(async () => {
  await env.destroy();
});

async function newCase(account: string, code: string, zone = '001'): Promise<string> {
  const response = await env.postSignal({ account, code, zone });
  expect(response.status).toBe(201);
  return ((await response.json()) as IngestSignalResponse).caseId!;
}

async function presentedAt(caseId: string): Promise<Date | null> {
  const [row] = await env.query<{ first_presented_at: Date | null }>(
    'SELECT first_presented_at FROM cases WHERE id = $1',
    [caseId],
  );
  return row!.first_presented_at;
}

/** Every event a console receives, in order. */
function record(socket: ArcClientSocket): { type: 'snapshot' | 'change'; seq: number; caseIds: string[] }[] {
  const events: { type: 'snapshot' | 'change'; seq: number; caseIds: string[] }[] = [];
  socket.on(SOCKET_EVENTS.queueSnapshot, (snapshot: QueueSnapshot) =>
    events.push({ type: 'snapshot', seq: snapshot.seq, caseIds: snapshot.cases.map((c) => c.id) }),
  );
  onCaseChange(socket, (change) => events.push({ type: 'change', seq: change.seq, caseIds: [change.summary.id] }));
  return events;
}

/**
 * The next snapshot is read from the database but not handed on until `release` is called: the
 * changes made meanwhile must be held back and sent after it. `spy` counts the reads.
 */
function holdNextSnapshotRead() {
  const cases = env.app!.get(CaseSummariesService);
  const listOpen = cases.listOpen.bind(cases);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const spy = vi.spyOn(cases, 'listOpen').mockImplementationOnce(async () => {
    const list = await listOpen();
    await gate;
    return list;
  });
  return { spy, release };
}

describe('when a case was first presented', () => {
  it('is written once per case, for many broadcasts in one UPDATE, with the time it was first shown', async () => {
    await env.createSite('7A01', 'Presented');
    const fire = await newCase('7A01', 'FA');
    const burglary = await newCase('7A01', 'BA');
    await env.query('UPDATE cases SET first_presented_at = NULL WHERE id = ANY($1::uuid[])', [[fire, burglary]]);
    const cases = env.app!.get(CasePresentedService);
    const query = vi.spyOn(env.dataSource, 'query');
    try {
      const t1 = new Date(Date.now() - 3000);
      const t2 = new Date(t1.getTime() + 1000);
      const t3 = new Date(t1.getTime() + 2000);
      await Promise.all([
        cases.markPresented([fire], t1),
        cases.markPresented([fire, burglary], t2),
        cases.markPresented([burglary], t3),
      ]);
      const writes = () => query.mock.calls.filter(([sql]) => String(sql).includes('SET first_presented_at'));
      expect(writes()).toHaveLength(1);
      expect(await presentedAt(fire)).toEqual(t1);
      expect(await presentedAt(burglary)).toEqual(t2);

      // Shown again later: already recorded by this process, nothing is written.
      await cases.markPresented([fire, burglary], new Date());
      expect(writes()).toHaveLength(1);
      expect(await presentedAt(fire)).toEqual(t1);
    } finally {
      query.mockRestore();
    }
  });

  it('does not wait for a case another transaction holds: it is written with a later flush', async () => {
    await env.createSite('7A02', 'Locked');
    const locked = await newCase('7A02', 'FA');
    const free = await newCase('7A02', 'BA');
    await env.query('UPDATE cases SET first_presented_at = NULL WHERE id = ANY($1::uuid[])', [[locked, free]]);
    const client = new pg.Client({ connectionString: env.config.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [locked]);
      const at = new Date(Date.now() - 1000);
      const written = env.app!.get(CasePresentedService).markPresented([locked, free], at);
      await eventually(async () => ((await presentedAt(free)) ? true : undefined), 5000);
      expect(await presentedAt(locked)).toBeNull();
      await client.query('COMMIT');
      await written;
      expect(await presentedAt(locked)).toEqual(at);
    } finally {
      await client.end();
    }
  });
});

describe('one frame per change for all consoles', () => {
  it('numbers the changes one by one from each console’s own snapshot, whenever it connected', async () => {
    await env.createSite('7A03', 'Two consoles');
    const first = env.socket(await env.login('operator'));
    const firstEvents = record(first);
    await eventually(async () => (firstEvents.length > 0 ? true : undefined));
    const fire = await newCase('7A03', 'FA');
    await eventually(async () => (firstEvents.length > 1 ? true : undefined));

    const second = env.socket(await env.login('operator'));
    const secondEvents = record(second);
    await eventually(async () => (secondEvents.length > 0 ? true : undefined));
    const burglary = await newCase('7A03', 'BA');
    await eventually(async () => (firstEvents.length > 2 && secondEvents.length > 1 ? true : undefined));

    const [snapshotA, fireA, burglaryA] = firstEvents;
    const [snapshotB, burglaryB] = secondEvents;
    expect(firstEvents.map((e) => e.type)).toEqual(['snapshot', 'change', 'change']);
    expect([fireA!.seq, burglaryA!.seq]).toEqual([snapshotA!.seq + 1, snapshotA!.seq + 2]);
    expect(fireA!.caseIds).toEqual([fire]);
    // The second console's snapshot already holds the fire case, and its number follows it.
    expect(snapshotB).toMatchObject({ type: 'snapshot', seq: fireA!.seq });
    expect(snapshotB!.caseIds).toContain(fire);
    expect(burglaryB).toEqual(burglaryA);
    expect(burglaryB!.caseIds).toEqual([burglary]);

    const answer = await new Promise<{ ok: boolean; snapshot?: QueueSnapshot }>((resolve) =>
      second.emit(SOCKET_EVENTS.requestSnapshot, resolve),
    );
    expect(answer.snapshot!.seq).toBe(burglaryB!.seq);
    first.disconnect();
    second.disconnect();
  });

  it('holds back the changes made while a console’s snapshot is read, and sends them right after it', async () => {
    await env.createSite('7A04', 'Snapshot in flight');
    const watcher = env.socket(await env.login('operator'));
    const watched = record(watcher);
    await eventually(async () => (watched.length > 0 ? true : undefined));

    const { spy, release } = holdNextSnapshotRead();
    try {
      const joining = env.socket(await env.login('operator'));
      const events = record(joining);
      await eventually(async () => (spy.mock.calls.length > 0 ? true : undefined));
      // Made after the snapshot was read, before it is sent.
      const fire = await newCase('7A04', 'FA');
      await eventually(async () => (watched.some((e) => e.caseIds.includes(fire)) ? true : undefined));
      expect(events).toEqual([]);
      release();
      await eventually(async () => (events.length > 1 ? true : undefined));
      const [snapshot, change] = events;
      expect(snapshot!.type).toBe('snapshot');
      expect(snapshot!.caseIds).not.toContain(fire);
      expect(change).toEqual({ type: 'change', seq: snapshot!.seq + 1, caseIds: [fire] });
      // The console that was already there got the very same change.
      expect(watched.at(-1)).toEqual(change);

      const burglary = await newCase('7A04', 'BA');
      await eventually(async () => (events.length > 2 ? true : undefined));
      expect(events[2]).toEqual({ type: 'change', seq: snapshot!.seq + 2, caseIds: [burglary] });
      joining.disconnect();
    } finally {
      release();
      spy.mockRestore();
      watcher.disconnect();
    }
  });
});

describe('a snapshot a console asks for', () => {
  it('is followed by the changes made while it was read, numbered on from it', async () => {
    await env.createSite('7A08', 'Resync');
    const socket = env.socket(await env.login('operator'));
    const events = record(socket);
    await eventually(async () => (events.length > 0 ? true : undefined));
    const { spy, release } = holdNextSnapshotRead();
    try {
      socket.emit(SOCKET_EVENTS.requestSnapshot, (answer) => {
        if (answer.ok) {
          events.push({ type: 'snapshot', seq: answer.snapshot.seq, caseIds: answer.snapshot.cases.map((c) => c.id) });
        }
      });
      await eventually(async () => (spy.mock.calls.length > 0 ? true : undefined));
      const fire = await newCase('7A08', 'FA');
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Held back: sent before the answer, the snapshot (read before it) would undo it.
      expect(events).toHaveLength(1);
      release();
      await eventually(async () => (events.length > 2 ? true : undefined));
      const [, answer, change] = events;
      expect(answer!.caseIds).not.toContain(fire);
      expect(change).toEqual({ type: 'change', seq: answer!.seq + 1, caseIds: [fire] });

      // Back in the room afterwards.
      const burglary = await newCase('7A08', 'BA');
      await eventually(async () => (events.length > 3 ? true : undefined));
      expect(events[3]).toEqual({ type: 'change', seq: answer!.seq + 2, caseIds: [burglary] });
    } finally {
      release();
      spy.mockRestore();
      socket.disconnect();
    }
  });
});

describe('evaluation batches', () => {
  it('write alarms, restores and AC losses set-wise, yet decide as if one signal after the other', async () => {
    const { transmitterId } = await env.createSite('7A05', 'One batch');
    // All stored in one statement: the same received_at, evaluated in one batch.
    const codes = ['BA', 'BR', 'FA', 'AT', 'AR', 'AT', 'BA', 'PR'];
    const kinds = codes.map((code) => classifyEventCode(code)!);
    const inserted = await env.query<{ id: string }>(
      `WITH s AS (
         INSERT INTO signals (source, raw, account, transmitter_id, protocol, code, zone, kind, category)
         SELECT 'http', '{}', '7A05', $1, 'SIA', code, '001', kind, category
           FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(code, kind, category, ord)
          ORDER BY ord
         RETURNING id, category, received_at),
       -- Stored as the receiver stores: with its row in the evaluation backlog.
       b AS (INSERT INTO signal_backlog (signal_id, category, received_at) SELECT * FROM s)
       SELECT id FROM s`,
      [transmitterId, codes, kinds.map((k) => k.kind), kinds.map((k) => k.category)],
    );
    const ids = inserted
      .map((row) => BigInt(row.id))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map(String);
    const results = await env.app!.get(EvaluationService).evaluateBatch(ids);
    const [alarm, restore, fire, loss, back, lossAgain, alarmAgain, panicRestore] = ids.map((id) => results.get(id)!);

    expect(alarm).toMatchObject({ decision: 'OPENED' });
    expect(restore).toEqual({ decision: 'RESTORE', caseId: alarm!.caseId });
    expect(fire!.decision).toBe('OPENED');
    expect(fire!.caseId).not.toBe(alarm!.caseId);
    expect([loss!.decision, back!.decision, lossAgain!.decision]).toEqual(['DEFERRED', 'RESTORE', 'DEFERRED']);
    expect(alarmAgain).toEqual({ decision: 'APPENDED', caseId: alarm!.caseId });
    expect(panicRestore).toEqual({ decision: 'RESTORE', caseId: null });

    const reasons = await env.query<{ id: string; decision_reason: string }>(
      'SELECT id, decision_reason FROM signals_with_decisions WHERE id = ANY($1::bigint[])',
      [ids],
    );
    const reasonOf = (id: string) => reasons.find((row) => String(row.id) === id)!.decision_reason;
    expect(reasonOf(ids[1]!)).toMatch(/; recorded on case \d{4}-\d{7}$/);
    expect(reasonOf(ids[4]!)).toContain('settles 1 waiting signal(s)');
    expect(reasonOf(ids[7]!)).toMatch(/; no open case$/);
    // The AC restore settles the loss stored before it, not the one stored after it.
    const deferred = await env.query<{ signal_id: string; restored_by_signal_id: string | null }>(
      'SELECT signal_id, restored_by_signal_id FROM deferred_alarms WHERE account = $1 ORDER BY signal_id',
      ['7A05'],
    );
    expect(
      deferred.map((d) => [String(d.signal_id), d.restored_by_signal_id && String(d.restored_by_signal_id)]),
    ).toEqual([
      [ids[3], ids[4]],
      [ids[5], null],
    ]);
    const history = await env.query<{ type: string; signal_id: string | null }>(
      'SELECT type, signal_id FROM case_events WHERE case_id = $1 ORDER BY id',
      [alarm!.caseId],
    );
    expect(history.map((e) => [e.type, String(e.signal_id)])).toEqual([
      ['CREATED', ids[0]],
      ['RESTORE_RECEIVED', ids[1]],
      ['SIGNALS_APPENDED', ids[6]],
    ]);
  });

  it('push the changes of pipelined batches in commit order, and each job settles after its push', async () => {
    await env.createSite('7A06', 'Pipelined');
    const socket = env.socket(await env.login('operator'));
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
    const versions: number[] = [];
    onCaseChange(socket, ({ summary }) => {
      if (summary.account === '7A06' && summary.category === 'INTRUSION') versions.push(summary.version);
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        env.postSignal({ account: '7A06', code: 'BA', zone: String(i + 1).padStart(3, '0') }),
      ),
    );
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const [open] = await env.query<{ version: number; signal_count: number }>(
      `SELECT version, signal_count FROM cases WHERE account = '7A06' AND category = 'INTRUSION' AND status <> 'CLOSED'`,
    );
    expect(open!.signal_count).toBe(20);
    await eventually(async () => (versions.at(-1) === open!.version ? true : undefined));
    // Never an older version after a newer one: the console would drop it, but the order is kept.
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(env.app!.get(EvaluationDispatcherService).backlog).toBe(0);
    socket.disconnect();
  });
});

describe('shutdown', () => {
  it('writes the cases presented but not yet flushed before the database closes', async () => {
    await env.createSite('7A07', 'Shut down');
    const fire = await newCase('7A07', 'FA');
    await env.query('UPDATE cases SET first_presented_at = NULL WHERE id = $1', [fire]);
    const at = new Date(Date.now() - 500);
    const written = env.app!.get(CasePresentedService).markPresented([fire], at);
    await env.stop();
    await written;
    await env.start();
    expect(await presentedAt(fire)).toEqual(at);
    // Let the start-up rebuild of the Redis state finish before the file's environment goes.
    await env.app!.get(RedisStateService).check(false);
  });
});
