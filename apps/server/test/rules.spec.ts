import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseSummary, type QueueSnapshot } from '@arc/shared/case';
import { type CaseTitleParams } from '@arc/shared/case-title';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import { Queue } from 'bullmq';
import { RULE_TIMERS_QUEUE, RuleTimersService, TIMER_JOBS, timerJobId } from '../src/rules/rule-timers.service.js';
import { EvaluationService } from '../src/evaluation/index.js';
import { redisConnectionOptions } from '../src/redis/redis-url.js';
import { POWER_CUT_MIX } from '../src/simulator/events.js';
import { closeFleet, createFleet, fleetSpecs, storm } from '../src/simulator/load.js';
import { Transmitter } from '../src/simulator/transmitter.js';
import { englishCaseTitle, englishSignalReason } from './support/case-title-icu.js';
import { centreMinuteNamed } from '../src/common/centre-time.js';
import { TestEnvironment, eventually, nextEvent } from './support/test-app.js';

/**
 * The rules end to end: DC-09 frames from the simulator's transmitter, through the receiver and
 * the evaluator, to what a console's queue shows (or does not show). Short timers make the
 * delayed paths observable in seconds.
 */
const env = new TestEnvironment({
  SUPERVISION_GRACE_SECONDS: '1',
  SUPERVISION_SWEEP_SECONDS: '0.3',
  RULES_SWEEP_SECONDS: '0.5',
  AC_LOSS_DELAY_SECONDS: '2',
  RUNAWAY_THRESHOLD: '10',
  RUNAWAY_WINDOW_SECONDS: '60',
});
const panels: Transmitter[] = [];
let operatorId: string;
let personId: string;

beforeAll(async () => {
  await env.start();
  [{ id: operatorId }] = (await env.query<{ id: string }>(`SELECT id FROM users WHERE username = 'operator'`)) as [
    { id: string },
  ];
  const [list] = await env.query<{ id: string }>(
    `INSERT INTO authorization_lists (name) VALUES ('Rules') RETURNING id`,
  );
  [{ id: personId }] = (await env.query<{ id: string }>(
    `INSERT INTO persons (list_id, name, phone, level) VALUES ($1, 'Anna Berg', '+46701234567', 'A') RETURNING id`,
    [list!.id],
  )) as [{ id: string }];
});

afterAll(async () => {
  await Promise.all(panels.map((panel) => panel.close()));
  await env.destroy();
});

function panel(account: string, protocol: 'SIA-DCS' | 'ADM-CID' = 'SIA-DCS'): Transmitter {
  const transmitter = new Transmitter({ account, port: env.tcpPort, timeoutMs: 5000, protocol });
  panels.push(transmitter);
  return transmitter;
}

async function send(transmitter: Transmitter, code: string, zone = '001'): Promise<void> {
  const result = await transmitter.sendEvent({ code, zone, area: '1' });
  expect(result.outcome).toBe('ACK');
}

interface SignalRow {
  id: string;
  code: string;
  decision: string | null;
  decision_reason: string | null;
  decision_reason_key: string | null;
  decision_reason_params: CaseTitleParams | null;
  case_id: string | null;
  service_mode_id: string | null;
  block_window_id: string | null;
}

/**
 * The account's signals once all are evaluated, in storage order. Each carries its reason's key
 * and params (@arc/shared/signal-reason), and the English catalogue says them as the stored
 * reason, word for word: every reason these tests produce is checked.
 */
async function evaluatedSignals(account: string, count: number): Promise<SignalRow[]> {
  const rows = await eventually(async () => {
    const found = await env.query<SignalRow>(
      `SELECT id, code, decision, decision_reason, decision_reason_key, decision_reason_params, case_id,
              service_mode_id, block_window_id
         FROM signals_with_decisions WHERE account = $1 ORDER BY id`,
      [account],
    );
    return found.length === count && found.every((row) => row.decision !== null) ? found : undefined;
  });
  for (const row of rows) {
    expect(await englishSignalReason(row.decision_reason_key, row.decision_reason_params, centreMinuteNamed)).toBe(
      row.decision_reason,
    );
  }
  return rows;
}

/**
 * The site's open cases. Each carries its title's key and params (@arc/shared/case-title), and the
 * English catalogue says them as the stored title, word for word: every case these tests raise
 * (active at end, AC loss not restored, test signal missing, runaway) is checked.
 */
