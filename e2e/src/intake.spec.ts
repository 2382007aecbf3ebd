import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, OPERATOR_PASSWORD, Stack, launchBrowser } from './stack.js';

const SITE_NAME = 'Brf Lindblomman';
/** The operator mistypes the name: the search is typo-tolerant. */
const TYPO = 'Lindblommen';
const STREET = 'Lindvägen 7';
const ACCOUNT = '5B01';
const DECOY_ACCOUNT = '5B02';
/** The site's intrusion and hold-up panel. */
const INTRUSION_ACCOUNT = '5B03';
const A_PERSON = 'Agnes Andersson';
const B_PERSON = 'Bertil Berg';
const C_PERSON = 'Cecilia Carlsson';
/** What the callers say on the phone; none may ever come back in a response body. */
const B_PASSWORD = 'Blåklocka-Rätt-2718';
const C_PASSWORD = 'Cederträ-Rätt-3141';
const WRONG_PASSWORD = 'Gissning-Fel-0815';
const FIRE_REFUSAL = 'level C may not put a fire transmitter in service mode; it needs level A or B';

const stack = new Stack();
const { login, api } = clientOf(stack);
let browser: Browser;
let page: Page;
let siteId: string;
let transmitterId: string;
/** Every API response body the console received. */
const bodies: Promise<string>[] = [];

