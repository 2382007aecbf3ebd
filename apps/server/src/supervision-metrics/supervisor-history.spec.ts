import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisorSnapshot } from '@arc/shared/supervisor';
import { TestEnvironment } from '../../test/support/test-app.js';
import { SupervisorViewService } from './supervisor-view.service.js';

/**
 * The snapshot's history and operator figures are computed in one pass over the cases that
 * matter; this checks every bucket against the plain definition, counted here case by case.
 */
const env = new TestEnvironment();
let siteId: string;
let snapshot: SupervisorSnapshot;
let operatorId: string;

const BUCKET_MS = 5 * 60_000;

/** Seconds before now: when the case was queued, taken (null: never) and closed (null: open). */
const CASES: { category: string; created: number; accepted: number | null; closed: number | null }[] = [
  // Waiting since before the window, and since two hours ago.
  { category: 'FIRE', created: 8 * 3600 + 17, accepted: null, closed: null },
  { category: 'INTRUSION', created: 2 * 3600 + 41, accepted: null, closed: null },
  // Taken within the window, some after a long wait; one service case (not in the medians).
  { category: 'FIRE', created: 5 * 3600 + 133, accepted: 5 * 3600 + 101, closed: 5 * 3600 },
  { category: 'INTRUSION', created: 5 * 3600 + 170, accepted: 5 * 3600 + 90, closed: 4 * 3600 },
  { category: 'INTRUSION', created: 5 * 3600 + 260, accepted: 5 * 3600 + 200, closed: 5 * 3600 + 10 },
  { category: 'HOLDUP', created: 3 * 3600 + 999, accepted: 3 * 3600 + 13, closed: 3 * 3600 },
  { category: 'SERVICE', created: 3 * 3600 + 500, accepted: 3 * 3600 + 20, closed: 3 * 3600 },
  { category: 'TECHNICAL', created: 40 * 60 + 7, accepted: 30 * 60 + 3, closed: 20 * 60 },
  { category: 'FIRE', created: 9 * 60 + 11, accepted: 8 * 60 + 52, closed: 60 },
  // Queued before the window, taken within it.
  { category: 'INTRUSION', created: 7 * 3600 + 300, accepted: 6 * 3600 - 600, closed: 5 * 3600 },
  // Closed without being taken (cancelled), and a case entirely before the window.
  { category: 'TECHNICAL', created: 4 * 3600 + 77, accepted: null, closed: 3 * 3600 + 1500 },
  { category: 'FIRE', created: 10 * 3600, accepted: 10 * 3600 - 30, closed: 9 * 3600 },
];

beforeAll(async () => {
  await env.start();
  ({ siteId } = await env.createSite('5C01', 'History centre'));
  operatorId = (await env.query<{ id: string }>(`SELECT id FROM users WHERE username = 'operator'`))[0]!.id;
  for (const [i, c] of CASES.entries()) {
    await env.query(
      `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, queued_at, created_at,
                          last_signal_at, accepted_at, closed_at)
       VALUES ($1, $2, '5C01', $3, 3, $4, 'Replayed', now() - make_interval(secs => $5), now() - make_interval(secs => $5),
               now() - make_interval(secs => $5),
               CASE WHEN $6::float8 IS NULL THEN NULL ELSE now() - make_interval(secs => $6) END,
               CASE WHEN $7::float8 IS NULL THEN NULL ELSE now() - make_interval(secs => $7) END)`,
      [`history:${i}`, siteId, c.category, c.closed === null ? 'QUEUED' : 'CLOSED', c.created, c.accepted, c.closed],
    );
  }
  // Closed today by the operator: one case held twice (put back, then taken again), one never held.
  const [held] = await env.query<{ id: string }>(
    `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, created_at, accepted_at,
                        closed_at, closed_by_user_id)
     VALUES ('handled:1', $1, '5C01', 'INTRUSION', 3, 'CLOSED', 'Handled', now() - interval '5 minutes',
             now() - interval '4 minutes', now(), $2) RETURNING id`,
    [siteId, operatorId],
  );
  await env.query(
    `INSERT INTO case_holds (case_id, user_id, started_at, ended_at, end_reason)
     VALUES ($1, $2, now() - interval '240 seconds', now() - interval '200 seconds', 'PUT_BACK'),
            ($1, $2, now() - interval '100 seconds', now() - interval '40 seconds', 'CLOSED')`,
    [held!.id, operatorId],
  );
  await env.query(
    `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, created_at, accepted_at,
                        closed_at, closed_by_user_id)
     VALUES ('handled:2', $1, '5C01', 'TECHNICAL', 4, 'CLOSED', 'Handled', now() - interval '3 minutes',
             now() - interval '2 minutes', now(), $2)`,
    [siteId, operatorId],
  );
  snapshot = await env.app!.get(SupervisorViewService).refresh();
});

