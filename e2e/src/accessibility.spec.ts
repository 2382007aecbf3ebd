import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusIsVisible, screenshot, seriousViolations } from './a11y.js';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, Stack, launchBrowser } from './stack.js';

/**
 * Every screen, in Swedish at 1366×768, checked by axe (no serious or critical WCAG 2.1 A/AA
 * violation) and by keyboard (Tab reaches a control and its focus is visible). With
 * ARC_SCREENSHOTS=1 each screen is saved as docs/screenshots/sv-<screen>.png.
 */
const stack = new Stack();
const { login, api } = clientOf(stack);
let browser: Browser;
let page: Page;
let token: string;

const CUSTOMER = { customerNo: 'K-501', name: 'Bostadsbolaget Ängen AB', orgNo: null };

beforeAll(async () => {
  await stack.start();
  token = await login('admin', ADMIN_PASSWORD);
  const customer = await api<{ id: string }>(token, 'POST', '/customers', CUSTOMER);
  await api(token, 'POST', '/contracts', {
    contractNo: 'A-1001',
    customerId: customer.id,
    managerName: 'Åsa Öberg',
    managerPhone: '070-765 43 21',
    yearlyEventQuota: 12,
    startDate: '2026-01-01',
    termMonths: 36,
  });
  const site = await api<{ id: string }>(token, 'POST', '/sites', {
    name: 'Kvarteret Örnen',
    street: 'Örngatan 3',
    postcode: '722 11',
    city: 'Västerås',
    municipality: 'Västerås',
  });
  const siteId = site.id;
  await api(token, 'POST', '/transmitters', { account: '7001', siteId, protocol: 'SIA-DCS', inputCategory: 'FIRE' });
  await api(token, 'POST', `/sites/${siteId}/contacts`, {
    name: 'Örjan Åberg',
    routes: [{ kind: 'PHONE', value: '070-123 45 67' }],
  });
  await api(token, 'POST', '/on-call-rosters', {
    name: 'Fastighetsjour Västerås',
    rotationStart: '2026-11-02',
    members: [
      { name: 'Åke Ström', phone: '070-111 22 33' },
      { name: 'Märta Öhman', phone: '070-444 55 66' },
    ],
  });
  const company = await api<{ id: string }>(token, 'POST', '/service-companies', {
    name: 'Örebro Larmservice AB',
    orgNo: null,
    siteIds: [siteId],
  });
  await api(token, 'POST', `/service-companies/${company.id}/approvals`, {
    kind: 'FIRE_CERTIFICATE',
    personId: null,
    reference: 'SBSC-4711',
    validFrom: '2025-01-01',
    validTo: new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10),
  });
  await api(token, 'PUT', `/sites/${siteId}/action-plans/FIRE`, {
    steps: [{ type: 'ALERT_RESCUE_SERVICE', mandatory: true }],
  });
  expect((await stack.postSignal({ account: '7001', code: 'FA', zone: '003' })).status).toBe(201);
  browser = await launchBrowser('sv');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

async function check(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, `sv-${name}`);
  expect(await page.evaluate(() => document.documentElement.lang), name).toBe('sv');
  expect(await seriousViolations(page), name).toEqual([]);
}

async function tabFocusVisible(name: string): Promise<void> {
  await page.keyboard.press('Tab');
  const focus = await focusIsVisible(page);
  expect(focus, name).toMatchObject({ visible: true });
}

describe('every screen, in Swedish, by axe and by keyboard', () => {
  it('the checks can fail: a nameless button and an image without text are found', async () => {
    const probe = await browser.newPage();
    await probe.setContent('<html lang="sv"><body><main><button></button><img src="data:,"></main></body></html>');
    const found = await seriousViolations(probe);
    expect(found.some((line) => line.startsWith('button-name'))).toBe(true);
    expect(found.some((line) => line.startsWith('image-alt'))).toBe(true);
    await probe.getByRole('button').focus();
    await probe.addStyleTag({ content: 'button:focus { outline: none; box-shadow: none; }' });
    expect((await focusIsVisible(probe)).visible).toBe(false);
    await probe.close();
  });

  it('the sign-in page', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').waitFor();
    await check('login');
    await page.getByTestId('login-username').focus();
    await tabFocusVisible('login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });
  });

  it('the queue, with an alarm waiting', async () => {
    await page.getByTestId('queue-row').first().waitFor();
    await check('queue');
    await page.getByTestId('nav-queue').focus();
    await tabFocusVisible('queue');
  });

  it('the case screen', async () => {
    // Keyboard only: N takes the top case.
    await page.keyboard.press('n');
    await page.locator('[data-testid="case-screen"][data-mine="true"]').waitFor({ timeout: 10_000 });
    await check('case');
    // The Swedish words, the administrator's full navigation and the case's tab still fit the
    // header on one line at 1366 px.
    const header = await page.locator('.shell__header').evaluate((element) => {
      const nav = element.querySelector('.top-nav')!;
      const controls = [...element.querySelectorAll('button, .queue-count, .connection-indicator, .shell__title')];
      return {
        height: element.getBoundingClientRect().height,
        right: Math.max(...controls.map((c) => c.getBoundingClientRect().right)),
        navClipped: nav.scrollWidth > nav.clientWidth + 1,
      };
    });
    expect(header.height).toBeLessThan(52);
    expect(header.right).toBeLessThanOrEqual(1366);
    expect(header.navClipped).toBe(false);
  });

  const views: { nav: string; name: string; ready: string }[] = [
    { nav: 'nav-intake', name: 'intake', ready: 'intake-search' },
    { nav: 'nav-history', name: 'history', ready: 'history' },
    { nav: 'nav-supervisor', name: 'supervisor', ready: 'supervisor-screen' },
    { nav: 'nav-directory', name: 'directory', ready: 'directory-search' },
    { nav: 'nav-shift-log', name: 'shift-log', ready: 'shift-log' },
  ];
  for (const view of views) {
    it(`the ${view.name} screen`, async () => {
      await page.getByTestId(view.nav).click();
      await page.getByTestId(view.ready).first().waitFor({ timeout: 10_000 });
      await check(view.name);
      await page.getByTestId(view.nav).focus();
      await tabFocusVisible(view.name);
    });
  }

  it('a site in the directory', async () => {
    await page.getByTestId('nav-directory').click();
    await page.getByTestId('directory-search').fill('Örnen');
    await page.getByTestId('search-hit').first().click();
    await page.getByTestId('detail-title').waitFor({ timeout: 10_000 });
    await check('site');
  });

  for (const section of ['customers', 'rosters', 'service-companies', 'users', 'audit']) {
    it(`administration: ${section}`, async () => {
      await page.getByTestId('nav-admin').click();
      await page.getByTestId(`admin-tab-${section}`).click();
      await page.getByTestId(section === 'users' ? 'users-screen' : `admin-${section}`).waitFor({ timeout: 10_000 });
      await check(section === 'users' ? 'users' : `admin-${section}`);
      // Arrow keys move between the tabs, and the focus shows.
      await page.getByTestId(`admin-tab-${section}`).focus();
      await page.keyboard.press('ArrowRight');
      expect((await focusIsVisible(page)).visible).toBe(true);
    });
  }
});