beforeAll(async () => {
  await stack.start();
  // The directory as an administrator entered it: the site with a fire transmitter, and a decoy
  // with the same name and street in another municipality; an authorization list with an A-level
  // person (who asked in writing for the passwords), a B-level and a C-level person.
  const token = await login('admin', ADMIN_PASSWORD);
  const site = await api<{ id: string }>(token, 'POST', '/sites', {
    name: SITE_NAME,
    street: STREET,
    postcode: '722 16',
    city: 'Västerås',
    municipality: 'Västerås',
  });
  siteId = site.id;
  const decoy = await api<{ id: string }>(token, 'POST', '/sites', {
    name: SITE_NAME,
    street: STREET,
    postcode: '731 30',
    city: 'Köping',
    municipality: 'Köping',
  });
  transmitterId = (
    await api<{ id: string }>(token, 'POST', '/transmitters', { account: ACCOUNT, siteId, inputCategory: 'FIRE' })
  ).id;
  await api(token, 'POST', '/transmitters', { account: DECOY_ACCOUNT, siteId: decoy.id, inputCategory: 'FIRE' });
  await api(token, 'POST', '/transmitters', { account: INTRUSION_ACCOUNT, siteId, inputCategory: 'INTRUSION' });

  const list = await api<{ id: string }>(token, 'POST', '/authorization-lists', {
    name: 'Styrelsen Brf Lindblomman',
    siteIds: [siteId],
  });
  const person = (name: string, level: 'A' | 'B' | 'C') =>
    api<{ id: string }>(token, 'POST', '/persons', { listId: list.id, name, phone: '070-123 45 67', level });
  const agnes = await person(A_PERSON, 'A');
  const bertil = await person(B_PERSON, 'B');
  const cecilia = await person(C_PERSON, 'C');
  const today = new Date().toISOString().slice(0, 10);
  for (const [who, password] of [
    [bertil.id, B_PASSWORD],
    [cecilia.id, C_PASSWORD],
  ] as const) {
    await api(token, 'POST', `/persons/${who}/password`, {
      password,
      requestedByPersonId: agnes.id,
      requestDate: today,
      requestReference: 'Letter from the board',
    });
  }

  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('response', (response: Response) => {
    if (response.url().includes('/api/')) bodies.push(response.text().catch(() => ''));
  });
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('phone intake in a real browser', () => {
  it('finds the site despite a typo, verifies by level and password, and acts only within the authority', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });

    // F2 from anywhere answers the phone: a call starts and the search has the focus.
    await page.keyboard.press('F2');
    await page.getByTestId('intake-call-timer').waitFor({ timeout: 5_000 });
    expect(page.url()).toContain('#/intake');
    expect(await page.getByTestId('intake-call-state').getAttribute('data-state')).toBe('find-site');
    const search = page.getByTestId('intake-search');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);

    // Two sites of that name on the same street: the municipality tells them apart.
    await page.keyboard.type(TYPO);
    const hits = page.getByTestId('intake-hit');
    await expect.poll(() => hits.count(), { timeout: 5_000 }).toBe(2);
    const municipalities = await page.getByTestId('intake-hit-municipality').allInnerTexts();
    expect(municipalities.map((m) => m.toLowerCase()).sort()).toEqual(['köping municipality', 'västerås municipality']);
    const index = municipalities.findIndex((m) => /västerås/i.test(m));
    for (let i = 0; i < index; i += 1) await search.press('ArrowDown');
    await search.press('Enter');

    await page.getByTestId('intake-site').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('intake-site-name').innerText()).toBe(SITE_NAME);
    expect((await page.getByTestId('intake-site-municipality').innerText()).toLowerCase()).toBe(
      'västerås municipality',
    );
    const [call] = await stack.query<{ id: string; site_id: string }>(`SELECT id, site_id FROM intake_calls`);
    expect(call?.site_id).toBe(siteId);

    // Level B with the right password: verified, and may put the fire transmitter in service mode.
    await verify(`${B_PERSON} (level B)`, B_PASSWORD);
    await expect.poll(() => verificationResult()).toBe('VERIFIED');
    expect(await page.getByTestId('intake-verified-person').innerText()).toBe(B_PERSON);
    expect(await page.getByTestId('intake-verified-level').innerText()).toBe('B');
    expect(await page.getByTestId('intake-verification-expiry').innerText()).toMatch(/Valid for \d+:\d\d/);

    expect(await page.getByTestId('intake-sm-verdict').getAttribute('data-allowed')).toBe('true');
    await page.getByTestId('intake-sm-duration').fill('90');
    await page.getByTestId('intake-sm-reason').fill('Sprinkler service');
    await page.getByTestId('intake-sm-submit').click();
    await page.getByTestId('intake-sm-result').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('intake-sm-result').innerText()).toContain(`Service mode set on ${ACCOUNT}`);

    // Visible on the site, and in the status read out to the caller.
    await page.getByTestId('intake-transmitter-service-mode').waitFor({ timeout: 5_000 });
    await page.getByTestId('intake-action-status').click();
    await page.getByTestId('intake-status-load').click();
    await page
      .locator(`[data-testid="intake-status-service-mode"][data-account="${ACCOUNT}"]`)
      .waitFor({ timeout: 5_000 });

    // In PostgreSQL: one service mode of about 90 minutes, asked for by the verified B-level person.
    const modes = await stack.query<{ requested_by_name: string; requested_by_level: string; minutes: number }>(
      `SELECT requested_by_name, requested_by_level,
              round(extract(epoch FROM ends_at - starts_at) / 60)::int AS minutes
         FROM service_modes WHERE transmitter_id = $1 AND ended_early_at IS NULL AND ends_at > now()`,
      [transmitterId],
    );
    expect(modes).toEqual([{ requested_by_name: B_PERSON, requested_by_level: 'B', minutes: 90 }]);

    // A wrong password: not verified, the attempt counted, no actions offered.
    await verify(`${C_PERSON} (level C)`, WRONG_PASSWORD);
    await expect.poll(() => verificationResult()).toBe('WRONG_PASSWORD');
    expect(await page.getByTestId('intake-verification').innerText()).toContain('Not verified');
    expect(await page.getByTestId('intake-verification-message').innerText()).toContain('Wrong password');
    expect(await page.getByTestId('intake-failed-attempts').innerText()).toBe('1');
    expect(await page.getByTestId('intake-actions').count()).toBe(0);
    expect(await page.getByTestId('intake-call-state').getAttribute('data-state')).toBe('not-verified');

    // Level C with the right password: verified, but fire service mode is refused, with the reason.
    await verify(`${C_PERSON} (level C)`, C_PASSWORD);
    await expect.poll(() => verificationResult()).toBe('VERIFIED');
    expect(await page.getByTestId('intake-verified-level').innerText()).toBe('C');
    const fireRow = page.locator('[data-testid="intake-authority-row"][data-category="FIRE"]');
    expect(await fireRow.locator('[data-testid="intake-refused"][data-action="SERVICE_MODE"]').innerText()).toContain(
      FIRE_REFUSAL,
    );
    await page.getByTestId('intake-action-service-mode').click();
    expect(await page.getByTestId('intake-sm-verdict').getAttribute('data-allowed')).toBe('false');
    expect(await page.getByTestId('intake-sm-verdict').innerText()).toContain(FIRE_REFUSAL);
    await page.getByTestId('intake-sm-reason').fill('Detector swap');
    await page.getByTestId('intake-sm-submit').click();
    await page.getByTestId('intake-sm-error').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('intake-sm-error').innerText()).toBe(
      `Refused for ${C_PERSON} (level C), FIRE: ${FIRE_REFUSAL}`,
    );
    expect(await stack.query(`SELECT id FROM service_modes WHERE transmitter_id = $1`, [transmitterId])).toHaveLength(
      1,
    );

    const attempts = await stack.query<{ person_name: string; result: string }>(
      `SELECT person_name, result FROM caller_verifications ORDER BY at`,
    );
    expect(attempts).toEqual([
      { person_name: B_PERSON, result: 'VERIFIED' },
      { person_name: C_PERSON, result: 'WRONG_PASSWORD' },
      { person_name: C_PERSON, result: 'VERIFIED' },
    ]);

    // The call ends with an outcome; its record lists what was done.
    await page.getByTestId('intake-outcome').selectOption('SERVICE_MODE_SET');
    await page.getByTestId('intake-end-note').fill('Board member called about sprinkler service');
    await page.getByTestId('intake-end-call').click();
    await page.getByTestId('intake-summary').waitFor({ timeout: 5_000 });
    const [ended] = await stack.query<{ outcome: string; ended: boolean; note: string }>(
      `SELECT outcome, ended_at IS NOT NULL AS ended, note FROM intake_calls WHERE id = $1`,
      [call!.id],
    );
    expect(ended).toMatchObject({ outcome: 'SERVICE_MODE_SET', ended: true });
    expect(ended!.note).toContain(`Service mode on transmitter ${ACCOUNT}`);
    expect(ended!.note).toContain('Board member called about sprinkler service');

    // No password ever came back to the console.
    const received = await Promise.all(bodies);
    expect(received.length).toBeGreaterThan(10);
    for (const secret of [B_PASSWORD, C_PASSWORD, WRONG_PASSWORD]) {
      expect(received.filter((body) => body.includes(secret))).toEqual([]);
    }
  });
});