afterAll(async () => {
  await env.destroy();
});

describe('supervisor history', () => {
  it('covers the last six hours and more, in 5-minute buckets from a whole hour', () => {
    const starts = snapshot.history.map((p) => Date.parse(p.at));
    // A whole hour in the database's time zone: a multiple of 15 minutes in UTC.
    expect(starts[0]! % (15 * 60_000)).toBe(0);
    expect(Date.parse(snapshot.at) - starts[0]!).toBeGreaterThanOrEqual(6 * 3600_000);
    expect(Date.parse(snapshot.at) - starts.at(-1)!).toBeLessThan(BUCKET_MS + 1000);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBe(BUCKET_MS);
  });

  it('gives every bucket the depth, count and median the plain definition gives', async () => {
    const rows = await env.query<{
      created_at: Date;
      accepted_at: Date | null;
      closed_at: Date | null;
      category: string;
    }>(`SELECT created_at, accepted_at, closed_at, category FROM cases`);
    const now = Date.parse(snapshot.at);
    const expected = snapshot.history.map((p) => {
      const start = Date.parse(p.at);
      const end = Math.min(start + BUCKET_MS, now);
      const depth = rows.filter((r) => {
        const left = r.accepted_at ?? r.closed_at;
        return r.created_at.getTime() <= end && (left === null || left.getTime() > end);
      }).length;
      const waits = rows
        .filter(
          (r) =>
            r.category !== 'SERVICE' &&
            r.accepted_at !== null &&
            r.accepted_at.getTime() >= start &&
            r.accepted_at.getTime() < start + BUCKET_MS,
        )
        .map((r) => (r.accepted_at!.getTime() - r.created_at.getTime()) / 1000)
        .sort((a, b) => a - b);
      const p50 = waits.length === 0 ? null : waits[Math.ceil(waits.length / 2) - 1]!;
      return { at: p.at, queueDepth: depth, acceptP50: p50, accepted: waits.length };
    });
    const rounded = (points: typeof expected) =>
      points.map((p) => ({ ...p, acceptP50: p.acceptP50 === null ? null : Math.round(p.acceptP50 * 1000) / 1000 }));
    expect(rounded(snapshot.history)).toEqual(rounded(expected));
    // Sanity: the data reaches across the window.
    expect(Math.max(...snapshot.history.map((p) => p.queueDepth))).toBeGreaterThanOrEqual(3);
    expect(snapshot.history.reduce((sum, p) => sum + p.accepted, 0)).toBe(9);
  });

  it("counts today's closed cases per person and the mean of their holds", () => {
    const operator = snapshot.operators.find((o) => o.userId === operatorId)!;
    expect(operator.handledToday).toBe(2);
    // One case held 40 s + 60 s; the other has no hold and does not count in the mean.
    expect(operator.meanHandlingSeconds).toBeCloseTo(100, 3);
    const supervisor = snapshot.operators.find((o) => o.role === 'supervisor')!;
    expect(supervisor).toMatchObject({ handledToday: 0, meanHandlingSeconds: null });
  });
});
