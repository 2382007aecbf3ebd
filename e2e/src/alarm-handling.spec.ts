import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transmitter } from '../../apps/server/dist/simulator/transmitter.js';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, OPERATOR_PASSWORD, Stack, freePort, launchBrowser } from './stack.js';

const SITE_NAME = 'Kvarteret Tranan';
const ACCOUNT = 'F1E1';
/** AES-128 as 32 hex digits, programmed in the panel and stored (sealed) with the transmitter. */
const KEY = '000102030405060708090A0B0C0D0E0F';

/** The part of GET /cases/:id (CaseDetail in @arc/shared) this test reads. */
interface CaseTimes {
  signalReceivedAt: string;
  queuedAt: string;
  firstPresentedAt: string | null;
  acceptedAt: string | null;
  firstContactAt: string | null;
  closedAt: string | null;
}
interface CaseDetail {
  summary: { status: string };
  times: CaseTimes;
  attempts: unknown[];
  result: { code: string } | null;
}

const stack = new Stack();
const { login, api: apiAs } = clientOf(stack);
/** The admin's API calls: the tests here make them all as admin. */
const api = <T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> =>
  apiAs<T>(adminToken, method, path, body);
let browser: Browser;
let page: Page;
let adminToken: string;
let dc09Port: number;
let mandatoryStepId: string;

beforeAll(async () => {
  // The receiver of this stack listens on its own ports; startServer hands process.env on.
  dc09Port = await freePort();
  process.env.DC09_HOST = '127.0.0.1';
  process.env.DC09_TCP_PORT = String(dc09Port);
  process.env.DC09_UDP_PORT = String(await freePort());
  await stack.start();

  // The directory as an administrator enters it: a site with an encrypted fire transmitter, two
  // alarm contacts and a fire action plan whose rescue-service step is mandatory.
  adminToken = await login('admin', ADMIN_PASSWORD);
  const site = await api<{ id: string }>('POST', '/sites', {
    name: SITE_NAME,
    street: 'Tranegatan 7',
    postcode: '722 17',
    city: 'Västerås',
    municipality: 'Västerås',
  });
  const transmitter = await api<{ encrypted: boolean }>('POST', '/transmitters', {
    account: ACCOUNT,
    siteId: site.id,
    protocol: 'SIA-DCS',
    encryptionKey: { format: 'hex', value: KEY },
    inputCategory: 'FIRE',
  });
  expect(transmitter.encrypted).toBe(true);
  const anna = await api<{ id: string }>('POST', `/sites/${site.id}/contacts`, {
    name: 'Anna Andersson',
    routes: [{ kind: 'PHONE', value: '070-111 11 11' }],
  });
  await api('POST', `/sites/${site.id}/contacts`, {
    name: 'Bertil Berg',
    routes: [{ kind: 'PHONE', value: '070-222 22 22' }],
  });
  const plan = await api<{ steps: { id: string; mandatory: boolean }[] }>(
    'PUT',
    `/sites/${site.id}/action-plans/FIRE`,
    {
      steps: [
        { type: 'CALL_CONTACT', contactId: anna.id, mandatory: false },
        { type: 'ALERT_RESCUE_SERVICE', mandatory: true },
      ],
    },
  );
  mandatoryStepId = plan.steps.find((s) => s.mandatory)!.id;

  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
  delete process.env.DC09_HOST;
  delete process.env.DC09_TCP_PORT;
  delete process.env.DC09_UDP_PORT;
});

