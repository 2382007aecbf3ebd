import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, Page, SiteDetail } from '@arc/shared/directory';
import type { AlarmEventCount, BlockWindow, ServiceMode, SignalLogEntry } from '@arc/shared/rules';
import { RuleTimersService } from '../src/rules/rule-timers.service.js';
import { TestEnvironment, expectStatus } from './support/test-app.js';

/**
 * Service modes, block windows, alarm events and the signal log through the REST API, on real
 * PostgreSQL and Redis. The directory rows a test needs (sites, lists, persons, service
 * companies, cases, signals) are written with SQL so each test reads as its own small world.
 */

const env = new TestEnvironment();
let admin: string;
let operator: string;
let supervisor: string;

const call = env.call.bind(env);

// ---- a small world per test ------------------------------------------------------------------

let serial = 0;
/** A fresh transmitter account (3-16 hex digits). */
const nextAccount = () =>
  `B${(Date.now() % 0xfffff).toString(16).toUpperCase()}${(serial += 1).toString(16).toUpperCase()}`;

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return env.query<T>(text, params);
}

/** A site (optionally under a contract) with one transmitter of the given input category. */
async function site(
  options: { inputCategory?: string | null; contractId?: string | null } = {},
): Promise<{ siteId: string; transmitterId: string; account: string }> {
  const account = nextAccount();
  const created = await env.createSite(account, `Site ${account}`);
  await sql(`UPDATE transmitters SET input_category = $2 WHERE id = $1`, [
    created.transmitterId,
    options.inputCategory ?? null,
  ]);
  if (options.contractId)
    await sql(`UPDATE sites SET contract_id = $2 WHERE id = $1`, [created.siteId, options.contractId]);
  return { ...created, account };
}

async function transmitterOn(
  siteId: string,
  inputCategory: string | null = null,
): Promise<{ id: string; account: string }> {
  const account = nextAccount();
  const [row] = await sql<{ id: string }>(
    `INSERT INTO transmitters (account, site_id, input_category) VALUES ($1, $2, $3) RETURNING id`,
    [account, siteId, inputCategory],
  );
  return { id: row!.id, account };
}

async function list(siteIds: string[]): Promise<string> {
  const [row] = await sql<{ id: string }>(`INSERT INTO authorization_lists (name) VALUES ($1) RETURNING id`, [
    `List ${(serial += 1)}`,
  ]);
  for (const siteId of siteIds) {
    await sql(`INSERT INTO authorization_list_sites (list_id, site_id) VALUES ($1, $2)`, [row!.id, siteId]);
  }
  return row!.id;
}

/** Days are relative to today in Europe/Stockholm, the day the server judges validity by. */
async function person(
  listId: string,
  name: string,
  level: 'A' | 'B' | 'C',
  valid: { fromDays?: number; toDays?: number } = {},
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO persons (list_id, name, phone, level, valid_from, valid_to)
     VALUES ($1, $2, '+46701234567', $3,
             CASE WHEN $4::int IS NULL THEN NULL ELSE (now() AT TIME ZONE 'Europe/Stockholm')::date + $4::int END,
             CASE WHEN $5::int IS NULL THEN NULL ELSE (now() AT TIME ZONE 'Europe/Stockholm')::date + $5::int END)
     RETURNING id`,
    [listId, name, level, valid.fromDays ?? null, valid.toDays ?? null],
  );
  return row!.id;
}

/** A service company servicing the sites; its installers are persons on its own list. */
async function company(siteIds: string[]): Promise<{ companyId: string; listId: string }> {
  const [sc] = await sql<{ id: string }>(`INSERT INTO service_companies (name) VALUES ($1) RETURNING id`, [
    `Larmservice ${(serial += 1)}`,
  ]);
  const [l] = await sql<{ id: string }>(
    `INSERT INTO authorization_lists (name, service_company_id) VALUES ('Installers', $1) RETURNING id`,
    [sc!.id],
  );
  for (const siteId of siteIds) {
    await sql(`INSERT INTO service_company_sites (service_company_id, site_id) VALUES ($1, $2)`, [sc!.id, siteId]);
  }
  return { companyId: sc!.id, listId: l!.id };
}

async function approval(
  companyId: string,
  kind: 'POLICE_INTRUSION' | 'FIRE_CERTIFICATE',
  personId: string | null,
  toDays: number | null = null,
): Promise<void> {
  await sql(
    `INSERT INTO approvals (service_company_id, person_id, kind, reference, valid_to)
     VALUES ($1, $2, $3, 'REF-1', CASE WHEN $4::int IS NULL THEN NULL
                                       ELSE (now() AT TIME ZONE 'Europe/Stockholm')::date + $4::int END)`,
    [companyId, personId, kind, toDays],
  );
}

async function contract(quota: number): Promise<{ id: string; contractNo: string }> {
  const n = (serial += 1);
  const [customer] = await sql<{ id: string }>(
    `INSERT INTO customers (customer_no, name) VALUES ($1, 'Kund AB') RETURNING id`,
    [`K-${n}-${Date.now() % 100000}`],
  );
  const contractNo = `A-${n}-${Date.now() % 100000}`;
  const [row] = await sql<{ id: string }>(
    `INSERT INTO contracts (contract_no, customer_id, manager_name, yearly_event_quota, start_date, term_months)
     VALUES ($1, $2, 'Eva Ek', $3, '2024-01-01', 36) RETURNING id`,
    [contractNo, customer!.id, quota],
  );
  return { id: row!.id, contractNo };
}

const serviceModeCount = async (transmitterId: string) =>
  Number(
    (await sql<{ n: string }>(`SELECT count(*) AS n FROM service_modes WHERE transmitter_id = $1`, [transmitterId]))[0]!
      .n,
  );
const blockWindowCount = async (transmitterId: string) =>
  Number(
    (await sql<{ n: string }>(`SELECT count(*) AS n FROM block_windows WHERE transmitter_id = $1`, [transmitterId]))[0]!
      .n,
  );
const auditCount = async () => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM audit_log`))[0]!.n);

