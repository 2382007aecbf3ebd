import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationService } from '../src/evaluation/index.js';
import type { Transmitter } from '../src/simulator/transmitter.js';
import { TestPanels } from './support/panels.js';
import { TestEnvironment, eventually } from './support/test-app.js';

/**
 * Fire and hold-up have an evaluation lane of their own (evaluation-dispatcher.service.ts): a
 * batch of other signals that cannot commit must not hold a fire alarm's case back. The test
 * makes the other lane's batch wait for real, on a row lock PostgreSQL holds for another
 * connection, and only then sends the fire.
 */
const env = new TestEnvironment();
const panels = new TestPanels(env, 5000);
const panel = (account: string) => panels.panel(account);

beforeAll(() => env.start());
afterAll(async () => {
  await panels.closeAll();
  await env.destroy();
});

async function send(transmitter: Transmitter, code: string, zone: string): Promise<void> {
  const result = await transmitter.sendEvent({ code, zone, area: '1' });
  expect(result.outcome).toBe('ACK');
}

async function signalsOf(
  account: string,
): Promise<{ code: string; decision: string | null; case_id: string | null }[]> {
  return env.query(`SELECT code, decision, case_id FROM signals_with_decisions WHERE account = $1 ORDER BY id`, [
    account,
  ]);
}

describe('evaluation lanes', () => {
  it('evaluates a fire alarm while a batch of burglary signals waits on a lock', async () => {
    await env.createSite('1A01', 'Burglary site');
    await env.createSite('1A02', 'Fire site');
    const burglar = panel('1A01');
    await send(burglar, 'BA', '001');
    const [opened] = await eventually(async () => {
      const rows = await signalsOf('1A01');
      return rows[0]?.case_id ? rows : undefined;
    });

    // Another connection holds the burglary case's row: the next burglary signal joins that
    // case, so its batch (the normal lane's) waits until the lock is released.
    const blocker = env.dataSource.createQueryRunner();
    await blocker.connect();
    try {
      await blocker.startTransaction();
      await blocker.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [opened!.case_id]);
      await send(burglar, 'BA', '002');
      await eventually(async () => {
        const waiting = await env.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        return waiting[0]!.n > 0 ? true : undefined;
      });

      await send(panel('1A02'), 'FA', '003');
      const [fire] = await eventually(async () => {
        const rows = await signalsOf('1A02');
        return rows[0]?.decision ? rows : undefined;
      });
      expect(fire).toMatchObject({ code: 'FA', decision: 'OPENED' });
      const [fireCase] = await env.query<{ status: string; category: string }>(
        `SELECT status, category FROM cases WHERE id = $1`,
        [fire!.case_id],
      );
      expect(fireCase).toEqual({ status: 'QUEUED', category: 'FIRE' });
      // The burglary signal is still waiting behind the lock.
      expect((await signalsOf('1A01'))[1]).toMatchObject({ code: 'BA', decision: null });
    } finally {
      await blocker.rollbackTransaction().catch(() => undefined);
      await blocker.release();
    }
    const rows = await eventually(async () => {
      const found = await signalsOf('1A01');
      return found[1]?.decision ? found : undefined;
    });
    expect(rows[1]).toMatchObject({ decision: 'APPENDED', case_id: opened!.case_id });
  });

  it('evaluates a signal once when two transactions claim it at the same moment', async () => {
    const { transmitterId } = await env.createSite('1A03', 'Claimed twice');
    const [stored] = await env.query<{ id: string }>(
      `WITH s AS (
         INSERT INTO signals (source, raw, account, transmitter_id, protocol, code, zone, kind, category)
         VALUES ('http', '{}', '1A03', $1, 'SIA', 'FA', '001', 'ALARM', 'FIRE') RETURNING id, category, received_at),
       b AS (INSERT INTO signal_backlog (signal_id, category, received_at) SELECT * FROM s)
       SELECT id::text AS id FROM s`,
      [transmitterId],
    );
    const evaluation = env.app!.get(EvaluationService);
    const results = await Promise.all([evaluation.evaluate(stored!.id), evaluation.evaluate(stored!.id)]);
    expect(results.map((r) => r.decision).sort()).toEqual(['ALREADY_EVALUATED', 'OPENED']);
    expect(results[0]!.caseId).toBe(results[1]!.caseId);
    expect(
      await env.query(`SELECT count(*)::int AS n FROM signal_decisions WHERE signal_id = $1`, [stored!.id]),
    ).toEqual([{ n: 1 }]);
    expect(await env.query(`SELECT signal_count FROM cases WHERE id = $1`, [results[0]!.caseId])).toEqual([
      { signal_count: 1 },
    ]);
    expect(await env.query(`SELECT 1 FROM signal_backlog WHERE signal_id = $1`, [stored!.id])).toEqual([]);
  });
});