async function openCases(
  siteId: string,
): Promise<{ id: string; category: string; title: string; signal_count: number; runaway: boolean }[]> {
  const rows = await env.query<{
    id: string;
    category: string;
    title: string;
    title_key: string | null;
    title_params: CaseTitleParams | null;
    signal_count: number;
    runaway: boolean;
  }>(
    `SELECT id, category, title, title_key, title_params, signal_count, runaway FROM cases
      WHERE site_id = $1 AND status <> 'CLOSED' ORDER BY priority, queued_at`,
    [siteId],
  );
  for (const row of rows) expect(await englishCaseTitle(row.title_key, row.title_params)).toBe(row.title);
  return rows.map((row) => ({
    id: row.id,
    category: row.category,
    title: row.title,
    signal_count: row.signal_count,
    runaway: row.runaway,
  }));
}

async function insertServiceMode(
  transmitterId: string,
  seconds: number,
  category: string | null = null,
): Promise<string> {
  const [row] = await env.query<{ id: string }>(
    `INSERT INTO service_modes (transmitter_id, category, starts_at, ends_at, planned_ends_at, reason,
                                requested_by_person_id, requested_by_name, requested_by_level, set_by_user_id)
     VALUES ($1, $2, now(), now() + make_interval(secs => $3), now() + make_interval(secs => $3), 'Installer at work',
             $4, 'Anna Berg', 'A', $5)
     RETURNING id`,
    [transmitterId, category, seconds, personId, operatorId],
  );
  await env.app!.get(RuleTimersService).serviceModeChanged(row!.id);
  return row!.id;
}

async function snapshotOfQueue(): Promise<CaseSummary[]> {
  const socket = env.socket(await env.login('operator'));
  try {
    return (await nextEvent<QueueSnapshot>(socket, SOCKET_EVENTS.queueSnapshot)).cases;
  } finally {
    socket.disconnect();
  }
}