describe('the owner calls about an alarm', () => {
  it('hears the status, cancels the burglary alarm as a false alarm, and cannot cancel the hold-up', async () => {
    // A burglary and a hold-up alarm from the site's intrusion panel are waiting.
    const burglary = await stack.postSignal({ account: INTRUSION_ACCOUNT, code: 'BA', zone: '004' });
    const holdup = await stack.postSignal({ account: INTRUSION_ACCOUNT, code: 'HA', zone: '009' });
    expect([burglary.status, holdup.status]).toEqual([201, 201]);
    const { caseId: burglaryCase } = (await burglary.json()) as { caseId: string };
    const { caseId: holdupCase } = (await holdup.json()) as { caseId: string };

    // A new call: the site again, by its transmitter number this time.
    await page.getByTestId('intake-new-call').click();
    await page.getByTestId('intake-search').fill(INTRUSION_ACCOUNT);
    await page.getByTestId('intake-hit').first().waitFor({ timeout: 5_000 });
    await page.getByTestId('intake-search').press('Enter');
    await page.getByTestId('intake-site').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('intake-site-name').innerText()).toBe(SITE_NAME);

    // The page is reloaded in the middle of the call: the screen picks the same call up again,
    // with its site, and the caller is verified again before anything is done for them.
    const countCalls = async () => (await stack.query<{ id: string }>(`SELECT id FROM intake_calls`)).length;
    const callsBefore = await countCalls();
    await page.reload();
    await page.getByTestId('intake-site').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('intake-site-name').innerText()).toBe(SITE_NAME);
    expect(await page.getByTestId('intake-events').innerText()).toContain('picked up again');
    expect(await page.getByTestId('intake-actions').count()).toBe(0);
    expect(await countCalls()).toBe(callsBefore);

    await verify(`${B_PERSON} (level B)`, B_PASSWORD);
    await expect.poll(() => verificationResult()).toBe('VERIFIED');

    // "What is the status of my alarm?": both open cases and the fire service mode.
    await page.getByTestId('intake-action-status').click();
    await page.getByTestId('intake-status-load').click();
    const burglaryRow = page.locator(`[data-testid="intake-status-case"][data-case-id="${burglaryCase}"]`);
    const holdupRow = page.locator(`[data-testid="intake-status-case"][data-case-id="${holdupCase}"]`);
    await burglaryRow.waitFor({ timeout: 5_000 });
    expect(await holdupRow.getAttribute('data-category')).toBe('HOLDUP');
    await page
      .locator(`[data-testid="intake-status-service-mode"][data-account="${ACCOUNT}"]`)
      .waitFor({ timeout: 5_000 });

    // "It was a false alarm, I am the owner": the burglary case is closed; the hold-up is not offered.
    expect(await holdupRow.getByTestId('intake-cancel-case').count()).toBe(0);
    expect(await holdupRow.getByTestId('intake-cancel-holdup').innerText()).toContain('never cancelled');
    await burglaryRow.getByTestId('intake-cancel-case').click();
    await burglaryRow.getByTestId('intake-cancel-note').fill('Owner opened the door without disarming');
    await burglaryRow.getByTestId('intake-cancel-confirm').click();
    await expect
      .poll(
        async () =>
          (await stack.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [burglaryCase]))[0]?.status,
        {
          timeout: 5_000,
        },
      )
      .toBe('CLOSED');
    const [closed] = await stack.query<{ result: string }>(`SELECT result FROM cases WHERE id = $1`, [burglaryCase]);
    expect(closed?.result).toBe('FALSE_ALARM_USER_ERROR');
    const [stillOpen] = await stack.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [holdupCase]);
    expect(stillOpen?.status).not.toBe('CLOSED');

    await page.getByTestId('intake-outcome').selectOption('ALARM_CANCELLED');
    await page.getByTestId('intake-end-call').click();
    await page.getByTestId('intake-summary').waitFor({ timeout: 5_000 });
    const calls = await stack.query<{ outcome: string }>(`SELECT outcome FROM intake_calls ORDER BY started_at`);
    expect(calls.map((c) => c.outcome)).toEqual(['SERVICE_MODE_SET', 'ALARM_CANCELLED']);
  });
});

/** Picks the caller, types the password they say and sends it; the field is empty afterwards. */
async function verify(callerLabel: string, password: string): Promise<void> {
  await page.getByTestId('intake-caller').selectOption({ label: callerLabel });
  const field = page.getByTestId('intake-password');
  expect(await field.getAttribute('type')).toBe('password');
  await field.fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/verify') && r.request().method() === 'POST');
  await page.getByTestId('intake-verify').click();
  expect(await field.inputValue()).toBe('');
  expect((await answered).status()).toBe(200);
}

async function verificationResult(): Promise<string | null> {
  return page.getByTestId('intake-verification').getAttribute('data-result');
}
