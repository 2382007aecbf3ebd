import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, OnCallRoster, Page, SiteDetail } from '@arc/shared/directory';
import { TestEnvironment } from './support/test-app.js';

/**
 * On-call rosters: swaps of single weeks (stored with the roster, honoured by "on call now"), and
 * the week boundary at Monday 00:00 in the centre's time zone (CENTRE_TIME_ZONE), not in UTC. The
 * server runs in this process, so faking Date (only Date) moves its clock too.
 */

const ANNA = { name: 'Anna Andersson', phone: '070-111 11 11' };
const BERTIL = { name: 'Bertil Berg', phone: '070-222 22 22' };
const OUTSIDER = { kind: 'OUTSIDE', name: 'Vera Vikarie', phone: '070-999 99 99' };

let serial = 0;
const unique = (prefix: string) => `${prefix}${Date.now() % 100_000}-${(serial += 1)}`;

/** Runs `work` with the server's (and this process's) clock at `iso`. */
async function at<T>(iso: string, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('on-call rosters in Europe/Stockholm (the default zone)', () => {
  const env = new TestEnvironment();
  let admin: string;
  let operator: string;

  const newRoster = async (overrides: Record<string, unknown> = {}) => {
    const answer = await env.call<OnCallRoster>(admin, 'POST', '/on-call-rosters', {
      name: unique('Jour '),
      rotationStart: '2026-11-02',
      members: [ANNA, BERTIL],
      ...overrides,
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const swapCount = async (rosterId: string) =>
    Number(
      (await env.query<{ n: string }>(`SELECT count(*) AS n FROM on_call_swaps WHERE roster_id = $1`, [rosterId]))[0]!
        .n,
    );

  beforeAll(async () => {
    await env.start();
    [admin, operator] = await Promise.all([env.login('admin'), env.login('operator')]);
  });

  afterAll(async () => {
    await env.destroy();
  });

  it('stores a swap with the roster, to an outsider or another member, and lists them by week', async () => {
    const roster = await newRoster();
    expect(roster.swaps).toEqual([]);

    const outside = await env.call<OnCallRoster>(admin, 'POST', `/on-call-rosters/${roster.id}/swaps`, {
      weekStart: '2026-11-16',
      takenBy: OUTSIDER,
    });
    expect(outside.status).toBe(201);
    expect(outside.body.swaps).toEqual([
      {
        id: expect.any(String),
        weekStart: '2026-11-16',
        standIn: { name: 'Vera Vikarie', phone: '+46709999999' },
        outside: true,
      },
    ]);

    // Bertil takes Anna's week of 30 November.
    const member = await env.call<OnCallRoster>(admin, 'POST', `/on-call-rosters/${roster.id}/swaps`, {
      weekStart: '2026-11-30',
      takenBy: { kind: 'MEMBER', memberIndex: 1 },
    });
    expect(member.status).toBe(201);
    expect(member.body.swaps.map((s) => [s.weekStart, s.standIn.name, s.outside])).toEqual([
      ['2026-11-16', 'Vera Vikarie', true],
      ['2026-11-30', 'Bertil Berg', false],
    ]);

    // Everyone on duty reads them; GET one and the list agree.
    const read = await env.call<OnCallRoster>(operator, 'GET', `/on-call-rosters/${roster.id}`);
    expect(read.body.swaps).toEqual(member.body.swaps);
    const list = await env.call<Page<OnCallRoster>>(
      operator,
      'GET',
      `/on-call-rosters?q=${encodeURIComponent(roster.name)}`,
    );
    expect(list.body.items.find((r) => r.id === roster.id)?.swaps).toEqual(member.body.swaps);

    const audit = await env.call<Page<AuditEntry>>(admin, 'GET', `/audit?entity=onCallSwap&pageSize=200`);
    const created = audit.body.items.filter(
      (e) => e.action === 'CREATE' && (e.after as { rosterId?: string })?.rosterId === roster.id,
    );
    expect(created).toHaveLength(2);
  });

  it('refuses a week that is not a Monday, before the rotation, swapped already, or a member who has it', async () => {
    const roster = await newRoster();
    const post = (body: unknown, token = admin) =>
      env.call<{ message: string; code?: string }>(token, 'POST', `/on-call-rosters/${roster.id}/swaps`, body);
    expect((await post({ weekStart: '2026-11-09', takenBy: OUTSIDER })).status).toBe(201);

    const tuesday = await post({ weekStart: '2026-11-10', takenBy: OUTSIDER });
    expect(tuesday.status).toBe(400);
    expect(tuesday.body.message).toMatch(/weekStart: must be a Monday/);

    const early = await post({ weekStart: '2026-10-26', takenBy: OUTSIDER });
    expect(early.status).toBe(422);
    expect(early.body.message).toBe('weekStart: is before the rotation starts (2026-11-02)');

    const twice = await post({ weekStart: '2026-11-09', takenBy: { kind: 'MEMBER', memberIndex: 0 } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('the week of 2026-11-09 has a swap already');

    const own = await post({ weekStart: '2026-11-02', takenBy: { kind: 'MEMBER', memberIndex: 0 } });
    expect(own.status).toBe(422);
    expect(own.body.message).toBe('takenBy.memberIndex: Anna Andersson has that week already');

    const nobody = await post({ weekStart: '2026-11-02', takenBy: { kind: 'MEMBER', memberIndex: 5 } });
    expect(nobody.status).toBe(422);
    expect(nobody.body.message).toBe('takenBy.memberIndex: is not a member of the roster');

    const noPhone = await post({ weekStart: '2026-11-16', takenBy: { kind: 'OUTSIDE', name: 'Vera' } });
    expect(noPhone.status).toBe(400);

    expect((await post({ weekStart: '2026-11-16', takenBy: OUTSIDER }, operator)).status).toBe(403);
    expect(await swapCount(roster.id)).toBe(1);
  });

  it('keeps swaps in the rotation: a later start needs the swap removed first; swaps go with the roster', async () => {
    const roster = await newRoster();
    const swapped = await env.call<OnCallRoster>(admin, 'POST', `/on-call-rosters/${roster.id}/swaps`, {
      weekStart: '2026-11-09',
      takenBy: OUTSIDER,
    });
    const swapId = swapped.body.swaps[0]!.id;
    const input = { name: roster.name, members: [ANNA, BERTIL] };

    const later = await env.call(admin, 'PUT', `/on-call-rosters/${roster.id}`, {
      ...input,
      rotationStart: '2026-11-16',
    });
    expect(later.status).toBe(422);
    expect(later.body.message).toMatch(/^rotationStart: is after the swapped week of 2026-11-09/);
    const notMonday = await env.call(admin, 'PUT', `/on-call-rosters/${roster.id}`, {
      ...input,
      rotationStart: '2026-11-03',
    });
    expect(notMonday.status).toBe(400);

    // A replace keeps the swaps.
    const renamed = await env.call<OnCallRoster>(admin, 'PUT', `/on-call-rosters/${roster.id}`, {
      ...input,
      name: `${roster.name} (ny)`,
      rotationStart: '2026-11-02',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.swaps.map((s) => s.id)).toEqual([swapId]);

    expect((await env.call(operator, 'DELETE', `/on-call-rosters/${roster.id}/swaps/${swapId}`)).status).toBe(403);
    expect((await env.call(admin, 'DELETE', `/on-call-rosters/${roster.id}/swaps/${swapId}`)).status).toBe(204);
    expect((await env.call(admin, 'DELETE', `/on-call-rosters/${roster.id}/swaps/${swapId}`)).status).toBe(404);
    expect((await env.call<OnCallRoster>(admin, 'GET', `/on-call-rosters/${roster.id}`)).body.swaps).toEqual([]);

    await env.call(admin, 'POST', `/on-call-rosters/${roster.id}/swaps`, {
      weekStart: '2026-11-23',
      takenBy: OUTSIDER,
    });
    expect(await swapCount(roster.id)).toBe(1);
    expect((await env.call(admin, 'DELETE', `/on-call-rosters/${roster.id}`)).status).toBe(204);
    expect(await swapCount(roster.id)).toBe(0);
  });

  it('changes the week at Monday 00:00 Stockholm time (23:00 UTC in winter) and honours swaps', async () => {
    const roster = await newRoster();
    await env.call(admin, 'POST', `/on-call-rosters/${roster.id}/swaps`, {
      weekStart: '2026-11-16',
      takenBy: OUTSIDER,
    });
    const now = async (iso: string) =>
      at(
        iso,
        async () =>
          (await env.call<OnCallRoster>(operator, 'GET', `/on-call-rosters/${roster.id}`)).body.onCallNow?.name ?? null,
      );

    expect(await now('2026-11-01T22:59:59.999Z')).toBeNull(); // Sunday 23:59:59.999, before the start
    expect(await now('2026-11-01T23:00:00.000Z')).toBe('Anna Andersson'); // Monday 2 November 00:00 CET
    expect(await now('2026-11-08T22:59:59.999Z')).toBe('Anna Andersson');
    expect(await now('2026-11-08T23:00:00.000Z')).toBe('Bertil Berg'); // the old UTC count said Anna until 01:00
    expect(await now('2026-11-08T23:30:00.000Z')).toBe('Bertil Berg');
    expect(await now('2026-11-15T22:59:59.999Z')).toBe('Bertil Berg');
    expect(await now('2026-11-15T23:00:00.000Z')).toBe('Vera Vikarie'); // Anna's week, swapped
    expect(await now('2026-11-22T22:59:59.999Z')).toBe('Vera Vikarie');
    expect(await now('2026-11-22T23:00:00.000Z')).toBe('Bertil Berg');
  });

  it('puts the week of the summer-time change at 167 hours: the week after starts at 22:00 UTC', async () => {
    const roster = await newRoster({ rotationStart: '2026-03-23' });
    const now = async (iso: string) =>
      at(
        iso,
        async () =>
          (await env.call<OnCallRoster>(operator, 'GET', `/on-call-rosters/${roster.id}`)).body.onCallNow?.name,
      );
    expect(await now('2026-03-22T23:00:00.000Z')).toBe('Anna Andersson'); // Monday 23 March 00:00 CET
    expect(await now('2026-03-29T21:59:59.999Z')).toBe('Anna Andersson'); // Sunday 23:59:59.999 CEST
    expect(await now('2026-03-29T22:00:00.000Z')).toBe('Bertil Berg'); // Monday 30 March 00:00 CEST
  });

  it('shows the swapped on-call person on the site page of a site whose plan calls the roster', async () => {
    const roster = await newRoster();
    await env.call(admin, 'POST', `/on-call-rosters/${roster.id}/swaps`, {
      weekStart: '2026-11-09',
      takenBy: OUTSIDER,
    });
    const { siteId } = await env.createSite('7C01', unique('Jourhuset '));
    const plan = await env.call(admin, 'PUT', `/sites/${siteId}/action-plans/FIRE`, {
      steps: [{ type: 'CALL_ON_CALL', rosterId: roster.id }],
    });
    expect(plan.status).toBe(200);
    const detail = (iso: string) =>
      at(
        iso,
        async () => (await env.call<SiteDetail>(operator, 'GET', `/sites/${siteId}/detail`)).body.onCallRosters[0],
      );
    expect((await detail('2026-11-08T22:59:59.999Z'))?.onCallNow?.name).toBe('Anna Andersson');
    const swapped = await detail('2026-11-08T23:00:00.000Z');
    expect(swapped?.onCallNow?.name).toBe('Vera Vikarie');
    expect(swapped?.swaps.map((s) => s.weekStart)).toEqual(['2026-11-09']);
  });
});

describe('on-call rosters in another configured zone (CENTRE_TIME_ZONE=America/New_York)', () => {
  const env = new TestEnvironment({ CENTRE_TIME_ZONE: 'America/New_York' });
  let admin: string;

  beforeAll(async () => {
    await env.start();
    admin = await env.login('admin');
  });

  afterAll(async () => {
    await env.destroy();
  });

  it('counts the week in the server zone: Monday 00:00 in New York is 05:00 UTC', async () => {
    const created = await env.call<OnCallRoster>(admin, 'POST', '/on-call-rosters', {
      name: 'Night shift',
      rotationStart: '2026-11-02',
      members: [ANNA, BERTIL],
    });
    const now = (iso: string) =>
      at(
        iso,
        async () =>
          (await env.call<OnCallRoster>(admin, 'GET', `/on-call-rosters/${created.body.id}`)).body.onCallNow?.name,
      );
    // 23:00 UTC Sunday is Monday in Stockholm but 18:00 Sunday in New York.
    expect(await now('2026-11-08T23:00:00.000Z')).toBe('Anna Andersson');
    expect(await now('2026-11-09T04:59:59.999Z')).toBe('Anna Andersson');
    expect(await now('2026-11-09T05:00:00.000Z')).toBe('Bertil Berg');
  });
});
