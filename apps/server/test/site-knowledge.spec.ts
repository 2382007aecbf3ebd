import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '@arc/shared/case-handling';
import type { AuditEntry, Contact, Page } from '@arc/shared/directory';
import type { IngestSignalResponse } from '@arc/shared/signal';
import type { SiteKnowledge, SiteNote, TransmitterZone } from '@arc/shared/site-knowledge';
import { TestEnvironment, expectStatus } from './support/test-app.js';

/**
 * Site knowledge through the REST API on real PostgreSQL: zone names per transmitter, the
 * site's instructions, hazards and emergency numbers, temporary notes with an expiry, and what
 * the case screen's read model shows of them. Also: a call outcome is refused for an SMS or
 * e-mail route (defect 7).
 */

const env = new TestEnvironment({ CASE_RETURN_SECONDS: '3600' });
let admin: string;
let operator: string;
let supervisor: string;
const call = env.call.bind(env);
const unknownId = '00000000-0000-4000-8000-000000000009';

let serial = 0;
const nextAccount = () =>
  `D${(Date.now() % 0xfffff).toString(16).toUpperCase()}${(serial += 1).toString(16).toUpperCase()}`;

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

beforeAll(async () => {
  await env.start();
  [admin, operator, supervisor] = await Promise.all([
    env.login('admin'),
    env.login('operator'),
    env.login('supervisor'),
  ]);
});

afterAll(async () => {
  await env.destroy();
});

async function audit(entity: string, entityId: string): Promise<AuditEntry[]> {
  const page = await expectStatus<Page<AuditEntry>>(
    call(admin, 'GET', `/audit?entity=${entity}&entityId=${entityId}`),
    200,
  );
  return page.items;
}

describe('zone names', () => {
  it('an admin replaces the list; everyone on duty reads it in zone order; it is audited', async () => {
    const { transmitterId } = await env.createSite(nextAccount());
    const zones = [
      { zone: '12', name: 'Garage door' },
      { zone: '002', name: 'Kitchen smoke detector', location: 'Ceiling above the stove' },
    ];
    const saved = await expectStatus<TransmitterZone[]>(
      call(admin, 'PUT', `/transmitters/${transmitterId}/zones`, { zones }),
      200,
    );
    expect(saved).toEqual([
      { zone: '002', name: 'Kitchen smoke detector', location: 'Ceiling above the stove' },
      { zone: '12', name: 'Garage door', location: null },
    ]);
    for (const token of [operator, supervisor]) {
      expect(await expectStatus(call(token, 'GET', `/transmitters/${transmitterId}/zones`), 200)).toEqual(saved);
    }
    const entries = await audit('transmitter_zones', transmitterId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'UPDATE', before: { zones: [] }, after: { zones: saved } });

    // Replacing drops what is not in the new list.
    await expectStatus(
      call(admin, 'PUT', `/transmitters/${transmitterId}/zones`, { zones: [{ zone: '3', name: 'Hall' }] }),
      200,
    );
    expect(await expectStatus(call(operator, 'GET', `/transmitters/${transmitterId}/zones`), 200)).toEqual([
      { zone: '3', name: 'Hall', location: null },
    ]);
  });

  it('refuses writes by operators and supervisors, bad input, and unknown transmitters', async () => {
    const { transmitterId } = await env.createSite(nextAccount());
    const body = { zones: [{ zone: '1', name: 'Hall' }] };
    expect((await call(null, 'GET', `/transmitters/${transmitterId}/zones`)).status).toBe(401);
    expect((await call(operator, 'PUT', `/transmitters/${transmitterId}/zones`, body)).status).toBe(403);
    expect((await call(supervisor, 'PUT', `/transmitters/${transmitterId}/zones`, body)).status).toBe(403);
    expect((await call(admin, 'PUT', `/transmitters/${unknownId}/zones`, body)).status).toBe(404);
    expect((await call(operator, 'GET', `/transmitters/${unknownId}/zones`)).status).toBe(404);
    expect((await call(operator, 'GET', `/transmitters/not-an-id/zones`)).status).toBe(400);
    const bad = [
      { zones: [{ zone: 'zone 1!', name: 'Hall' }] },
      { zones: [{ zone: '1', name: '' }] },
      { zones: [{ zone: '1', name: 'Hall', extra: true }] },
      // "002" and "2" are the same zone.
      {
        zones: [
          { zone: '002', name: 'Hall' },
          { zone: '2', name: 'Kitchen' },
        ],
      },
      { zones: 'all' },
    ];
    for (const zones of bad) {
      const answer = await call(admin, 'PUT', `/transmitters/${transmitterId}/zones`, zones);
      expect(answer.status, JSON.stringify(zones)).toBe(400);
    }
    const duplicate = await call(admin, 'PUT', `/transmitters/${transmitterId}/zones`, bad[3]);
    expect(duplicate.body.message).toContain('listed twice');
  });
});

