import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEnvironment } from './support/test-app.js';

/**
 * The signal path has no foreign keys (migration 1766200000000: each check locked the row it
 * found, a write per stored signal). What the key on signals.transmitter_id guarded is kept by
 * the directory: a transmitter with signals cannot be deleted, also when a signal for it is
 * being stored at that very moment.
 */
const env = new TestEnvironment();
let admin: string;

beforeAll(async () => {
  await env.start();
  admin = await env.login('admin');
});
afterAll(() => env.destroy());

describe('references to signals', () => {
  it('has no foreign keys to or from signals', async () => {
    const keys = await env.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint
        WHERE contype = 'f' AND (conrelid = 'signals'::regclass OR confrelid = 'signals'::regclass)`,
    );
    expect(keys).toEqual([]);
  });

  it('refuses to delete a transmitter while a signal for it is being stored, once that signal is committed', async () => {
    const { transmitterId } = await env.createSite('3C01', 'Deleted while storing');
    const storing = env.dataSource.createQueryRunner();
    await storing.connect();
    try {
      await storing.startTransaction();
      await storing.query(
        `INSERT INTO signals (source, raw, account, transmitter_id, protocol, code, zone, kind, category)
         VALUES ('http', '{}', '3C01', $1, 'SIA', 'BA', '001', 'ALARM', 'INTRUSION')`,
        [transmitterId],
      );
      let answered = false;
      const deleting = env.call(admin, 'DELETE', `/transmitters/${transmitterId}`).finally(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The delete waits for the signal's transaction instead of counting without it.
      expect(answered).toBe(false);
      await storing.commitTransaction();
      expect((await deleting).status).toBe(409);
    } finally {
      if (storing.isTransactionActive) await storing.rollbackTransaction();
      await storing.release();
    }
    expect(await env.query(`SELECT id FROM transmitters WHERE id = $1`, [transmitterId])).toHaveLength(1);
  });

  it('deletes a transmitter without signals', async () => {
    const { transmitterId } = await env.createSite('3C02', 'Never heard');
    expect((await env.call(admin, 'DELETE', `/transmitters/${transmitterId}`)).status).toBe(204);
    expect(await env.query(`SELECT id FROM transmitters WHERE id = $1`, [transmitterId])).toEqual([]);
  });
});