describe('service mode', () => {
  it('suppresses alarms during it, and raises a case for an alarm still active when it ends', async () => {
    const { siteId, transmitterId } = await env.createSite('5E01', 'Service mode site');
    const modeId = await insertServiceMode(transmitterId, 3);
    const transmitter = panel('5E01');
    await send(transmitter, 'FA', '003');
    await send(transmitter, 'BA', '004');
    await send(transmitter, 'BR', '004');
    await send(transmitter, 'OP');
    const [fire, burglary, restore, opening] = await evaluatedSignals('5E01', 4);
    expect(fire).toMatchObject({ decision: 'SUPPRESSED', service_mode_id: modeId, case_id: null });
    expect(fire!.decision_reason).toMatch(
      /^Service mode until .* \(Europe\/Stockholm\): Installer at work \(asked by Anna Berg\)$/,
    );
    expect(burglary).toMatchObject({ decision: 'SUPPRESSED', service_mode_id: modeId });
    expect(restore).toMatchObject({ decision: 'RESTORE', decision_reason: 'Burglary restore; no open case' });
    expect(opening).toMatchObject({ decision: 'LOG_ONLY', decision_reason: 'Opening by user' });
    // Nothing reached the queue.
    expect(await openCases(siteId)).toEqual([]);
    expect((await snapshotOfQueue()).filter((c) => c.siteId === siteId)).toEqual([]);

    // The BullMQ delayed job ends it: the fire alarm was never restored, the burglary was.
    const [raised] = await eventually(async () => {
      const cases = await openCases(siteId);
      return cases.length > 0 ? cases : undefined;
    }, 15_000);
    expect(raised).toMatchObject({ category: 'FIRE', title: 'Active at end of service mode: Fire alarm, zone 003' });
    expect(await openCases(siteId)).toHaveLength(1);
    const [mode] = await env.query<{ finished_at: Date | null }>(
      `SELECT finished_at FROM service_modes WHERE id = $1`,
      [modeId],
    );
    expect(mode!.finished_at).not.toBeNull();
    const [linked] = await env.query<{ case_id: string; decision: string }>(
      `SELECT case_id, decision FROM signals_with_decisions WHERE id = $1`,
      [fire!.id],
    );
    expect(linked).toEqual({ case_id: raised!.id, decision: 'SUPPRESSED' });
    const history = await env.query<{ type: string }>(`SELECT type FROM case_events WHERE case_id = $1`, [raised!.id]);
    expect(history.map((e) => e.type)).toEqual(['CREATED']);

    // After the end, alarms raise cases again.
    await send(transmitter, 'BA', '009');
    await eventually(async () => ((await openCases(siteId)).length === 2 ? true : undefined));
  });

  it('raises nothing at the end when every alarm of the period was restored', async () => {
    const { siteId, transmitterId } = await env.createSite('5E02', 'Restored in service mode');
    const modeId = await insertServiceMode(transmitterId, 2);
    const transmitter = panel('5E02', 'ADM-CID');
    await send(transmitter, '1110', '001');
    await send(transmitter, '3110', '001');
    await evaluatedSignals('5E02', 2);
    await eventually(async () => {
      const [mode] = await env.query<{ finished_at: Date | null }>(
        `SELECT finished_at FROM service_modes WHERE id = $1`,
        [modeId],
      );
      return mode?.finished_at ?? undefined;
    }, 15_000);
    expect(await openCases(siteId)).toEqual([]);
  });

  it('a fire-only service mode lets a burglary through', async () => {
    const { siteId, transmitterId } = await env.createSite('5E03', 'Fire only');
    await insertServiceMode(transmitterId, 600, 'FIRE');
    const transmitter = panel('5E03');
    await send(transmitter, 'FA');
    await send(transmitter, 'BA');
    const [fire, burglary] = await evaluatedSignals('5E03', 2);
    expect(fire!.decision).toBe('SUPPRESSED');
    expect(burglary!.decision).toBe('OPENED');
    expect((await openCases(siteId)).map((c) => c.category)).toEqual(['INTRUSION']);
  });

  it('an expiry survives a Redis flush: the job comes back from PostgreSQL', async () => {
    const { siteId, transmitterId } = await env.createSite('5E04', 'Flushed');
    const modeId = await insertServiceMode(transmitterId, 4);
    const transmitter = panel('5E04');
    await send(transmitter, 'HA', '002');
    await evaluatedSignals('5E04', 1);
    const [mode] = await env.query<{ ends_at: Date }>(`SELECT ends_at FROM service_modes WHERE id = $1`, [modeId]);
    const queue = new Queue(RULE_TIMERS_QUEUE, {
      connection: redisConnectionOptions(env.config.redis.url),
      prefix: `${env.config.redis.prefix}:bull`,
    });
    const jobId = timerJobId(TIMER_JOBS.serviceModeEnd, modeId, mode!.ends_at);
    // A block window next week on another transmitter: its start and end jobs must come back too.
    const { transmitterId: blockedId } = await env.createSite('5E05', 'Blocked next week');
    const [window] = await env.query<{ id: string; starts_at: Date; ends_at: Date }>(
      `INSERT INTO block_windows (transmitter_id, starts_at, ends_at, planned_ends_at, requested_by_person_id,
                                  requested_by_name, requested_by_level, request_date, reference, created_by_user_id)
       VALUES ($1, now() + interval '7 days', now() + interval '8 days', now() + interval '8 days', $2, 'Anna Berg',
               'A', current_date, 'ORDER-18', $3)
       RETURNING id, starts_at, ends_at`,
      [blockedId, personId, operatorId],
    );
    await env.app!.get(RuleTimersService).blockWindowChanged(window!.id);
    const windowJobs = [
      timerJobId(TIMER_JOBS.blockWindowStart, window!.id, window!.starts_at),
      timerJobId(TIMER_JOBS.blockWindowEnd, window!.id, window!.ends_at),
    ];
    try {
      expect(await queue.getJob(jobId)).toBeDefined();
      for (const id of windowJobs) expect(await queue.getJob(id)).toBeDefined();
      await env.flushRedis();
      expect(await queue.getJob(jobId)).toBeUndefined();
      // The rebuild adds the jobs one after the other: wait until every one is back.
      const back = async () => {
        const jobs = await Promise.all([jobId, ...windowJobs].map((id) => queue.getJob(id)));
        return jobs.every(Boolean) ? true : undefined;
      };
      await eventually(back);
      for (const id of [jobId, ...windowJobs]) expect(await queue.getJob(id)).toBeDefined();
    } finally {
      await queue.close();
    }
    const [raised] = await eventually(async () => {
      const cases = await openCases(siteId);
      return cases.length > 0 ? cases : undefined;
    }, 15_000);
    expect(raised).toMatchObject({
      category: 'HOLDUP',
      title: 'Active at end of service mode: Hold-up alarm, zone 002',
    });
  });
});