describe('instructions, hazards and emergency numbers', () => {
  it('an admin sets them, everyone reads them, the change is audited', async () => {
    const { siteId } = await env.createSite(nextAccount());
    expect(await expectStatus<SiteKnowledge>(call(operator, 'GET', `/sites/${siteId}/knowledge`), 200)).toEqual({
      siteId,
      instructions: null,
      hazards: null,
      policePhone: null,
      rescuePhone: null,
    });
    const input = {
      instructions: 'Key box at the back door, code 4711',
      hazards: 'Gas bottles in the workshop',
      rescuePhone: '021-10 10 10',
    };
    const saved = await expectStatus<SiteKnowledge>(call(admin, 'PUT', `/sites/${siteId}/knowledge`, input), 200);
    expect(saved).toEqual({ siteId, ...input, policePhone: null });
    const entries = await audit('site_knowledge', siteId);
    expect(entries[0]).toMatchObject({
      action: 'UPDATE',
      before: { hazards: null },
      after: { hazards: input.hazards },
    });
  });

  it('refuses operators, bad numbers and unknown sites', async () => {
    const { siteId } = await env.createSite(nextAccount());
    expect((await call(operator, 'PUT', `/sites/${siteId}/knowledge`, { hazards: 'Dog' })).status).toBe(403);
    expect((await call(supervisor, 'PUT', `/sites/${siteId}/knowledge`, { hazards: 'Dog' })).status).toBe(403);
    expect((await call(admin, 'PUT', `/sites/${unknownId}/knowledge`, { hazards: 'Dog' })).status).toBe(404);
    expect((await call(operator, 'GET', `/sites/${unknownId}/knowledge`)).status).toBe(404);
    for (const policePhone of ['call them', '1', '+46 8 123 45 67 89 01 23 45 67 89 012']) {
      expect((await call(admin, 'PUT', `/sites/${siteId}/knowledge`, { policePhone })).status, policePhone).toBe(400);
    }
    expect((await call(admin, 'PUT', `/sites/${siteId}/knowledge`, { hazards: 'x'.repeat(2001) })).status).toBe(400);
  });
});

