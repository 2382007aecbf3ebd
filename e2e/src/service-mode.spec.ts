import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, OPERATOR_PASSWORD, Stack, launchBrowser } from './stack.js';

const SITE_NAME = 'Kvarteret Hägern';
const ACCOUNT = '5A01';
const REQUESTER = 'Agnes Andersson';

const stack = new Stack();
const { login, api } = clientOf(stack);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await stack.start();
  // The directory as an administrator would have entered it: a site with a fire transmitter and
  // an authorization list whose A-level person may ask for service mode.
  const token = await login('admin', ADMIN_PASSWORD);
  const site = await api<{ id: string }>(token, 'POST', '/sites', {
    name: SITE_NAME,
    street: 'Hägergatan 3',
    postcode: '722 16',
    city: 'Västerås',
    municipality: 'Västerås',
  });
  await api(token, 'POST', '/transmitters', { account: ACCOUNT, siteId: site.id, inputCategory: 'FIRE' });
  const list = await api<{ id: string }>(token, 'POST', '/authorization-lists', {
    name: 'Styrelsen BRF Hägern',
    siteIds: [site.id],
  });
  await api(token, 'POST', '/persons', { listId: list.id, name: REQUESTER, phone: '070-123 45 67', level: 'A' });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('service mode in a real browser', () => {
  it('suppresses a fire alarm during service mode and raises it when service mode ends while still active', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });

    await page.getByTestId('nav-directory').click();
    await page.getByTestId('directory-search').fill('Hägern');
    await page.getByTestId('search-hit').filter({ hasText: SITE_NAME }).first().click();
    await page.getByTestId('detail-title').filter({ hasText: SITE_NAME }).waitFor({ timeout: 5_000 });

    // An operator sets service mode on the caller's request, from the site page.
    await page.getByTestId('sm-add').click();
    await page.getByTestId('sm-requester').selectOption({ label: `${REQUESTER} (A)` });
    expect(await page.getByTestId('sm-verdict').getAttribute('data-allowed')).toBe('true');
    expect(await page.getByTestId('sm-duration').inputValue()).toBe('60');
    await page.getByTestId('sm-reason').fill('Sprinkler service');
    await page.getByTestId('sm-save').click();
    const inForce = page.locator(`[data-testid="sm-transmitter"][data-account="${ACCOUNT}"] [data-testid="sm-active"]`);
    await inForce.waitFor({ timeout: 5_000 });
    expect(await inForce.innerText()).toContain(`asked by ${REQUESTER} (A)`);

    // A fire alarm during service mode is stored but opens no case.
    const response = await stack.postSignal({ account: ACCOUNT, code: 'FA', zone: '001' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { caseId: string | null }).caseId).toBeNull();

    await expect
      .poll(
        async () => {
          await page.getByTestId('sl-refresh').click();
          return signalDecisions(page);
        },
        { timeout: 10_000, interval: 500 },
      )
      .toEqual(['SUPPRESSED']);
    expect(await stack.query(`SELECT id FROM cases`)).toEqual([]);
    await page.getByTestId('nav-queue').click();
    await page.getByTestId('queue-count').waitFor();
    expect(await page.getByTestId('queue-row').count()).toBe(0);

    // Ending it early: the alarm was never restored, so it becomes a case now.
    await page.getByTestId('nav-directory').click();
    await inForce.getByTestId('sm-end').click();
    await inForce.waitFor({ state: 'detached', timeout: 5_000 });
    await page.getByTestId('sm-recent').first().waitFor({ timeout: 5_000 });

    await page.getByTestId('nav-queue').click();
    const row = page.getByTestId('queue-row').filter({ hasText: SITE_NAME });
    await row.first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('queue-row').count()).toBe(1);
    expect(await row.first().getAttribute('data-category')).toBe('FIRE');
    expect(await row.first().innerText()).toMatch(/active at end of service mode/i);
    const caseNo = (await row.first().locator('.queue-row__case-no').innerText()).trim();

    // The signal keeps its decision and now points at the case it raised.
    await page.getByTestId('nav-directory').click();
    const signal = page.locator('[data-testid="signal-row"][data-decision="SUPPRESSED"]');
    await expect
      .poll(
        async () => {
          await page.getByTestId('sl-refresh').click();
          return signal.getByTestId('signal-case').innerText();
        },
        { timeout: 5_000, interval: 500 },
      )
      .toBe(caseNo);
  });
});

function signalDecisions(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('signal-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-decision')));
}