describe('block windows', () => {
  it('silence the transmitter in [start, end), and the database refuses an overlap', async () => {
    const { siteId, transmitterId } = await env.createSite('B10C', 'Blocked');
    const insert = (from: string, to: string) =>
      env.query<{ id: string }>(
        `INSERT INTO block_windows (transmitter_id, starts_at, ends_at, planned_ends_at, requested_by_person_id,
                                    requested_by_name, requested_by_level, request_date, reference, created_by_user_id)
         VALUES ($1, now() + $2::interval, now() + $3::interval, now() + $3::interval, $4, 'Anna Berg', 'A',
                 current_date, 'ORDER-17', $5)
         RETURNING id`,
        [transmitterId, from, to, personId, operatorId],
      );
    const [window] = await insert('-1 minute', '1 day');
    await expect(insert('2 hours', '3 hours')).rejects.toThrow(/block_windows_no_overlap/);
    await insert('1 day', '2 days'); // adjacent: allowed
    const transmitter = panel('B10C');
    await send(transmitter, 'FA');
    const [fire] = await evaluatedSignals('B10C', 1);
    expect(fire).toMatchObject({ decision: 'SUPPRESSED', block_window_id: window!.id });
    expect(fire!.decision_reason).toMatch(/^Block window until .*: ref\. ORDER-17 \(asked by Anna Berg\)$/);
    expect(await openCases(siteId)).toEqual([]);
  });
});

describe('restores', () => {
  it('a restore without an alarm is stored and decided, and raises nothing', async () => {
    const { siteId } = await env.createSite('4E50', 'Restore only');
    await send(panel('4E50'), 'FR', '007');
    const [restore] = await evaluatedSignals('4E50', 1);
    expect(restore).toMatchObject({
      decision: 'RESTORE',
      decision_reason: 'Fire restore; no open case',
      case_id: null,
    });
    expect(await openCases(siteId)).toEqual([]);
  });

  it('a restore is recorded on the open case of its site and category', async () => {
    const { siteId } = await env.createSite('4E51', 'Alarm then restore');
    const transmitter = panel('4E51');
    await send(transmitter, 'BA', '002');
    await send(transmitter, 'BR', '002');
    const [alarm, restore] = await evaluatedSignals('4E51', 2);
    const [open] = await openCases(siteId);
    expect(alarm).toMatchObject({ decision: 'OPENED', case_id: open!.id });
    expect(restore!.decision_reason).toMatch(/^Burglary restore; recorded on case \d{4}-\d{7}$/);
    const history = await env.query<{ type: string }>(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [
      open!.id,
    ]);
    expect(history.map((e) => e.type)).toEqual(['CREATED', 'RESTORE_RECEIVED']);
  });
});

