import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, Stack, launchBrowser } from './stack.js';

/**
 * The shift log (a supervisor's note shown to an operator at login until read, and who read it),
 * the service-mode maximum from the server's settings, and times in the centre's zone: every
 * browser here runs in New York, the centre (default CENTRE_TIME_ZONE) is Stockholm.
 */

const SITE_NAME = 'Kvarteret Tärnan';
const ACCOUNT = '5B07';
const REQUESTER = 'Agnes Andersson';
const NOTE = 'Västerås backup line in use until the operator calls back';

const stack = new Stack();
const { login, api } = clientOf(stack);
let browser: Browser;
const contexts: BrowserContext[] = [];

/** "2026-12-01 22:43" in Europe/Stockholm. */
function stockholm(iso: string, seconds = false): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(new Date(iso));
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 1366, height: 768 } });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(stack.consoleUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
  await stack.start();
  const token = await login('admin', ADMIN_PASSWORD);
  const site = await api<{ id: string }>(token, 'POST', '/sites', {
    name: SITE_NAME,
    street: 'Tärngatan 3',
    postcode: '722 16',
    city: 'Västerås',
    municipality: 'Västerås',
  });
  await api(token, 'POST', '/transmitters', { account: ACCOUNT, siteId: site.id, inputCategory: 'FIRE' });
  const list = await api<{ id: string }>(token, 'POST', '/authorization-lists', {
    name: 'Styrelsen BRF Tärnan',
    siteIds: [site.id],
  });
  await api(token, 'POST', '/persons', { listId: list.id, name: REQUESTER, phone: '070-123 45 67', level: 'A' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack.stop();
});

describe('shift log, settings and centre time in a real browser', () => {
  it('a supervisor writes a note; the operator sees it at login until read; the supervisor sees who read it', async () => {
    const supervisor = await newPage();
    await signIn(supervisor, 'supervisor', SUPERVISOR_PASSWORD);
    await supervisor.getByTestId('nav-shift-log').click();
    await supervisor.getByTestId('shift-note-text').fill(NOTE);
    await supervisor.getByTestId('shift-note-important').check();
    await supervisor.getByTestId('shift-note-save').click();
    const written = supervisor.getByTestId('shift-note').filter({ hasText: NOTE });
    await written.waitFor({ timeout: 5_000 });
    expect(await written.getByTestId('shift-note-readers').innerText()).toBe('Read by: nobody yet');
    // Written "now": shown in Stockholm time, 24-hour, although the browser is in New York.
    const at = (await written.getByTestId('shift-note-at').getAttribute('datetime'))!;
    expect(await written.getByTestId('shift-note-at').innerText()).toBe(stockholm(at));

    const operator = await newPage();
    await signIn(operator, 'operator', OPERATOR_PASSWORD);
    const dialog = operator.getByTestId('shift-log-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.innerText()).toContain(NOTE);
    expect(await dialog.innerText()).toContain(stockholm(at));
    expect(await operator.getByTestId('shift-log-count').innerText()).toBe('1');
    // Still shown after a reload: it stays until read.
    await operator.reload();
    await dialog.waitFor({ timeout: 10_000 });
    await operator.getByTestId('shift-log-mark-read').click();
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await operator.getByTestId('shift-log-count').count()).toBe(0);
    await operator.reload();
    await operator.getByTestId('queue-count').waitFor({ timeout: 10_000 });
    await operator.getByTestId('nav-shift-log').click();
    await operator.getByTestId('shift-note').filter({ hasText: NOTE }).waitFor({ timeout: 5_000 });
    expect(await operator.getByTestId('shift-log-dialog').count()).toBe(0);
    // Operators do not see read receipts.
    expect(await operator.getByTestId('shift-note-receipts').count()).toBe(0);

    await supervisor.reload();
    await supervisor.getByTestId('queue-count').waitFor({ timeout: 10_000 });
    await supervisor.getByTestId('nav-shift-log').click();
    const seen = supervisor.getByTestId('shift-note').filter({ hasText: NOTE });
    await expect
      .poll(() => seen.getByTestId('shift-note-readers').innerText(), { timeout: 5_000 })
      .toMatch(/^Read by: .*\(\d{4}-\d\d-\d\d \d\d:\d\d\)$/);
  });

  it("refuses a longer service mode than the server's maximum with a sentence in words", async () => {
    const page = await newPage();
    await signIn(page, 'operator', OPERATOR_PASSWORD);
    await page.getByTestId('nav-directory').click();
    await page.getByTestId('directory-search').fill('Tärnan');
    await page.getByTestId('search-hit').filter({ hasText: SITE_NAME }).first().click();
    await page.getByTestId('detail-title').filter({ hasText: SITE_NAME }).waitFor({ timeout: 5_000 });
    await page.getByTestId('sm-add').click();
    await page.getByTestId('sm-requester').selectOption({ label: `${REQUESTER} (A)` });
    await page.getByTestId('sm-reason').fill('Sprinkler service');
    await page.getByTestId('sm-duration').fill('721');
    await page.getByTestId('sm-save').click();
    const error = page.getByTestId('sm-duration-error');
    await error.waitFor({ timeout: 5_000 });
    expect(await error.innerText()).toBe('Duration must be at most 12 hours (720 minutes)');
    expect(await page.getByTestId('sm-active').count()).toBe(0);
  });

  it("shows a case's times in the queue and on the case screen in Stockholm time, 24-hour", async () => {
    const response = await stack.postSignal({ account: ACCOUNT, code: 'FA', zone: '001' });
    expect(response.status).toBe(201);
    const page = await newPage();
    await signIn(page, 'operator', OPERATOR_PASSWORD);
    const row = page.getByTestId('queue-row').first();
    await row.waitFor({ timeout: 10_000 });
    const time = row.locator('time').first();
    const queuedAt = (await time.getAttribute('datetime'))!;
    expect(await time.getAttribute('title')).toBe(stockholm(queuedAt, true));
    expect(await time.getAttribute('title')).not.toMatch(/AM|PM/);

    // On the case screen too: the signal's time, 24-hour, in Stockholm time.
    await page.getByTestId('take-next').click();
    const signal = page.getByTestId('case-signal').first().locator('time');
    await signal.waitFor({ timeout: 10_000 });
    const receivedAt = (await signal.getAttribute('datetime'))!;
    expect(await signal.innerText()).toBe(stockholm(receivedAt, true).slice(11));
    expect(await signal.getAttribute('title')).toBe(stockholm(receivedAt, true));
  });
});
