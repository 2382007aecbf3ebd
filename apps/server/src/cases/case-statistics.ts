import type { AlarmCategory } from '@arc/shared/alarm';
import type { DataSource } from 'typeorm';

/**
 * Read-only figures over the cases for the supervisor's view: the cases module owns the table,
 * so the statements that scan it live here. Each is one round trip.
 */

/** Per category with waiting cases: how many wait, and the oldest (its age in s, number and site). */
export function waitingByCategory(db: DataSource): Promise<
  {
    category: AlarmCategory;
    waiting: string;
    oldest: number | null;
    case_no: string | null;
    site_name: string | null;
  }[]
> {
  return db.query(
    `WITH counts AS (
       SELECT category, count(*) AS waiting FROM cases WHERE status = 'QUEUED' GROUP BY category
     ),
     oldest AS (
       SELECT DISTINCT ON (c.category) c.category, c.case_no, s.name AS site_name,
              extract(epoch FROM now() - c.created_at)::float8 AS oldest
         FROM cases c LEFT JOIN sites s ON s.id = c.site_id
        WHERE c.status = 'QUEUED'
        ORDER BY c.category, c.created_at, c.id
     )
     SELECT counts.category, counts.waiting, oldest.oldest, oldest.case_no, oldest.site_name
       FROM counts JOIN oldest ON oldest.category = counts.category`,
  );
}

/**
 * Accept times (s) and ages (s since accepted) of the cases accepted in the last hour or today
 * (in `timeZone`), whichever is longer; service cases excluded, as in ZR0001.
 */
export function recentAcceptTimes(db: DataSource, timeZone: string): Promise<{ seconds: number; age: number }[]> {
  return db.query(
    `SELECT extract(epoch FROM accepted_at - created_at)::float8 AS seconds,
            extract(epoch FROM now() - accepted_at)::float8 AS age
       FROM cases
      WHERE accepted_at >= LEAST(now() - interval '1 hour',
                                 date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1)
        AND category <> 'SERVICE'`,
    [timeZone],
  );
}

/**
 * Queue depth at the end of each bucket k (0…last, `bucketMinutes` long from `start`) and the
 * median accept time of the cases accepted in it. Only the cases that were still waiting at
 * `start`, or arrived since, can count: one scan picks them, and the depth is a running sum of
 * arrivals (+1) and departures (−1) per bucket.
 */
export function queueHistory(
  db: DataSource,
  window: { start: Date; now: Date; last: number; bucketMinutes: number },
): Promise<{ k: number; depth: string; p50: number | null; accepted: string }[]> {
  return db.query(
    `WITH relevant AS MATERIALIZED (
       -- When the case left the queue ('infinity': it still waits), never before it arrived.
       SELECT created_at, accepted_at, GREATEST(COALESCE(accepted_at, closed_at, 'infinity'), created_at) AS left_at,
              category <> 'SERVICE' AS counted
         FROM cases
        WHERE accepted_at >= $1 OR (accepted_at IS NULL AND (closed_at IS NULL OR closed_at >= $1))
     ),
     events AS (
       SELECT created_at AS t, 1 AS delta FROM relevant
       UNION ALL
       SELECT left_at, -1 FROM relevant WHERE left_at <> 'infinity'
     ),
     steps AS (
       SELECT GREATEST(0, ceil(extract(epoch FROM t - $1) / ($4 * 60))::int - 1) AS k, sum(delta) AS delta
         FROM events WHERE t <= $2 GROUP BY 1
     ),
     accepted AS (
       SELECT floor(extract(epoch FROM accepted_at - $1) / ($4 * 60))::int AS k, count(*) AS accepted,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - created_at)) AS p50
         FROM relevant WHERE counted AND accepted_at IS NOT NULL
        GROUP BY 1
     )
     SELECT b.k, sum(COALESCE(s.delta, 0)) OVER (ORDER BY b.k) AS depth, a.p50::float8 AS p50,
            COALESCE(a.accepted, 0) AS accepted
       FROM generate_series(0, $3::int) AS b(k)
       LEFT JOIN steps s ON s.k = b.k
       LEFT JOIN accepted a ON a.k = b.k
      ORDER BY b.k`,
    [window.start, window.now, window.last, window.bucketMinutes],
  );
}
