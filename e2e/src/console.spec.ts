import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { OPERATOR_PASSWORD, Stack, launchBrowser } from './stack.js';

const stack = new Stack();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await stack.start();
  await stack.query(`SELECT 1`);
  const [site] = await stack.query<{ id: string }>(
    `INSERT INTO sites (name, street, postcode, city, municipality)
     VALUES ('Kvarteret Svalan', 'Storgatan 5', '722 15', 'Västerås', 'Västerås') RETURNING id`,
  );
  await stack.query(`INSERT INTO transmitters (account, site_id) VALUES ('1001', $1)`, [site!.id]);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('operator console in a real browser', () => {
  it('logs in, and a posted signal appears in the queue within 2 seconds without a reload', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expectText(page.getByTestId('login-error'), /Invalid username or password/);

    await page.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });
    // A marker that a page reload would wipe out.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const posted = Date.now();
    const response = await stack.postSignal({ account: '1001', code: 'FA', zone: '007' });
    expect(response.status).toBe(201);
    const { caseId } = (await response.json()) as { caseId: string };
    const row = page.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`);
    await row.waitFor({ timeout: 2_000 });
    const latency = Date.now() - posted;
    console.warn(`signal posted -> row on screen: ${latency} ms`);
    expect(latency).toBeLessThan(2_000);
    expect(await row.getAttribute('data-category')).toBe('FIRE');
    expect(await row.innerText()).toContain('Kvarteret Svalan');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('shows the lost connection, reconnects by itself after a server restart and keeps every case', async () => {
    const rowsBefore = await page.getByTestId('queue-row').count();
    expect(rowsBefore).toBe(1);
    await stack.killServer();
    await page.getByTestId('connection-banner').waitFor({ state: 'visible', timeout: 10_000 });

    await stack.startServer();
    await page.getByTestId('connection-banner').waitFor({ state: 'hidden', timeout: 20_000 });
    expect(await page.getByTestId('queue-row').count()).toBe(rowsBefore);

    const response = await stack.postSignal({ account: '1001', code: 'BA', zone: '003' });
    const { caseId } = (await response.json()) as { caseId: string };
    await page.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`).waitFor({ timeout: 2_000 });
    expect(await page.getByTestId('queue-row').count()).toBe(rowsBefore + 1);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });
});

async function expectText(locator: ReturnType<Page['getByTestId']>, pattern: RegExp): Promise<void> {
  await locator.waitFor({ timeout: 5_000 });
  expect(await locator.innerText()).toMatch(pattern);
}