describe('working an alarm in a real browser', () => {
  it('an encrypted DC-09 fire alarm is taken with N, called about, ticked, closed, with its times in order', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });
    const shell = page.getByTestId('shell');
    expect(await shell.getAttribute('data-alarm-sound')).toBe('off');

    // The panel sends an encrypted SIA-DCS fire alarm; the receiver ACKs once it is stored.
    await sendFireAlarm();

    const row = page.getByTestId('queue-row').filter({ hasText: SITE_NAME });
    await row.waitFor({ timeout: 5_000 });
    expect(await row.getAttribute('data-category')).toBe('FIRE');
    expect(await row.getAttribute('data-status')).toBe('QUEUED');
    const caseId = (await row.getAttribute('data-case-id'))!;
    await waitForAttribute(shell, 'data-alarm-sound', 'fire');

    // Keyboard only: N takes the top case and opens it.
    await page.keyboard.press('n');
    const screen = page.locator(`[data-testid="case-screen"][data-case-id="${caseId}"][data-mine="true"]`);
    await screen.waitFor({ timeout: 5_000 });
    await waitForAttribute(shell, 'data-alarm-sound', 'off');
    expect(await screen.getByTestId('case-site-name').innerText()).toBe(SITE_NAME);
    const signal = screen.getByTestId('case-signal');
    expect(await signal.count()).toBe(1);
    expect(await signal.innerText()).toMatch(/FA\s+007/);
    expect(await screen.getByTestId('case-transmitter').innerText()).toContain('ENCRYPTED');

    // First number: no answer (key 2) with a note; Enter saves. The next number is selected then.
    const attempts = screen.getByTestId('attempt');
    const form = screen.getByTestId('record-call-form');
    await page.keyboard.press('2');
    await screen.getByTestId('record-note').fill('Rang ten times');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await waitForCount(attempts, 1);
    // Second number: answered (key 1).
    await page.keyboard.press('1');
    await screen.getByTestId('record-note').fill('Bertil is on his way');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await waitForCount(attempts, 2);
    expect(await attempts.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual([
      'NO_ANSWER',
      'ANSWERED',
    ]);
    expect(await attempts.nth(0).innerText()).toContain('Anna Andersson');
    expect(await attempts.nth(1).innerText()).toContain('Bertil Berg');

    // A reload (the operator's page restarts) brings back the queue and the case being worked.
    await page.reload();
    await screen.waitFor({ timeout: 10_000 });
    await waitForCount(screen.getByTestId('attempt'), 2);
    await page.getByTestId('queue-count').waitFor();

    // The mandatory step, ticked with a note.
    const step = screen.locator(`[data-testid="step"][data-step-id="${mandatoryStepId}"]`);
    expect(await step.getAttribute('data-mandatory')).toBe('true');
    await step.getByTestId('step-tick').click();
    await step.getByTestId('step-note').fill('SOS Alarm informed');
    await step.getByTestId('step-save').click();
    await screen.locator(`[data-testid="step"][data-step-id="${mandatoryStepId}"][data-ticked="true"]`).waitFor();

    // C opens the close dialog; every mandatory step is done, so no reason is asked for.
    await page.keyboard.press('c');
    const dialog = screen.getByTestId('close-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('close-reason').count()).toBe(0);
    await dialog.getByTestId('close-result').selectOption('REAL_ALARM');
    await dialog.getByTestId('close-note').fill('Fire brigade on site, small kitchen fire');
    await dialog.getByTestId('close-save').click();
    await screen.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.getByTestId('case-notice').innerText()).toContain('closed: Real alarm');
    await page.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`).waitFor({ state: 'detached' });

    // What the customer's report will say: the times, in the order they happened.
    const detail = await api<CaseDetail>('GET', `/cases/${caseId}`);
    expect(detail.summary.status).toBe('CLOSED');
    expect(detail.result?.code).toBe('REAL_ALARM');
    expect(detail.attempts).toHaveLength(2);
    const order: (keyof CaseTimes)[] = [
      'signalReceivedAt',
      'queuedAt',
      'firstPresentedAt',
      'acceptedAt',
      'firstContactAt',
      'closedAt',
    ];
    const times = order.map((key) => detail.times[key]);
    expect(times.every((t) => t !== null)).toBe(true);
    const ms = times.map((t) => Date.parse(t!));
    for (let i = 1; i < ms.length; i += 1) {
      expect(ms[i], `${order[i - 1]} ${times[i - 1]} <= ${order[i]} ${times[i]}`).toBeGreaterThanOrEqual(ms[i - 1]!);
    }
  });
});

/** Sends the alarm until the receiver ACKs it: a new transmitter may take a moment to reach its cache. */
async function sendFireAlarm(): Promise<void> {
  const panel = new Transmitter({ account: ACCOUNT, port: dc09Port, key: KEY, protocol: 'SIA-DCS', timeoutMs: 5_000 });
  expect(panel.encrypted).toBe(true);
  try {
    const deadline = Date.now() + 15_000;
    let result = await panel.sendEvent({ code: 'FA', zone: '007', area: '1' });
    while (result.outcome !== 'ACK' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      result = await panel.resend('retry');
    }
    expect(result.outcome).toBe('ACK');
  } finally {
    await panel.close();
  }
}

async function waitForAttribute(locator: Locator, name: string, value: string): Promise<void> {
  await expect.poll(() => locator.getAttribute(name), { timeout: 5_000, interval: 100 }).toBe(value);
}

async function waitForCount(locator: Locator, count: number): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: 5_000, interval: 100 }).toBe(count);
}