describe('AC power loss', () => {
  it('raises a case only when not restored within the delay', async () => {
    const { siteId } = await env.createSite('AC01', 'Power cut, restored');
    const restored = panel('AC01');
    await send(restored, 'AT', '000');
    await send(restored, 'AR', '000');
    const [loss, back] = await evaluatedSignals('AC01', 2);
    expect(loss).toMatchObject({ decision: 'DEFERRED' });
    expect(back!.decision_reason).toContain('settles 1 waiting signal(s)');

    const { siteId: darkId } = await env.createSite('AC02', 'Power cut, still dark');
    await send(panel('AC02', 'ADM-CID'), '1301', '000');
    const [dark] = await evaluatedSignals('AC02', 1);
    expect(dark!.decision).toBe('DEFERRED');
    expect(await openCases(darkId)).toEqual([]);
    const [raised] = await eventually(async () => {
      const cases = await openCases(darkId);
      return cases.length > 0 ? cases : undefined;
    }, 10_000);
    expect(raised).toMatchObject({ category: 'SERVICE', title: 'AC power loss, zone 000 (not restored within 2 s)' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await openCases(siteId)).toEqual([]);
    const [settled] = await env.query<{ restored_by_signal_id: string | null; raised_case_id: string | null }>(
      `SELECT restored_by_signal_id, raised_case_id FROM deferred_alarms WHERE signal_id = $1`,
      [loss!.id],
    );
    expect(settled).toEqual({ restored_by_signal_id: back!.id, raised_case_id: null });
  });
});

describe('supervision', () => {
  it('raises "test signal missing" once, and records when the transmitter reports again', async () => {
    const { siteId } = await env.createSite('5C01', 'Silent panel', { supervisionIntervalSeconds: 1 });
    const [missing] = await eventually(async () => {
      const cases = await openCases(siteId);
      return cases.length > 0 ? cases : undefined;
    }, 15_000);
    expect(missing).toMatchObject({ category: 'TECHNICAL', signal_count: 0 });
    // Found by the transmitter cache's refresh (every 5 s), which starts supervision of a new transmitter.
    expect(missing!.title).toMatch(/^Test signal missing from 5C01 \(last heard never\)$/);
    // More sweeps pass: still one case, one entry.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const history = await env.query<{ type: string }>(`SELECT type FROM case_events WHERE case_id = $1`, [missing!.id]);
    expect(history.map((e) => e.type)).toEqual(['CREATED']);

    // A link test: heartbeats are not stored, but the case hears of it.
    const transmitter = panel('5C01');
    expect((await transmitter.sendNull()).outcome).toBe('ACK');
    const back = await eventually(async () => {
      const rows = await env.query<{ data: { description: string }; at: Date }>(
        `SELECT data, at FROM case_events WHERE case_id = $1 AND type = 'RESTORE_RECEIVED'`,
        [missing!.id],
      );
      return rows[0];
    }, 15_000);
    expect(back.data.description).toBe('Transmitter 5C01 reporting again');
    // The mark was cleared then. The panel is silent again afterwards, so with a 1 s interval and
    // 1 s grace a later sweep may already have marked it missing anew; never from before.
    const [row] = await env.query<{ supervision_failed_at: Date | null }>(
      `SELECT supervision_failed_at FROM transmitters WHERE account = '5C01'`,
    );
    if (row!.supervision_failed_at !== null) {
      expect(row!.supervision_failed_at.getTime()).toBeGreaterThan(back.at.getTime());
    }
  });

  it('stays silent in service mode', async () => {
    const { siteId, transmitterId } = await env.createSite('5C02', 'Silent in service mode', {
      supervisionIntervalSeconds: 1,
    });
    await insertServiceMode(transmitterId, 600);
    const redis = new (await import('ioredis')).Redis(env.config.redis.url);
    try {
      // Overdue and judged, but silenced: looked at again one interval after the service mode ends.
      await eventually(async () => {
        const score = await redis.zscore(`${env.config.redis.prefix}:supervision:deadlines`, transmitterId);
        return score !== null && Number(score) - Date.now() > 590_000 ? true : undefined;
      }, 15_000);
    } finally {
      redis.disconnect();
    }
    expect(await openCases(siteId)).toEqual([]);
  });

  it('keeps its deadlines when Redis is flushed while the system runs', async () => {
    const { siteId, transmitterId } = await env.createSite('5C03', 'Flushed deadline', {
      supervisionIntervalSeconds: 3,
    });
    // Heard just now: the deadline lies 4 s ahead when Redis loses it.
    await env.query(`UPDATE transmitters SET last_seen_at = now() WHERE id = $1`, [transmitterId]);
    await env.flushRedis();
    const [missing] = await eventually(async () => {
      const cases = await openCases(siteId);
      return cases.length > 0 ? cases : undefined;
    }, 15_000);
    expect(missing!.title).toMatch(/^Test signal missing from 5C03 \(last heard /);
  });
});

describe('runaways and storms', () => {
  it('a runaway transmitter keeps joining its case, is marked, and raises one technical case', async () => {
    const { siteId } = await env.createSite('DEAD', 'Runaway panel');
    const transmitter = panel('DEAD');
    for (let i = 0; i < 15; i += 1) await send(transmitter, 'BA', String(i).padStart(3, '0'));
    await evaluatedSignals('DEAD', 15);
    const cases = await openCases(siteId);
    expect(cases.map((c) => [c.category, c.signal_count, c.runaway])).toEqual([
      ['INTRUSION', 15, true],
      ['TECHNICAL', 0, true],
    ]);
    expect(cases[1]!.title).toBe('Runaway transmitter DEAD: more than 10 signals in 60 s');
    const [row] = await env.query<{ runaway_until: Date | null }>(
      `SELECT runaway_until FROM transmitters WHERE account = 'DEAD'`,
    );
    expect(row!.runaway_until!.getTime()).toBeGreaterThan(Date.now());
    // A fire alarm from it still goes to the top.
    await send(transmitter, 'FA');
    await evaluatedSignals('DEAD', 16);
    expect((await openCases(siteId))[0]).toMatchObject({ category: 'FIRE', runaway: true });
    const queue = (await snapshotOfQueue()).filter((c) => c.siteId === siteId);
    expect(queue.map((c) => [c.category, c.runaway])).toEqual([
      ['FIRE', true],
      ['INTRUSION', true],
      ['TECHNICAL', true],
    ]);
  });

  it("the simulator's power-cut storm leaves the queue readable, fire alarms first", async () => {
    const specs = fleetSpecs({ count: 150, firstAccount: 'E00000', protocol: 'mixed' });
    for (const spec of specs) await env.createSite(spec.account, `Storm ${spec.account}`);
    const fleet = createFleet(specs, { host: '127.0.0.1', port: env.tcpPort, transport: 'tcp', timeoutMs: 5000 });
    // A fixed random sequence, so the storm always carries some fire alarms.
    let seed = 7;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
    const result = await storm(fleet, { signals: 600, windowMs: 2000, mix: POWER_CUT_MIX, random });
    await closeFleet(fleet);
    expect(result.ledger.notAcked).toBe(0);
    await eventually(async () => {
      const [row] = await env.query<{ n: string }>(
        `SELECT count(*) AS n FROM signals_with_decisions WHERE account LIKE 'E0%' AND decision IS NULL`,
      );
      return Number(row!.n) === 0 ? true : undefined;
    }, 20_000);
    const counts = await env.query<{ code: string; n: string }>(
      `SELECT right(code, 3) AS code, count(*) AS n FROM signals WHERE account LIKE 'E0%' GROUP BY 1`,
    );
    const fireSignals = counts.filter((c) => ['FA', '110'].includes(c.code)).reduce((n, c) => n + Number(c.n), 0);
    expect(fireSignals).toBeGreaterThan(0);

    const queue = (await snapshotOfQueue()).filter((c) => c.account.startsWith('E0'));
    const fires = queue.filter((c) => c.category === 'FIRE');
    expect(fires.length).toBeGreaterThan(0);
    // Every fire case is above every other case of the storm.
    expect(queue.slice(0, fires.length).every((c) => c.category === 'FIRE')).toBe(true);
    // Hundreds of signals, far fewer cases: AC losses wait for their restore delay, and each site
    // has at most one open case per category.
    expect(queue.length).toBeLessThan(specs.length * 2);
    const [deferred] = await env.query<{ n: string }>(
      `SELECT count(*) AS n FROM signals_with_decisions WHERE account LIKE 'E0%' AND decision = 'DEFERRED'`,
    );
    expect(Number(deferred!.n)).toBeGreaterThan(300);
  });
});

describe('one open case per site and category', () => {
  it('holds when two server processes evaluate signals of the same site at the same moment', async () => {
    const second = new TestEnvironment({
      DATABASE_URL: env.config.database.url,
      REDIS_PREFIX: env.config.redis.prefix,
      DC09_ENABLED: 'false',
    });
    await second.start();
    try {
      const { siteId, transmitterId } = await env.createSite('C0C0', 'Contended');
      const rulesA = env.app!.get(EvaluationService);
      const rulesB = second.app!.get(EvaluationService);
      for (let round = 0; round < 15; round += 1) {
        // Two stored, unevaluated burglary signals of one site, evaluated at once by two processes.
        const ids = await env.query<{ id: string }>(
          `WITH s AS (
             INSERT INTO signals (source, raw, account, transmitter_id, protocol, code, zone, kind, category)
             SELECT 'http', '{}', 'C0C0', $1, 'SIA', 'BA', z, 'ALARM', 'INTRUSION' FROM unnest(ARRAY['001', '002']) AS z
             RETURNING id, category, received_at),
           -- Stored as the receiver stores: with its row in the evaluation backlog.
           b AS (INSERT INTO signal_backlog (signal_id, category, received_at) SELECT * FROM s)
           SELECT id FROM s ORDER BY id`,
          [transmitterId],
        );
        const [a, b] = await Promise.all([rulesA.evaluate(String(ids[0]!.id)), rulesB.evaluate(String(ids[1]!.id))]);
        expect(a.caseId).toBe(b.caseId);
        expect([a.decision, b.decision].sort()).toEqual(['APPENDED', 'OPENED']);
        // (After a few rounds the site also has a runaway case: more than 10 signals in 60 s.)
        const open = (await openCases(siteId)).filter((c) => c.category === 'INTRUSION');
        expect(open).toHaveLength(1);
        expect(open[0]!.signal_count).toBe(2);
        // Close it, so the next round races to open a new one.
        await env.query(`UPDATE cases SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [open[0]!.id]);
      }
    } finally {
      await second.stop();
    }
  });
});
