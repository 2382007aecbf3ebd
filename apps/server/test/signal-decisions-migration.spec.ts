import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { MIGRATIONS, dataSourceOptions } from '../src/database/data-source-options.js';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';

/**
 * Migration 1766100000000 moves the evaluation state out of the signal row: decisions of evaluated
 * signals to signal_decisions, unevaluated signals to signal_backlog; and back on revert. Run on
 * a database migrated to the step before, with signals in every state.
 */
const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const url = `${PG_BASE}/arc_test_migration_${process.pid}_${randomBytes(3).toString('hex')}`;
const created: DataSource[] = [];

async function dataSource(migrations: typeof MIGRATIONS): Promise<DataSource> {
  const ds = new DataSource({ ...dataSourceOptions(url, 2), migrations });
  await ds.initialize();
  created.push(ds);
  return ds;
}

afterAll(async () => {
  for (const ds of created) if (ds.isInitialized) await ds.destroy();
  await dropDatabase(url);
});

describe('migration SignalDecisions1766100000000', () => {
  it('moves decisions and the backlog out of signals, and back', async () => {
    await ensureDatabase(url);
    const index = MIGRATIONS.findIndex((m) => m.name === 'SignalDecisions1766100000000');
    expect(index).toBeGreaterThan(0);
    const before = await dataSource(MIGRATIONS.slice(0, index));
    await before.runMigrations();
    const [caseRow] = await before.query(
      `INSERT INTO cases (case_key, account, category, priority, status, title)
       VALUES ('account:M1', 'M1', 'FIRE', 1, 'QUEUED', 'Fire alarm') RETURNING id`,
    );
    // Stored and never evaluated; evaluated before decisions were recorded (evaluated_at only).
    const signal = (evaluated: boolean) =>
      before.query(
        `INSERT INTO signals (source, raw, account, protocol, code, kind, category, evaluated_at)
         VALUES ('http', '{}', 'M1', 'SIA', 'FA', 'ALARM', 'FIRE', CASE WHEN $1 THEN now() END) RETURNING id`,
        [evaluated],
      );
    const [[opened], [waiting], [old]] = await Promise.all([
      before.query(
        `INSERT INTO signals (source, raw, account, protocol, code, kind, category, evaluated_at, decision,
                              decision_reason, decision_reason_key, decision_reason_params, case_id)
         VALUES ('http', '{}', 'M1', 'SIA', 'FA', 'ALARM', 'FIRE', now(), 'OPENED', 'Fire alarm',
                 'caseTitles:alarm', '{"event":"Fire alarm"}', $1) RETURNING id`,
        [caseRow.id],
      ),
      signal(false),
      signal(true),
    ]);

    // Up to this migration, so that undoing the last one undoes this one.
    const after = await dataSource(MIGRATIONS.slice(0, index + 1));
    await after.runMigrations();
    expect(
      await after.query(
        `SELECT signal_id::text, decision, reason, reason_key, case_id FROM signal_decisions ORDER BY 1`,
      ),
    ).toEqual(
      [
        {
          signal_id: String(opened.id),
          decision: 'OPENED',
          reason: 'Fire alarm',
          reason_key: 'caseTitles:alarm',
          case_id: caseRow.id,
        },
        { signal_id: String(old.id), decision: null, reason: null, reason_key: null, case_id: null },
      ].sort((a, b) => a.signal_id.localeCompare(b.signal_id)),
    );
    expect(await after.query(`SELECT signal_id::text, category FROM signal_backlog`)).toEqual([
      { signal_id: String(waiting.id), category: 'FIRE' },
    ]);
    const columns = await after.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'signals' AND column_name IN
         ('evaluated_at', 'case_id', 'decision', 'decision_reason', 'service_mode_id', 'block_window_id')`,
    );
    expect(columns).toEqual([]);
    const [view] = await after.query(
      `SELECT decision, case_id, evaluated_at IS NOT NULL AS evaluated FROM signals_with_decisions WHERE id = $1`,
      [opened.id],
    );
    expect(view).toEqual({ decision: 'OPENED', case_id: caseRow.id, evaluated: true });

    await after.undoLastMigration();
    const back = await after.query(
      `SELECT id::text, decision, case_id, evaluated_at IS NOT NULL AS evaluated FROM signals ORDER BY id`,
    );
    expect(back).toEqual(
      [
        { id: String(opened.id), decision: 'OPENED', case_id: caseRow.id, evaluated: true },
        { id: String(waiting.id), decision: null, case_id: null, evaluated: false },
        { id: String(old.id), decision: null, case_id: null, evaluated: true },
      ].sort((a, b) => Number(a.id) - Number(b.id)),
    );
    expect(await after.query(`SELECT to_regclass('signal_backlog') AS t`)).toEqual([{ t: null }]);
  });
});
