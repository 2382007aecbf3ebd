import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, SUPERVISOR_PASSWORD, Stack, launchBrowser } from './stack.js';

/**
 * The queue screen at 1366×768 with a real queue: dense rows, the header on one line, filter
 * and search, a site's simultaneous cases grouped, the day theme, and the supervisor's alert
 * naming the fire case while a technical case has waited longer.
 */
const WIDTH = 1366;
const HEIGHT = 768;
const SITES = 22;
const GROUP_SITE = 'Förskolan Lärkan 0';
const TECH_SITE = 'Teknikhuset 1';

// A low threshold, so the waiting cases raise the supervisor's alert within seconds.
const stack = new Stack({ SUPERVISOR_OLDEST_WAITING_SECONDS: '3' });
const { login, api } = clientOf(stack);
let browser: Browser;
let page: Page;

const account = (i: number) => `E${(100 + i).toString()}`;
const siteName = (i: number) => (i === 0 ? GROUP_SITE : i === 1 ? TECH_SITE : `Kvarteret Lyktan ${i}`);

beforeAll(async () => {
  await stack.start();
  const token = await login('admin', ADMIN_PASSWORD);
  for (let i = 0; i < SITES; i += 1) {
    const site = await api<{ id: string }>(token, 'POST', '/sites', {
      name: siteName(i),
      street: `Lyktgatan ${i + 1}`,
      postcode: '722 19',
      city: 'Västerås',
      municipality: 'Västerås',
    });
    await api(token, 'POST', '/transmitters', { account: account(i), siteId: site.id, inputCategory: 'INTRUSION' });
  }
  // The technical case first, so it has waited longest; then a fire and a burglary at one
  // preschool (two cases of one site), then one alarm from every other site.
  await signal(account(1), 'FT');
  await signal(account(0), 'FA');
  await signal(account(0), 'BA');
  for (let i = 2; i < SITES; i += 1) await signal(account(i), i % 5 === 0 ? 'HA' : i % 3 === 0 ? 'FA' : 'BA');

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  await mkdir('test-results', { recursive: true });
  await page.goto(stack.consoleUrl);
  await page.getByTestId('login-username').fill('supervisor');
  await page.getByTestId('login-password').fill(SUPERVISOR_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('queue-scroller').waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (n) => Number(document.querySelector('.queue-table')?.getAttribute('data-case-count')) >= n,
    SITES + 1,
    { timeout: 10_000 },
  );
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('the queue screen at 1366×768', () => {
  it('shows at least 12 queue rows without scrolling, the header on one line, in both themes', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await visibleRows()).toBeGreaterThanOrEqual(12);
    await expectHeaderOnOneLine();
    await page.screenshot({ path: 'test-results/queue-1366x768-dark.png' });

    await page.getByTestId('user-menu').click();
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('day');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-menu-panel').waitFor({ state: 'detached' });
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(238, 241, 244)');
    expect(await visibleRows()).toBeGreaterThanOrEqual(12);
    await expectHeaderOnOneLine();
    await page.screenshot({ path: 'test-results/queue-1366x768-day.png' });

    // Kept in this browser: a reload comes back in the day theme.
    await page.reload();
    await page.getByTestId('queue-scroller').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('day');
    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('theme-toggle').getAttribute('data-theme')).toBe('day');
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('groups the two cases of one site under a header, most urgent category first', async () => {
    const group = page.getByTestId('queue-group').filter({ hasText: GROUP_SITE });
    await group.waitFor({ timeout: 5_000 });
    expect(await group.getAttribute('data-count')).toBe('2');
    expect(await group.getAttribute('data-category')).toBe('FIRE');
    const grouped = page.locator('[data-testid="queue-row"][data-grouped="true"]').filter({ hasText: GROUP_SITE });
    expect(await grouped.count()).toBe(2);
    expect(await grouped.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-category')))).toEqual([
      'FIRE',
      'INTRUSION',
    ]);
    // The rows follow their header directly.
    const order = await page
      .locator('[data-testid="queue-group"], [data-testid="queue-row"]')
      .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    const at = order.findIndex((text) => text.startsWith(GROUP_SITE));
    expect(order[at + 1]).toContain(GROUP_SITE);
    expect(order[at + 2]).toContain(GROUP_SITE);
  });

  let total = 0;

  it('filters by category and by search text, says what is hidden, and keeps the filter across a reload', async () => {
    total = await caseCount();
    await page.getByTestId('queue-filter-category-TECHNICAL').click();
    const rows = page.getByTestId('queue-row');
    await expect
      .poll(() => rows.evaluateAll((r) => [...new Set(r.map((row) => row.getAttribute('data-category')))]))
      .toEqual(['TECHNICAL']);
    expect(await rows.filter({ hasText: TECH_SITE }).count()).toBe(1);
    const shown = await rows.count();
    const notice = page.getByTestId('queue-filter-notice');
    expect(await notice.getByTestId('queue-filter-count').innerText()).toBe(
      `Filtered: ${shown} of ${total} cases shown`,
    );
    expect(await notice.getByTestId('queue-filter-hidden-urgent').innerText()).toMatch(
      /^\d+ fire and \d+ hold-up waiting cases hidden$/,
    );

    await page.reload();
    await page.getByTestId('queue-filter-notice').waitFor({ timeout: 15_000 });
    // Connected and loaded: no banner comes or goes above the notice while it is clicked.
    await page.locator('.connection-indicator[data-status="connected"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('queue-row').first().waitFor({ timeout: 15_000 });
    // The first key press unlocks the sound and takes the "sound is off" notice away; the click
    // below must not be the gesture that moves the page under the pointer.
    await page.keyboard.press('Shift');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="shell"]')?.getAttribute('data-audio') !== 'locked',
    );
    expect(await page.getByTestId('queue-filter-category-TECHNICAL').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('queue-filter-clear').click();
    await expect.poll(() => page.getByTestId('queue-filter-notice').count()).toBe(0);

    await page.getByTestId('queue-filter-search').fill('larkan');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((r, name) => r.map((row) => row.textContent?.includes(name)), GROUP_SITE)).toEqual([
      true,
      true,
    ]);
    expect(await page.getByTestId('queue-filter-count').innerText()).toBe(`Filtered: 2 of ${total} cases shown`);
    await page.getByTestId('queue-filter-search').fill(account(7));
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('queue-filter-clear').click();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(12);
  });

  it('keeps the header on one line with an open case’s tab in the nav', async () => {
    await page.locator('body').click({ position: { x: 5, y: 760 } });
    await page.keyboard.press('n');
    await page.locator('[data-testid="case-screen"][data-mine="true"]').waitFor({ timeout: 10_000 });
    await page.getByTestId('nav-queue').click();
    await page.getByTestId('nav-case').waitFor();
    await expectHeaderOnOneLine();
  });

  it('names the waiting fire case in the supervisor alert, not the longer-waiting technical one', async () => {
    await page.getByTestId('nav-supervisor').click();
    const banner = page.getByTestId('supervisor-alert');
    await banner.waitFor({ timeout: 20_000 });
    const item = banner.locator('li[data-kind="OLDEST_WAITING"]');
    expect(await item.getAttribute('data-category')).toBe('FIRE');
    const text = await item.innerText();
    expect(text).toMatch(/^A fire case has waited (\d+ min )?\d+ s \(threshold 3 s\): \S+ at /);
    expect(text).not.toMatch(/technical case/);
    expect(await banner.getByTestId('supervisor-alert-counts').innerText()).toMatch(/fire[\s\S]*technical/);
  });
});