const setServiceMode = (token: string, body: Record<string, unknown>) =>
  call<ServiceMode & { message: string }>(token, 'POST', '/service-modes', { reason: 'Service visit', ...body });

/** "2026-12-01 08:00", as the server words times. */
/** "2026-12-01 22:43": a time as the server's messages write it, in the centre's zone (Europe/Stockholm). */
const minute = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
/** Whole hours from now, on the hour, so messages are predictable. */
function hoursFromNow(hours: number): string {
  const t = new Date();
  t.setUTCMinutes(0, 0, 0);
  return new Date(t.getTime() + hours * 3_600_000).toISOString();
}

const windowBody = (
  transmitterId: string,
  requestedByPersonId: string,
  startsAt: string,
  endsAt: string,
  reference = 'ORDER-17',
) => ({
  transmitterId,
  requestedByPersonId,
  startsAt,
  endsAt,
  requestDate: '2026-11-20',
  reference,
  reason: 'Renovation',
});

beforeAll(async () => {
  await env.start();
  [admin, operator, supervisor] = await Promise.all([
    env.login('admin'),
    env.login('operator'),
    env.login('supervisor'),
  ]);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await env.destroy();
});

// ---- access -------------------------------------------------------------------------------------

describe('access', () => {
  const someId = '00000000-0000-4000-8000-000000000000';

  it('refuses every new route without a token (401) and lets each on-duty role in', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/service-modes'],
      ['POST', '/service-modes', {}],
      ['GET', `/service-modes/${someId}`],
      ['POST', `/service-modes/${someId}/end`],
      ['GET', '/block-windows'],
      ['POST', '/block-windows', {}],
      ['GET', `/block-windows/${someId}`],
      ['POST', `/block-windows/${someId}/confirm`, { sentTo: 'x' }],
      ['POST', `/block-windows/${someId}/cancel`],
      ['GET', `/sites/${someId}/signals`],
      ['GET', `/contracts/${someId}/alarm-events`],
    ];
    for (const [method, path, body] of routes) {
      expect({ method, path, status: (await call(null, method, path, body)).status }).toEqual({
        method,
        path,
        status: 401,
      });
    }
    for (const token of [operator, supervisor, admin]) {
      expect((await call(token, 'GET', '/service-modes')).status).toBe(200);
      expect((await call(token, 'GET', '/block-windows')).status).toBe(200);
      expect((await call(token, 'GET', `/service-modes/${someId}`)).status).toBe(404);
    }
  });

  it('answers 400 for a malformed id or body, naming the field', async () => {
    expect((await call(operator, 'GET', '/service-modes/not-an-id')).status).toBe(400);
    const bad = await call<{ issues: { path: string }[] }>(operator, 'POST', '/service-modes', {
      transmitterId: someId,
      requestedByPersonId: someId,
      reason: 'x',
      durationMinutes: 1.5,
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['durationMinutes']));
  });
});

// ---- service modes ---------------------------------------------------------------------------

