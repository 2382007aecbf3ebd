import { mkdir } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, OPERATOR_PASSWORD, Stack, launchBrowser } from './stack.js';

/**
 * The case timeline, closed cases opened read-only and the History view, in a real browser at
 * 1366×768: an operator works a fire alarm (a call, a note, a restore arriving meanwhile) and
 * closes it; the History view finds it; a new case of the same site opens the old one read-only
 * and goes back to the case being worked.
 */

const SITE_NAME = 'Villa Ekbacken';
const ACCOUNT = 'E1A7';

// Signals come over HTTP: no DC-09 receiver, so no port is shared with other stacks.
const stack = new Stack({ DC09_ENABLED: 'false' });
const { login, api: apiAs } = clientOf(stack);
/** The admin's API calls: the tests here make them all as admin. */
const api = <T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> =>
  apiAs<T>(adminToken, method, path, body);
let browser: Browser;
let page: Page;
let adminToken: string;
let fireCaseId = '';
let fireCaseNo = '';

beforeAll(async () => {
  await stack.start();
  adminToken = await login('admin', ADMIN_PASSWORD);
  const site = await api<{ id: string }>('POST', '/sites', {
    name: SITE_NAME,
    street: 'Ekbacksvägen 3',
    postcode: '722 18',
    city: 'Västerås',
    municipality: 'Västerås',
  });
  await api('POST', '/transmitters', { account: ACCOUNT, siteId: site.id, protocol: 'ANY' });
  await api('POST', `/sites/${site.id}/contacts`, {
    name: 'Anna Andersson',
    routes: [{ kind: 'PHONE', value: '070-111 11 11' }],
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await mkdir('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('the case history in a real browser', () => {
  it('shows every event of the case in order with its time and who did it, live, and the case is closed', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });

    await signal('FA', '007');
    const row = page.getByTestId('queue-row').filter({ hasText: SITE_NAME });
    await row.waitFor({ timeout: 5_000 });
    fireCaseId = (await row.getAttribute('data-case-id'))!;
    await page.keyboard.press('n');
    const screen = page.locator(`[data-testid="case-screen"][data-case-id="${fireCaseId}"][data-mine="true"]`);
    await screen.waitFor({ timeout: 5_000 });
    fireCaseNo = (await page.getByTestId('nav-case').innerText()).replace(/^Case\s+/, '');

    const timeline = screen.getByTestId('case-timeline');
    const entries = timeline.getByTestId('timeline-entry');
    await waitForTitles(entries, ['Fire alarm', 'Case opened', 'Taken']);
    expect(await entries.nth(0).innerText()).toMatch(/FA · zone 007/);
    expect(await entries.nth(2).getByTestId('timeline-by').innerText()).toBe('Demo Operator');

    // A call (answered, key 1) with a note, and a case note: each becomes a line.
    await page.keyboard.press('1');
    await screen.getByTestId('record-note').fill('Anna checks the kitchen');
    await page.keyboard.press('Enter');
    await screen.getByTestId('record-call-form').waitFor({ state: 'detached' });
    await screen.getByTestId('note-text').fill('Smoke from the oven, no fire');
    await screen.getByTestId('note-save').click();
    // The restore arrives while the case is open: the timeline shows it without a reload.
    await signal('FR', '007');
    await waitForTitles(entries, [
      'Fire alarm',
      'Case opened',
      'Taken',
      'Called Anna Andersson: Answered',
      'Note',
      'Restore: Fire restore',
    ]);
    const texts = await entries.allInnerTexts();
    expect(texts[3]).toContain('Anna checks the kitchen');
    expect(texts[4]).toContain('Smoke from the oven, no fire');
    // Times in the centre's zone, 24-hour, in order.
    for (const text of texts) expect(text).toMatch(/^\d{2}:\d{2}:\d{2}/);
    const at = await entries.evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('data-at')!)));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // At 1366×768 the newest line is on screen without scrolling the page. (Filling the note
    // field scrolled the page down to it: the left column is longer than the screen.)
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const newest = await entries.last().boundingBox();
    expect(newest).not.toBeNull();
    expect(newest!.y).toBeGreaterThanOrEqual(0);
    expect(newest!.y + newest!.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: 'test-results/case-timeline-1366x768.png' });

    await page.keyboard.press('c');
    const dialog = screen.getByTestId('close-dialog');
    await dialog.getByTestId('close-result').selectOption('FALSE_ALARM_USER_ERROR');
    await dialog.getByTestId('close-save').click();
    await screen.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.getByTestId('case-notice').innerText()).toContain('closed: False alarm');
  });

  it('the History view finds the closed case by site name and by category and result, and opens it read-only', async () => {
    await page.getByTestId('nav-history').click();
    const history = page.getByTestId('history');
    await history.waitFor();
    await history.getByTestId('history-site').fill('ekback');
    await history.getByTestId('history-search').click();
    const rows = history.getByTestId('history-row');
    await waitForIds(rows, [fireCaseId]);
    expect(await rows.first().innerText()).toContain(SITE_NAME);
    expect(await rows.first().getByTestId('history-row-result').innerText()).toBe('False alarm (user error)');

    await history.getByTestId('history-site').fill('');
    await history.getByTestId('history-category').selectOption('INTRUSION');
    await history.getByTestId('history-search').click();
    await history.getByTestId('history-empty').waitFor();
    await history.getByTestId('history-category').selectOption('FIRE');
    await history.getByTestId('history-result').selectOption('FALSE_ALARM_USER_ERROR');
    await history.getByTestId('history-search').click();
    await waitForIds(rows, [fireCaseId]);

    await rows.first().getByTestId('history-open').click();
    const readOnly = page.locator(`[data-testid="read-only-case"][data-case-id="${fireCaseId}"]`);
    await readOnly.waitFor({ timeout: 5_000 });
    expect(await readOnly.getByTestId('read-only-banner').innerText()).toContain('Closed case — read only');
    await waitForTitles(readOnly.getByTestId('timeline-entry'), [
      'Fire alarm',
      'Case opened',
      'Taken',
      'Called Anna Andersson: Answered',
      'Note',
      'Restore: Fire restore',
      'Closed: False alarm (user error)',
    ]);
    // No actions: no close, put back, call or note form.
    for (const id of ['close-case', 'put-back', 'record-call-form', 'note-text', 'step-tick']) {
      expect(await page.getByTestId(id).count(), id).toBe(0);
    }
    await readOnly.getByTestId('read-only-back').click();
    await waitForIds(rows, [fireCaseId]);
  });

  it('an earlier case opened from a new case of the site is read-only, and back returns to the held case', async () => {
    await signal('BA', '003');
    const row = page.getByTestId('queue-row').filter({ hasText: SITE_NAME });
    await page.getByTestId('nav-queue').click();
    await row.waitFor({ timeout: 5_000 });
    const caseId = (await row.getAttribute('data-case-id'))!;
    await page.keyboard.press('n');
    const screen = page.locator(`[data-testid="case-screen"][data-case-id="${caseId}"][data-mine="true"]`);
    await screen.waitFor({ timeout: 5_000 });

    const earlier = screen.locator(`[data-testid="earlier-case"][data-case-id="${fireCaseId}"]`);
    await earlier.getByTestId('earlier-case-open').click();
    const readOnly = page.locator(`[data-testid="read-only-case"][data-case-id="${fireCaseId}"]`);
    await readOnly.waitFor({ timeout: 5_000 });
    expect(await readOnly.getByTestId('read-only-banner').innerText()).toContain('Closed case — read only');
    expect(await readOnly.getByTestId('read-only-result').innerText()).toContain('False alarm (user error)');
    expect(await page.getByTestId('close-case').count()).toBe(0);
    // The held case is still the operator's, and back leads to it.
    const back = readOnly.getByTestId('read-only-back');
    const workingNo = (await page.getByTestId('nav-case').innerText()).replace(/^Case\s+/, '');
    expect(workingNo).not.toBe(fireCaseNo);
    expect(await back.innerText()).toContain(`Back to case ${workingNo}`);
    const held = await api<{ summary: { status: string; heldBy: { name: string } | null } }>('GET', `/cases/${caseId}`);
    expect(held.summary).toMatchObject({ status: 'ACCEPTED', heldBy: { name: 'Demo Operator' } });
    await back.click();
    await screen.waitFor({ timeout: 5_000 });
    expect(await screen.getByTestId('close-case').count()).toBe(1);
    await waitForTitles(screen.getByTestId('timeline-entry'), ['Burglary alarm', 'Case opened', 'Taken']);
  });
});

async function signal(code: string, zone: string): Promise<void> {
  const response = await stack.postSignal({ account: ACCOUNT, code, zone });
  expect(response.status, await response.clone().text()).toBe(201);
}

async function waitForTitles(entries: Locator, titles: string[]): Promise<void> {
  await expect
    .poll(
      () =>
        entries.evaluateAll((els) => els.map((el) => el.querySelector('[data-testid="timeline-title"]')?.textContent)),
      {
        timeout: 5_000,
        interval: 100,
      },
    )
    .toEqual(titles);
}

async function waitForIds(rows: Locator, ids: string[]): Promise<void> {
  await expect
    .poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-case-id'))), {
      timeout: 5_000,
      interval: 100,
    })
    .toEqual(ids);
}