/** Queue rows wholly inside the viewport. */
async function visibleRows(): Promise<number> {
  const boxes = await page.getByTestId('queue-row').evaluateAll((rows) =>
    rows.map((row) => {
      const box = row.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom };
    }),
  );
  return boxes.filter((b) => b.top >= 0 && b.bottom <= HEIGHT).length;
}

async function caseCount(): Promise<number> {
  return Number(await page.locator('.queue-table').getAttribute('data-case-count'));
}

/** Every control of the header on one line: the header is one control high. */
async function expectHeaderOnOneLine(): Promise<void> {
  const { height, boxes, navClipped } = await page.locator('.shell__header').evaluate((header) => {
    const nav = header.querySelector('.top-nav')!;
    return {
      height: header.getBoundingClientRect().height,
      boxes: [...header.querySelectorAll('button, .queue-count, .connection-indicator, .shell__title')].map(
        (element) => {
          const box = element.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom, right: box.right };
        },
      ),
      navClipped: nav.scrollWidth > nav.clientWidth + 1,
    };
  });
  // One control high (no control below another), nothing past the right edge, no nav item hidden.
  expect(height).toBeLessThan(52);
  for (const box of boxes) {
    expect(box.top).toBeLessThan(height / 2);
    expect(box.bottom).toBeGreaterThan(height / 2);
    expect(box.right).toBeLessThanOrEqual(WIDTH);
  }
  expect(navClipped).toBe(false);
}

async function signal(acct: string, code: string): Promise<void> {
  const response = await stack.postSignal({ account: acct, code, zone: '001' });
  expect(response.status).toBe(201);
}