describe('service modes: who may ask', () => {
  it('lets level C silence intrusion but not fire, and stores nothing when refused', async () => {
    const s = await site();
    const carl = await person(await list([s.siteId]), 'Carl Cederlund', 'C');

    const before = { modes: await serviceModeCount(s.transmitterId), audit: await auditCount() };
    const fire = await setServiceMode(operator, {
      transmitterId: s.transmitterId,
      category: 'FIRE',
      requestedByPersonId: carl,
    });
    expect(fire.status).toBe(422);
    expect(fire.body.message).toBe('Requester Carl Cederlund has authority level C; fire needs level A or B');
    // The whole transmitter of unknown kind may send fire too.
    const whole = await setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: carl });
    expect(whole.status).toBe(422);
    expect({ modes: await serviceModeCount(s.transmitterId), audit: await auditCount() }).toEqual(before);

    const intrusion = await expectStatus(
      setServiceMode(operator, { transmitterId: s.transmitterId, category: 'INTRUSION', requestedByPersonId: carl }),
      201,
    );
    expect(intrusion).toMatchObject({
      transmitterId: s.transmitterId,
      account: s.account,
      siteId: s.siteId,
      category: 'INTRUSION',
      requestedBy: { personId: carl, name: 'Carl Cederlund', level: 'C' },
      setBy: { name: expect.any(String) },
      active: true,
      endedEarlyAt: null,
    });
    expect(await serviceModeCount(s.transmitterId)).toBe(1);

    // A whole-transmitter mode on an intrusion transmitter needs no fire authority.
    const intrusionPanel = await transmitterOn(s.siteId, 'INTRUSION');
    await expectStatus(setServiceMode(operator, { transmitterId: intrusionPanel.id, requestedByPersonId: carl }), 201);
  });

  it("refuses a person of another site's list, and one not valid today", async () => {
    const s = await site();
    const other = await site();
    const stranger = await person(await list([other.siteId]), 'Sven Främling', 'A');
    const siteList = await list([s.siteId]);
    const expired = await person(siteList, 'Erik Utgången', 'A', { toDays: -2 });
    const notYet = await person(siteList, 'Nora Snart', 'A', { fromDays: 2 });

    const refused = await setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: stranger });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('Requester Sven Främling is not on an authorization list of this site');
    const old = await setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: expired });
    expect(old).toMatchObject({ status: 422, body: { message: 'Requester Erik Utgången is not valid today' } });
    const early = await setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: notYet });
    expect(early).toMatchObject({ status: 422, body: { message: 'Requester Nora Snart is not valid today' } });
    const nobody = await setServiceMode(operator, {
      transmitterId: s.transmitterId,
      requestedByPersonId: '00000000-0000-4000-8000-000000000000',
    });
    expect(nobody.status).toBe(422);
    expect(nobody.body.message).toMatch(/^requestedByPersonId: person .* does not exist$/);
    expect(await serviceModeCount(s.transmitterId)).toBe(0);
  });

  it('requires a fire certificate of an installer for fire and a police approval for intrusion', async () => {
    const s = await site();
    const { companyId, listId } = await company([s.siteId]);
    const ingrid = await person(listId, 'Ingrid Installatör', 'B');
    const olle = await person(listId, 'Olle Kollega', 'B');

    const noCert = await setServiceMode(operator, {
      transmitterId: s.transmitterId,
      category: 'FIRE',
      requestedByPersonId: ingrid,
    });
    expect(noCert).toMatchObject({
      status: 422,
      body: { message: 'Requester Ingrid Installatör is an installer without a valid fire certificate' },
    });
    const noPolice = await setServiceMode(operator, {
      transmitterId: s.transmitterId,
      category: 'INTRUSION',
      requestedByPersonId: ingrid,
    });
    expect(noPolice.body.message).toBe(
      'Requester Ingrid Installatör is an installer without a valid police approval for intrusion',
    );

    // Approvals: a certificate of a colleague does not count, an expired company-wide police approval neither.
    await approval(companyId, 'FIRE_CERTIFICATE', olle);
    await approval(companyId, 'POLICE_INTRUSION', null, -1);
    expect(
      (
        await setServiceMode(operator, {
          transmitterId: s.transmitterId,
          category: 'FIRE',
          requestedByPersonId: ingrid,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await setServiceMode(operator, {
          transmitterId: s.transmitterId,
          category: 'INTRUSION',
          requestedByPersonId: ingrid,
        })
      ).status,
    ).toBe(422);

    await approval(companyId, 'FIRE_CERTIFICATE', ingrid);
    await approval(companyId, 'POLICE_INTRUSION', null, 30);
    await expectStatus(
      setServiceMode(operator, { transmitterId: s.transmitterId, category: 'FIRE', requestedByPersonId: ingrid }),
      201,
    );
    await expectStatus(
      setServiceMode(operator, { transmitterId: s.transmitterId, category: 'INTRUSION', requestedByPersonId: ingrid }),
      201,
    );

    // The same installer for a site the company does not service.
    const elsewhere = await site();
    const notServiced = await setServiceMode(operator, {
      transmitterId: elsewhere.transmitterId,
      category: 'INTRUSION',
      requestedByPersonId: ingrid,
    });
    expect(notServiced.body.message).toBe('Requester Ingrid Installatör is not on an authorization list of this site');
  });

  it('refuses an unknown transmitter (404) and a transmitter of an archived site (422)', async () => {
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');
    const unknown = await setServiceMode(operator, {
      transmitterId: '00000000-0000-4000-8000-000000000000',
      requestedByPersonId: anna,
    });
    expect(unknown.status).toBe(404);
    await sql(`UPDATE sites SET archived_at = now() WHERE id = $1`, [s.siteId]);
    const archived = await setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: anna });
    expect(archived.status).toBe(422);
    expect(archived.body.message).toMatch(/archived/);
    expect(await serviceModeCount(s.transmitterId)).toBe(0);
  });
});

