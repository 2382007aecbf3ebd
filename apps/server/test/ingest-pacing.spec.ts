import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPanels } from './support/panels.js';
import { TestEnvironment, eventually } from './support/test-app.js';

/**
 * Ingest is paced by evaluation once the evaluation backlog reaches EVALUATION_BACKLOG_LIMIT
 * (admission-gate.ts): a signal that is not urgent is then stored (and ACKed) only as
 * evaluation finishes others, while fire and hold-up are stored and evaluated at once. The test
 * holds evaluation for real, with a row lock another connection keeps on the case the normal
 * lane's batch must update, and a limit of 3.
 */
const env = new TestEnvironment({ EVALUATION_BACKLOG_LIMIT: '3' });
const panels = new TestPanels(env, 15_000);
const panel = (account: string) => panels.panel(account);

beforeAll(() => env.start());
afterAll(async () => {
  await panels.closeAll();
  await env.destroy();
});

const storedOf = async (account: string): Promise<number> =>
  (await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM signals WHERE account = $1`, [account]))[0]!.n;

describe('ingest paced by evaluation', () => {
  it('holds signals that are not urgent while the backlog is at its limit, never a fire', async () => {
    for (const account of ['2B01', '2B02', '2B03', '2B04', '2B05']) await env.createSite(account, `Site ${account}`);
    const first = panel('2B01');
    expect((await first.sendEvent({ code: 'BA', zone: '001', area: '1' })).outcome).toBe('ACK');
    const [opened] = await eventually(async () => {
      const rows = await env.query<{ case_id: string | null }>(
        `SELECT case_id FROM signals_with_decisions WHERE account = '2B01'`,
      );
      return rows[0]?.case_id ? rows : undefined;
    });

    const blocker = env.dataSource.createQueryRunner();
    await blocker.connect();
    let held: Promise<{ outcome: string }> | undefined;
    try {
      await blocker.startTransaction();
      await blocker.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [opened!.case_id]);
      // The normal lane's batch waits on the lock; two more queue behind it: a backlog of 3.
      expect((await first.sendEvent({ code: 'BA', zone: '002', area: '1' })).outcome).toBe('ACK');
      await eventually(async () => {
        const waiting = await env.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        return waiting[0]!.n > 0 ? true : undefined;
      });
      expect((await panel('2B02').sendEvent({ code: 'BA', zone: '003', area: '1' })).outcome).toBe('ACK');
      expect((await panel('2B03').sendEvent({ code: 'BA', zone: '004', area: '1' })).outcome).toBe('ACK');
      const backlog = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM signal_backlog`);
      expect(backlog[0]!.n).toBe(3);

      // At the limit: this burglary alarm is not stored, so not acknowledged, yet.
      held = panel('2B04').sendEvent({ code: 'BA', zone: '005', area: '1' });
      const settled = await Promise.race([held.then(() => 'answered'), sleep(1500).then(() => 'waiting')]);
      expect(settled).toBe('waiting');
      expect(await storedOf('2B04')).toBe(0);

      // A fire is stored, ACKed and evaluated all the same.
      expect((await panel('2B05').sendEvent({ code: 'FA', zone: '006', area: '1' })).outcome).toBe('ACK');
      const [fire] = await eventually(async () => {
        const rows = await env.query<{ decision: string | null }>(
          `SELECT decision FROM signals_with_decisions WHERE account = '2B05'`,
        );
        return rows[0]?.decision ? rows : undefined;
      });
      expect(fire).toEqual({ decision: 'OPENED' });
      expect(await storedOf('2B04')).toBe(0);
    } finally {
      await blocker.rollbackTransaction().catch(() => undefined);
      await blocker.release();
    }
    // Evaluation catches up: the held alarm is stored, acknowledged and evaluated.
    expect((await held!).outcome).toBe('ACK');
    const [late] = await eventually(async () => {
      const rows = await env.query<{ decision: string | null }>(
        `SELECT decision FROM signals_with_decisions WHERE account = '2B04'`,
      );
      return rows[0]?.decision ? rows : undefined;
    });
    expect(late).toEqual({ decision: 'OPENED' });
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