describe('temporary site notes', () => {
  it('operators and supervisors add them, admins delete them, expired ones are listed only on request', async () => {
    const { siteId } = await env.createSite(nextAccount());
    const painters = await expectStatus<SiteNote>(
      call(operator, 'POST', `/sites/${siteId}/notes`, {
        text: 'Painters on site until Friday, ignore zone 4 between 07-16',
        validUntil: inHours(48),
      }),
      201,
    );
    expect(painters).toMatchObject({ siteId, author: { name: expect.any(String) as string } });
    expect(Date.parse(painters.validFrom)).toBeLessThanOrEqual(Date.now());
    const later = await expectStatus<SiteNote>(
      call(supervisor, 'POST', `/sites/${siteId}/notes`, {
        text: 'Alarm test next week',
        validFrom: inHours(24),
        validUntil: inHours(30),
      }),
      201,
    );
    // An expired note (written directly: the API refuses a note that is already over).
    await env.query(
      `INSERT INTO site_notes (site_id, text, valid_from, valid_until, author_user_id)
       SELECT $1, 'Old note', now() - interval '3 days', now() - interval '1 day', id FROM users WHERE username = 'operator'`,
      [siteId],
    );
    const current = await expectStatus<SiteNote[]>(call(operator, 'GET', `/sites/${siteId}/notes`), 200);
    expect(current.map((n) => n.id)).toEqual([painters.id, later.id]);
    const all = await expectStatus<SiteNote[]>(
      call(operator, 'GET', `/sites/${siteId}/notes?includeExpired=true`),
      200,
    );
    expect(all.map((n) => n.text)).toEqual(['Old note', painters.text, later.text]);

    expect((await call(operator, 'DELETE', `/sites/${siteId}/notes/${painters.id}`)).status).toBe(403);
    expect((await call(supervisor, 'DELETE', `/sites/${siteId}/notes/${painters.id}`)).status).toBe(403);
    expect((await call(admin, 'DELETE', `/sites/${unknownId}/notes/${painters.id}`)).status).toBe(404);
    expect((await call(admin, 'DELETE', `/sites/${siteId}/notes/${painters.id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/sites/${siteId}/notes/${painters.id}`)).status).toBe(404);
    const deleted = await audit('site_note', painters.id);
    expect(deleted.map((e) => e.action)).toEqual(['DELETE', 'CREATE']);
    expect(deleted[0]!.before).toMatchObject({ text: painters.text });
  });

  it('refuses notes without an end, ending in the past, too long, or for unknown sites', async () => {
    const { siteId } = await env.createSite(nextAccount());
    const bad = [
      { text: 'No end' },
      { text: '', validUntil: inHours(1) },
      { text: 'Over', validUntil: inHours(-1) },
      { text: 'Backwards', validFrom: inHours(5), validUntil: inHours(2) },
      { text: 'Too long', validUntil: inHours(24 * 91) },
      { text: 'Not a time', validUntil: 'Friday' },
      { text: 'Extra', validUntil: inHours(1), pinned: true },
    ];
    for (const body of bad) {
      expect((await call(operator, 'POST', `/sites/${siteId}/notes`, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await call(operator, 'POST', `/sites/${unknownId}/notes`, { text: 'x', validUntil: inHours(1) })).status,
    ).toBe(404);
    expect((await call(operator, 'GET', `/sites/${unknownId}/notes`)).status).toBe(404);
    expect((await call(operator, 'GET', `/sites/${siteId}/notes?includeExpired=maybe`)).status).toBe(400);
    expect((await call(null, 'POST', `/sites/${siteId}/notes`, { text: 'x', validUntil: inHours(1) })).status).toBe(
      401,
    );
  });
});

describe('on the case', () => {
  async function openCase(account: string, zone: string): Promise<string> {
    const response = await env.postSignal({ account, code: 'FA', zone });
    const result = (await response.json()) as IngestSignalResponse;
    if (!result.caseId) throw new Error(`no case: ${JSON.stringify(result)}`);
    return result.caseId;
  }

  it('shows zone names, instructions, hazards, the notes in force and the numbers to call', async () => {
    const account = nextAccount();
    const { siteId, transmitterId } = await env.createSite(account);
    await expectStatus(
      call(admin, 'PUT', `/transmitters/${transmitterId}/zones`, {
        zones: [{ zone: '2', name: 'Kitchen smoke detector', location: 'Above the stove' }],
      }),
      200,
    );
    await expectStatus(
      call(admin, 'PUT', `/sites/${siteId}/knowledge`, {
        instructions: 'Key at the neighbour',
        hazards: 'Dog',
        policePhone: '010-56 56 56',
      }),
      200,
    );
    const active = await expectStatus<SiteNote>(
      call(operator, 'POST', `/sites/${siteId}/notes`, { text: 'Painters on site', validUntil: inHours(8) }),
      201,
    );
    await expectStatus(
      call(operator, 'POST', `/sites/${siteId}/notes`, {
        text: 'Not yet',
        validFrom: inHours(2),
        validUntil: inHours(3),
      }),
      201,
    );
    await env.query(
      `INSERT INTO site_notes (site_id, text, valid_from, valid_until, author_user_id)
       SELECT $1, 'Expired', now() - interval '2 days', now() - interval '1 hour', id FROM users WHERE username = 'admin'`,
      [siteId],
    );
    const caseId = await openCase(account, '002');
    await env.postSignal({ account, code: 'FA', zone: '7' });
    const detail = await expectStatus<CaseDetail>(call(operator, 'GET', `/cases/${caseId}`), 200);
    expect(detail.signals.map((s) => [s.zone, s.zoneName, s.zoneLocation])).toEqual(
      expect.arrayContaining([['002', 'Kitchen smoke detector', 'Above the stove']]),
    );
    const other = detail.signals.find((s) => s.zone === '7');
    if (other) expect(other.zoneName).toBeNull();
    expect(detail.siteKnowledge).toEqual({
      instructions: 'Key at the neighbour',
      hazards: 'Dog',
      notes: [active],
      emergency: {
        police: '010-56 56 56',
        policeNonUrgent: '114 14',
        rescue: '112',
        policeFromSite: true,
        rescueFromSite: false,
      },
    });
  });
});

describe('contact attempts on SMS and e-mail routes (defect 7)', () => {
  it('refuses a call outcome for an e-mail or SMS route and records "sent"', async () => {
    const account = nextAccount();
    const { siteId } = await env.createSite(account);
    const contact = await expectStatus<Contact>(
      call(admin, 'POST', `/sites/${siteId}/contacts`, {
        name: 'Eva Mejl',
        routes: [
          { kind: 'PHONE', value: '+46701234567' },
          { kind: 'EMAIL', value: 'eva@example.se' },
          { kind: 'SMS', value: '+46701234568' },
        ],
      }),
      201,
    );
    const response = await env.postSignal({ account, code: 'FA', zone: '1' });
    const { caseId } = (await response.json()) as IngestSignalResponse;
    const [operatorRow] = await env.query<{ id: string }>(`SELECT id FROM users WHERE username = 'operator'`);
    await env.query(
      `UPDATE cases SET status = 'ACCEPTED', held_by_user_id = $2, held_since = now(), held_heartbeat_at = now(),
              accepted_at = now(), first_presented_at = now(), version = version + 1 WHERE id = $1`,
      [caseId, operatorRow!.id],
    );
    await env.query(`INSERT INTO case_holds (case_id, user_id) VALUES ($1, $2)`, [caseId, operatorRow!.id]);
    const attempt = (routeKind: string, routeValue: string, outcome: string) =>
      call(operator, 'POST', `/cases/${caseId}/attempts`, {
        contactId: contact.id,
        name: contact.name,
        routeKind,
        routeValue,
        outcome,
      });

    for (const outcome of ['ANSWERED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'VOICEMAIL']) {
      const refused = await attempt('EMAIL', 'eva@example.se', outcome);
      expect(refused.status, outcome).toBe(400);
      expect(refused.body.message).toContain('only be recorded as sent');
      expect((await attempt('SMS', '+46701234568', outcome)).status, outcome).toBe(400);
    }
    expect((await attempt('PHONE', '+46701234567', 'SENT')).status).toBe(400);
    // The kind must be the route's own: an e-mail address is not a phone.
    expect((await attempt('PHONE', 'eva@example.se', 'ANSWERED')).status).toBe(400);
    expect((await attempt('EMAIL', 'eva@example.se', 'SENT')).status).toBe(201);
    expect((await attempt('PHONE', '+46701234567', 'NO_ANSWER')).status).toBe(201);
    const detail = await expectStatus<CaseDetail>(call(operator, 'GET', `/cases/${caseId}`), 200);
    expect(detail.attempts.map((a) => [a.routeKind, a.outcome])).toEqual([
      ['EMAIL', 'SENT'],
      ['PHONE', 'NO_ANSWER'],
    ]);
  });
});

describe('directory export and import', () => {
  it('carry zone names, instructions, hazards and the site numbers', async () => {
    const account = nextAccount();
    const doc = {
      version: 1,
      sites: [
        {
          ref: 'k1',
          name: 'Förskolan Björken',
          street: 'Björkvägen 1',
          postcode: '753 20',
          city: 'Uppsala',
          municipality: 'Uppsala',
          instructions: 'Keys in the key box by the gate',
          hazards: 'Gas bottles in the kitchen',
          rescuePhone: '018-10 10 10',
        },
      ],
      transmitters: [{ account, siteRef: 'k1', zones: [{ zone: '002', name: 'Kitchen smoke detector' }] }],
    };
    const bad = await fetch(`${env.url}/api/v1/directory/import?dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...doc,
        transmitters: [
          {
            account,
            siteRef: 'k1',
            zones: [
              { zone: '2', name: 'A' },
              { zone: '002', name: 'B' },
            ],
          },
        ],
      }),
    });
    expect(bad.status).toBe(422);
    const imported = await fetch(`${env.url}/api/v1/directory/import?dryRun=false`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
    const exported = (await (
      await fetch(`${env.url}/api/v1/directory/export`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { sites: Record<string, unknown>[]; transmitters: Record<string, unknown>[] };
    const transmitter = exported.transmitters.find((t) => t.account === account)!;
    expect(transmitter.zones).toEqual([{ zone: '002', name: 'Kitchen smoke detector', location: null }]);
    const site = exported.sites.find((s) => s.ref === transmitter.siteRef)!;
    expect(site).toMatchObject({
      instructions: 'Keys in the key box by the gate',
      hazards: 'Gas bottles in the kitchen',
      policePhone: null,
      rescuePhone: '018-10 10 10',
    });
  });
});