describe('service modes: duration, overlap and ending', () => {
  it('defaults to SERVICE_MODE_DEFAULT_MINUTES and refuses more than SERVICE_MODE_MAX_MINUTES', async () => {
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');
    const mode = await expectStatus(
      setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: anna }),
      201,
    );
    expect(env.config.rules.serviceModeDefaultMinutes).toBe(60);
    expect(Date.parse(mode.endsAt) - Date.parse(mode.startsAt)).toBe(60 * 60_000);
    expect(mode.plannedEndsAt).toBe(mode.endsAt);
    expect(Math.abs(Date.parse(mode.startsAt) - Date.now())).toBeLessThan(60_000);

    const other = await transmitterOn(s.siteId);
    const tooLong = await setServiceMode(operator, {
      transmitterId: other.id,
      requestedByPersonId: anna,
      durationMinutes: 721,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message).toBe(
      'The duration must be at most 12 hours (720 minutes), the longest service mode allowed',
    );
    expect((tooLong.body as unknown as { issues: unknown }).issues).toMatchObject([
      {
        path: 'durationMinutes',
        message: 'must be at most 12 hours (720 minutes)',
        messageKey: 'schema.maxDuration',
        params: { limit: { key: 'errors:duration', params: { unit: 'hour', count: 12, minutes: 720 } } },
      },
    ]);
    expect(tooLong.body).toMatchObject({
      messageKey: 'serviceModeTooLong',
      params: { limit: { key: 'errors:duration' } },
    });
    expect(await serviceModeCount(other.id)).toBe(0);
    const longest = await expectStatus(
      setServiceMode(operator, { transmitterId: other.id, requestedByPersonId: anna, durationMinutes: 720 }),
      201,
    );
    expect(Date.parse(longest.endsAt) - Date.parse(longest.startsAt)).toBe(720 * 60_000);
  });

  it('refuses a second mode whose scope intersects one in force (409), allows different categories side by side', async () => {
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');
    const whole = await expectStatus(
      setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: anna }),
      201,
    );
    const clash = await setServiceMode(operator, {
      transmitterId: s.transmitterId,
      category: 'INTRUSION',
      requestedByPersonId: anna,
    });
    expect(clash.status).toBe(409);
    const until = minute(whole.endsAt);
    expect(clash.body.message).toMatch(
      new RegExp(
        `^Transmitter ${s.account} is already in service mode \\(all categories\\) until (${until.slice(0, 10)} )?${until.slice(11)} \\(Europe/Stockholm\\); end it first$`,
      ),
    );
    expect(await serviceModeCount(s.transmitterId)).toBe(1);

    const t = await transmitterOn(s.siteId);
    await expectStatus(
      setServiceMode(operator, { transmitterId: t.id, category: 'FIRE', requestedByPersonId: anna }),
      201,
    );
    await expectStatus(
      setServiceMode(operator, { transmitterId: t.id, category: 'INTRUSION', requestedByPersonId: anna }),
      201,
    );
    const sameCategory = await setServiceMode(operator, {
      transmitterId: t.id,
      category: 'FIRE',
      requestedByPersonId: anna,
    });
    expect(sameCategory.status).toBe(409);
    expect(sameCategory.body.message).toContain('is already in service mode (FIRE) until');
    const wholeOnTop = await setServiceMode(operator, { transmitterId: t.id, requestedByPersonId: anna });
    expect(wholeOnTop.status).toBe(409);
    expect(await serviceModeCount(t.id)).toBe(2);

    const active = await call<ServiceMode[]>(operator, 'GET', `/service-modes?transmitterId=${t.id}&active=true`);
    expect(active.body.map((m) => m.category).sort()).toEqual(['FIRE', 'INTRUSION']);
    const bySite = await call<ServiceMode[]>(operator, 'GET', `/service-modes?siteId=${s.siteId}`);
    expect(bySite.body).toHaveLength(3);
  });

  it('ends a mode early through the rule timers; a second end is 409; the transmitter is free again', async () => {
    const timers = env.app!.get(RuleTimersService);
    const changed = vi.spyOn(timers, 'serviceModeChanged');
    const finished = vi.spyOn(timers, 'finishServiceMode');
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');
    const mode = await expectStatus(
      setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: anna }),
      201,
    );
    expect(changed).toHaveBeenCalledWith(mode.id);

    const ended = await expectStatus(call<ServiceMode>(supervisor, 'POST', `/service-modes/${mode.id}/end`), 200);
    expect(finished).toHaveBeenCalledWith(mode.id);
    expect(changed.mock.calls.filter(([id]) => id === mode.id)).toHaveLength(2);
    expect(ended.active).toBe(false);
    expect(ended.endedEarlyAt).not.toBeNull();
    expect(ended.endsAt).toBe(ended.endedEarlyAt);
    expect(ended.plannedEndsAt).toBe(mode.plannedEndsAt);
    expect(ended.endedEarlyBy).toMatchObject({ userId: expect.any(String), name: expect.any(String) });
    expect((await call<ServiceMode>(operator, 'GET', `/service-modes/${mode.id}`)).body.endedEarlyAt).toBe(
      ended.endedEarlyAt,
    );

    const again = await call(operator, 'POST', `/service-modes/${mode.id}/end`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already ended/);
    expect((await call(operator, 'POST', '/service-modes/00000000-0000-4000-8000-000000000000/end')).status).toBe(404);

    await expectStatus(setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: anna }), 201);

    const audit = await call<Page<AuditEntry>>(supervisor, 'GET', `/audit?entity=service_mode&entityId=${mode.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['UPDATE', 'CREATE']);
    expect(audit.body.items[0]!.before).toMatchObject({ active: true, endedEarlyAt: null });
    changed.mockRestore();
    finished.mockRestore();
  });
});

// ---- block windows -----------------------------------------------------------------------------

describe('block windows', () => {
  it('refuses an overlapping window naming it, and allows an adjacent one', async () => {
    const timers = env.app!.get(RuleTimersService);
    const changed = vi.spyOn(timers, 'blockWindowChanged');
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');
    const start = hoursFromNow(24);
    const end = hoursFromNow(72);

    const first = await expectStatus(
      call<BlockWindow>(operator, 'POST', '/block-windows', windowBody(s.transmitterId, anna, start, end)),
      201,
    );
    expect(first).toMatchObject({
      state: 'SCHEDULED',
      startsAt: start,
      endsAt: end,
      plannedEndsAt: end,
      reference: 'ORDER-17',
      requestDate: '2026-11-20',
      reason: 'Renovation',
      requestedBy: { personId: anna, name: 'Anna Berg', level: 'A' },
      confirmation: null,
      cancelledAt: null,
    });
    expect(changed).toHaveBeenCalledWith(first.id);

    const audit = await auditCount();
    const overlap = await call(
      operator,
      'POST',
      '/block-windows',
      windowBody(s.transmitterId, anna, hoursFromNow(48), hoursFromNow(96), 'ORDER-18'),
    );
    expect(overlap.status).toBe(409);
    expect(overlap.body.message).toBe(
      `Transmitter ${s.account} already has a block window ${minute(start)} – ${minute(end)} (Europe/Stockholm) (ref. ORDER-17)`,
    );
    expect(await blockWindowCount(s.transmitterId)).toBe(1);
    expect(await auditCount()).toBe(audit);

    // [start, end): a window starting when the other ends does not overlap it.
    await expectStatus(
      call<BlockWindow>(
        operator,
        'POST',
        '/block-windows',
        windowBody(s.transmitterId, anna, end, hoursFromNow(96), 'ORDER-19'),
      ),
      201,
    );
    const listed = await call<BlockWindow[]>(operator, 'GET', `/block-windows?transmitterId=${s.transmitterId}`);
    expect(listed.body.map((w) => w.reference)).toEqual(['ORDER-19', 'ORDER-17']);
    changed.mockRestore();
  });

  it('refuses bad periods, unknown transmitters and a requester without authority, storing nothing', async () => {
    const s = await site({ inputCategory: 'FIRE' });
    const siteList = await list([s.siteId]);
    const anna = await person(siteList, 'Anna Berg', 'A');
    const carl = await person(siteList, 'Carl Cederlund', 'C');
    const body = (startsAt: string, endsAt: string, who = anna) => windowBody(s.transmitterId, who, startsAt, endsAt);

    const past = await call(
      operator,
      'POST',
      '/block-windows',
      body(new Date(Date.now() - 5 * 60_000).toISOString(), hoursFromNow(5)),
    );
    expect(past).toMatchObject({ status: 422, body: { message: 'startsAt: must not be in the past' } });
    const over = await call(
      operator,
      'POST',
      '/block-windows',
      body(new Date(Date.now() - 3 * 3_600_000).toISOString(), new Date(Date.now() - 3_600_000).toISOString()),
    );
    expect(over).toMatchObject({ status: 422, body: { message: 'endsAt: must be in the future' } });
    const tooLong = await call(operator, 'POST', '/block-windows', body(hoursFromNow(1), hoursFromNow(1 + 367 * 24)));
    expect(tooLong).toMatchObject({
      status: 422,
      body: { message: 'endsAt: a block window may last at most 366 days' },
    });
    const reversed = await call(operator, 'POST', '/block-windows', body(hoursFromNow(5), hoursFromNow(1)));
    expect(reversed.status).toBe(400);
    // A fire transmitter: a C-level person may not block it.
    const levelC = await call(operator, 'POST', '/block-windows', body(hoursFromNow(1), hoursFromNow(5), carl));
    expect(levelC).toMatchObject({
      status: 422,
      body: { message: 'Requester Carl Cederlund has authority level C; fire needs level A or B' },
    });
    const unknown = await call(operator, 'POST', '/block-windows', {
      ...body(hoursFromNow(1), hoursFromNow(5)),
      transmitterId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    expect(await blockWindowCount(s.transmitterId)).toBe(0);

    // The longest allowed: exactly 366 days.
    await expectStatus(
      call(operator, 'POST', '/block-windows', body(hoursFromNow(1), hoursFromNow(1 + 366 * 24))),
      201,
    );
  });

  it('cancels a window before its start and ends an active one early', async () => {
    const timers = env.app!.get(RuleTimersService);
    const finished = vi.spyOn(timers, 'finishBlockWindow');
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');

    const later = await expectStatus(
      call<BlockWindow>(
        operator,
        'POST',
        '/block-windows',
        windowBody(s.transmitterId, anna, hoursFromNow(24), hoursFromNow(48)),
      ),
      201,
    );
    const cancelled = await expectStatus(call<BlockWindow>(operator, 'POST', `/block-windows/${later.id}/cancel`), 200);
    expect(cancelled).toMatchObject({ state: 'CANCELLED', endedEarlyAt: null, endsAt: later.endsAt });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(finished).not.toHaveBeenCalledWith(later.id);
    expect((await call(operator, 'POST', `/block-windows/${later.id}/cancel`)).status).toBe(409);
    // A cancelled window no longer blocks its period.
    await expectStatus(
      call(
        operator,
        'POST',
        '/block-windows',
        windowBody(s.transmitterId, anna, hoursFromNow(24), hoursFromNow(48), 'ORDER-2'),
      ),
      201,
    );

    const t = await transmitterOn(s.siteId);
    const now = await expectStatus(
      call<BlockWindow>(
        operator,
        'POST',
        '/block-windows',
        windowBody(t.id, anna, new Date(Date.now() - 10_000).toISOString(), hoursFromNow(5)),
      ),
      201,
    );
    expect(now.state).toBe('ACTIVE');
    const ended = await expectStatus(call<BlockWindow>(operator, 'POST', `/block-windows/${now.id}/cancel`), 200);
    expect(ended).toMatchObject({ state: 'ENDED', cancelledAt: null, plannedEndsAt: now.endsAt });
    expect(ended.endedEarlyAt).not.toBeNull();
    expect(ended.endsAt).toBe(ended.endedEarlyAt);
    expect(finished).toHaveBeenCalledWith(now.id);
    const again = await call(operator, 'POST', `/block-windows/${now.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already ended/);
    expect((await call(operator, 'POST', '/block-windows/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(
      404,
    );
    finished.mockRestore();
  });

  it('records the completion confirmation once; not for a cancelled window', async () => {
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');
    const w = await expectStatus(
      call<BlockWindow>(
        operator,
        'POST',
        '/block-windows',
        windowBody(s.transmitterId, anna, hoursFromNow(2), hoursFromNow(4)),
      ),
      201,
    );
    const confirmed = await expectStatus(
      call<BlockWindow>(operator, 'POST', `/block-windows/${w.id}/confirm`, {
        sentTo: 'anna.berg@example.se',
        note: 'Sent by e-mail',
      }),
      200,
    );
    expect(confirmed.confirmation).toMatchObject({
      sentTo: 'anna.berg@example.se',
      note: 'Sent by e-mail',
      by: { userId: expect.any(String), name: expect.any(String) },
    });
    const twice = await call(operator, 'POST', `/block-windows/${w.id}/confirm`, { sentTo: 'someone else' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('already confirmed');
    expect((await call<BlockWindow>(operator, 'GET', `/block-windows/${w.id}`)).body.confirmation?.sentTo).toBe(
      'anna.berg@example.se',
    );
    expect((await call(operator, 'POST', `/block-windows/${w.id}/confirm`, { sentTo: '' })).status).toBe(400);

    const other = await transmitterOn(s.siteId);
    const c = await expectStatus(
      call<BlockWindow>(
        operator,
        'POST',
        '/block-windows',
        windowBody(other.id, anna, hoursFromNow(2), hoursFromNow(4)),
      ),
      201,
    );
    await expectStatus(call(operator, 'POST', `/block-windows/${c.id}/cancel`), 200);
    expect((await call(operator, 'POST', `/block-windows/${c.id}/confirm`, { sentTo: 'x' })).status).toBe(409);

    const audit = await call<Page<AuditEntry>>(supervisor, 'GET', `/audit?entity=block_window&entityId=${w.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['UPDATE', 'CREATE']);
  });
});

// ---- alarm events and the signal log -------------------------------------------------------------

async function insertCase(
  siteId: string | null,
  queuedAt: string,
  category = 'INTRUSION',
): Promise<{ id: string; caseNo: string }> {
  const [row] = await sql<{ id: string; case_no: string }>(
    `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, queued_at, last_signal_at, closed_at)
     VALUES ($1, $2, '000', $3, 3, 'CLOSED', 'Test case', $4, $4, $4) RETURNING id, case_no`,
    [`site:${siteId ?? 'none'}`, siteId, category, queuedAt],
  );
  return { id: row!.id, caseNo: row!.case_no };
}

describe('alarm events', () => {
  it('counts cases opened for the contract sites per UTC year and month, against the quota', async () => {
    const k = await contract(2);
    const a = await site({ contractId: k.id });
    const b = await site({ contractId: k.id });
    const outside = await site();
    await insertCase(a.siteId, '2024-01-01T00:00:00Z');
    await insertCase(b.siteId, '2024-01-15T10:00:00Z', 'SERVICE');
    await insertCase(a.siteId, '2024-12-31T23:59:59Z', 'FIRE');
    await insertCase(outside.siteId, '2024-06-01T10:00:00Z');
    await insertCase(a.siteId, '2025-01-01T00:00:00Z');
    await insertCase(a.siteId, '2023-12-31T23:59:59Z');

    const y2024 = await expectStatus(
      call<AlarmEventCount>(operator, 'GET', `/contracts/${k.id}/alarm-events?year=2024`),
      200,
    );
    expect(y2024).toEqual({
      contractId: k.id,
      contractNo: k.contractNo,
      year: 2024,
      quota: 2,
      count: 3,
      overQuota: true,
      byMonth: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    const y2025 = await expectStatus(
      call<AlarmEventCount>(operator, 'GET', `/contracts/${k.id}/alarm-events?year=2025`),
      200,
    );
    expect(y2025).toMatchObject({ count: 1, overQuota: false, byMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });

    const current = await expectStatus(call<AlarmEventCount>(operator, 'GET', `/contracts/${k.id}/alarm-events`), 200);
    expect(current).toMatchObject({ year: new Date().getUTCFullYear(), count: 0, overQuota: false });

    expect((await call(operator, 'GET', '/contracts/00000000-0000-4000-8000-000000000000/alarm-events')).status).toBe(
      404,
    );
    expect((await call(operator, 'GET', `/contracts/${k.id}/alarm-events?year=1999`)).status).toBe(400);
  });
});

describe('signal log', () => {
  it("lists the site's signals newest first with their decisions, paging back with before", async () => {
    const s = await site();
    const second = await transmitterOn(s.siteId);
    const elsewhere = await site();
    const opened = await insertCase(s.siteId, new Date().toISOString());
    const insert = async (
      transmitterId: string,
      account: string,
      code: string,
      extra: Record<string, unknown> = {},
    ) => {
      const [row] = await sql<{ id: string }>(
        `WITH s AS (INSERT INTO signals (source, raw, account, transmitter_id, protocol, code, zone, kind, category)
                    VALUES ('http', 'raw', $1, $2, 'SIA', $3, $4, $5, $6) RETURNING id)
         INSERT INTO signal_decisions (signal_id, decision, reason, case_id)
         SELECT id, $7, $8, $9 FROM s RETURNING signal_id::text AS id`,
        [
          account,
          transmitterId,
          code,
          extra.zone ?? null,
          extra.kind ?? 'LOG',
          extra.category ?? null,
          'decision' in extra ? extra.decision : 'LOG_ONLY',
          extra.reason ?? null,
          extra.caseId ?? null,
        ],
      );
      return row!.id;
    };
    const ids = [
      await insert(s.transmitterId, s.account, 'BA', {
        zone: '3',
        kind: 'ALARM',
        category: 'INTRUSION',
        decision: 'OPENED',
        reason: 'new case',
        caseId: opened.id,
      }),
      await insert(second.id, second.account, 'FA', {
        kind: 'ALARM',
        category: 'FIRE',
        decision: 'SUPPRESSED',
        reason: 'service mode',
      }),
      await insert(elsewhere.transmitterId, elsewhere.account, 'BA'),
      await insert(s.transmitterId, s.account, 'RP', { kind: 'TEST' }),
      await insert(s.transmitterId, s.account, 'ZZ', { kind: 'UNKNOWN', decision: null }),
    ];

    const page1 = await expectStatus(
      call<SignalLogEntry[]>(operator, 'GET', `/sites/${s.siteId}/signals?limit=2`),
      200,
    );
    expect(page1.map((e) => e.id)).toEqual([ids[4], ids[3]]);
    expect(page1[0]).toMatchObject({ code: 'ZZ', description: 'Unknown event code', kind: 'UNKNOWN', decision: null });
    const page2 = await expectStatus(
      call<SignalLogEntry[]>(operator, 'GET', `/sites/${s.siteId}/signals?limit=2&before=${page1[1]!.id}`),
      200,
    );
    expect(page2.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    expect(page2[0]).toMatchObject({
      account: second.account,
      kind: 'ALARM',
      category: 'FIRE',
      decision: 'SUPPRESSED',
      decisionReason: 'service mode',
      caseId: null,
      caseNo: null,
    });
    expect(page2[1]).toMatchObject({
      account: s.account,
      code: 'BA',
      zone: '3',
      description: expect.any(String),
      decision: 'OPENED',
      decisionReason: 'new case',
      caseId: opened.id,
      caseNo: opened.caseNo,
    });
    expect(page2[1]!.description).not.toBe('Unknown event code');
    const page3 = await call<SignalLogEntry[]>(
      operator,
      'GET',
      `/sites/${s.siteId}/signals?limit=2&before=${page2[1]!.id}`,
    );
    expect(page3.body).toEqual([]);

    const all = await call<SignalLogEntry[]>(operator, 'GET', `/sites/${s.siteId}/signals`);
    expect(all.body).toHaveLength(4);
    expect((await call<SignalLogEntry[]>(operator, 'GET', `/sites/${(await site()).siteId}/signals`)).body).toEqual([]);
    expect((await call(operator, 'GET', '/sites/00000000-0000-4000-8000-000000000000/signals')).status).toBe(404);
    expect((await call(operator, 'GET', `/sites/${s.siteId}/signals?limit=0`)).status).toBe(400);
    expect((await call(operator, 'GET', `/sites/${s.siteId}/signals?before=abc`)).status).toBe(400);
  });
});

// ---- site detail and the OpenAPI document -------------------------------------------------------

describe('site detail', () => {
  it('shows recent service modes, block windows, this year’s alarm events and transmitter state', async () => {
    const k = await contract(10);
    const s = await site({ contractId: k.id });
    const anna = await person(await list([s.siteId]), 'Anna Berg', 'A');
    const [user] = await sql<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
    const oldMode = async (endedDaysAgo: number) => {
      const [row] = await sql<{ id: string }>(
        `INSERT INTO service_modes (transmitter_id, starts_at, ends_at, planned_ends_at, reason, requested_by_person_id,
                                    requested_by_name, requested_by_level, set_by_user_id, finished_at)
         VALUES ($1, now() - make_interval(days => $2) - interval '1 hour', now() - make_interval(days => $2),
                 now() - make_interval(days => $2), 'old', $3, 'Anna Berg', 'A', $4, now() - make_interval(days => $2))
         RETURNING id`,
        [s.transmitterId, endedDaysAgo, anna, user!.id],
      );
      return row!.id;
    };
    const recentMode = await oldMode(6);
    await oldMode(8);
    const current = await expectStatus(
      setServiceMode(operator, { transmitterId: s.transmitterId, requestedByPersonId: anna }),
      201,
    );

    const oldWindow = async (endedDaysAgo: number, cancelledDaysAgo: number | null = null) => {
      const [row] = await sql<{ id: string }>(
        `INSERT INTO block_windows (transmitter_id, starts_at, ends_at, planned_ends_at, requested_by_name,
                                    requested_by_level, request_date, reference, created_by_user_id, cancelled_at,
                                    finished_at)
         VALUES ($1, now() - make_interval(days => $2 + 1), now() - make_interval(days => $2),
                 now() - make_interval(days => $2), 'Anna Berg', 'A', '2026-01-01', $3, $4,
                 CASE WHEN $5::int IS NULL THEN NULL ELSE now() - make_interval(days => $5::int) END,
                 now() - make_interval(days => $2))
         RETURNING id`,
        [s.transmitterId, endedDaysAgo, `OLD-${endedDaysAgo}`, user!.id, cancelledDaysAgo],
      );
      return row!.id;
    };
    const ended29 = await oldWindow(29);
    await oldWindow(31);
    // Non-overlapping periods: cancelled windows are outside the exclusion constraint anyway.
    const cancelledRecently = await oldWindow(40, 3);
    await oldWindow(45, 35);
    const upcoming = await expectStatus(
      call<BlockWindow>(
        operator,
        'POST',
        '/block-windows',
        windowBody(s.transmitterId, anna, hoursFromNow(30), hoursFromNow(40)),
      ),
      201,
    );
    await sql(`UPDATE transmitters SET supervision_failed_at = now() WHERE id = $1`, [s.transmitterId]);
    await insertCase(s.siteId, new Date().toISOString());

    const detail = await expectStatus(call<SiteDetail>(operator, 'GET', `/sites/${s.siteId}/detail`), 200);
    expect(detail.serviceModes.map((m) => m.id)).toEqual([current.id, recentMode]);
    expect(detail.serviceModes[0]!.active).toBe(true);
    expect(detail.blockWindows.map((w) => w.id)).toEqual([cancelledRecently, ended29, upcoming.id]);
    expect(detail.blockWindows.map((w) => w.state)).toEqual(['CANCELLED', 'ENDED', 'SCHEDULED']);
    expect(detail.alarmEvents).toMatchObject({
      contractId: k.id,
      year: new Date().getUTCFullYear(),
      quota: 10,
      count: 1,
      overQuota: false,
    });
    expect(detail.transmitters[0]).toMatchObject({ runawayUntil: null, supervisionFailedAt: expect.any(String) });

    const noContract = await site();
    const plain = await expectStatus(call<SiteDetail>(operator, 'GET', `/sites/${noContract.siteId}/detail`), 200);
    expect(plain).toMatchObject({ serviceModes: [], blockWindows: [], alarmEvents: null });
  });
});

describe('OpenAPI document', () => {
  it('lists the new routes with their schemas', async () => {
    const answer = await call<{
      paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters: { name: string }[] }>>;
    }>(null, 'GET', '/openapi.json');
    expect(answer.status).toBe(200);
    const { paths } = answer.body;
    const expected: [string, string][] = [
      ['/service-modes', 'get'],
      ['/service-modes', 'post'],
      ['/service-modes/{id}', 'get'],
      ['/service-modes/{id}/end', 'post'],
      ['/block-windows', 'get'],
      ['/block-windows', 'post'],
      ['/block-windows/{id}', 'get'],
      ['/block-windows/{id}/confirm', 'post'],
      ['/block-windows/{id}/cancel', 'post'],
      ['/sites/{id}/signals', 'get'],
      ['/contracts/{id}/alarm-events', 'get'],
    ];
    for (const [path, method] of expected) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(paths['/service-modes']!.post!.responses['409']).toBeDefined();
    expect(paths['/sites/{id}/signals']!.get!.parameters.map((p) => p.name)).toEqual(['id', 'limit', 'before']);
    const detail = JSON.stringify(paths['/sites/{id}/detail']!.get!.responses['200']);
    for (const field of ['serviceModes', 'blockWindows', 'alarmEvents', 'runawayUntil'])
      expect(detail).toContain(field);
  });
});
