import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, SUPERVISOR_PASSWORD, Stack, launchBrowser } from './stack.js';

const SITE_NAME = 'Kvarteret Måsen';
const ACCOUNT = '5D01';

// A low threshold, so a case waiting a few seconds raises the supervisor's alert.
const stack = new Stack({ SUPERVISOR_OLDEST_WAITING_SECONDS: '3' });
const { login, api } = clientOf(stack);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await stack.start();
  const token = await login('admin', ADMIN_PASSWORD);
  const site = await api<{ id: string }>(token, 'POST', '/sites', {
    name: SITE_NAME,
    street: 'Måsgatan 1',
    postcode: '722 18',
    city: 'Västerås',
    municipality: 'Västerås',
  });
  await api(token, 'POST', '/transmitters', { account: ACCOUNT, siteId: site.id, inputCategory: 'FIRE' });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('supervisor screen in a real browser', () => {
  it('raises a sounding alert when a fire case waits past the threshold, silenced by Acknowledge', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('supervisor');
    await page.getByTestId('login-password').fill(SUPERVISOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-supervisor').click();

    const screen = page.getByTestId('supervisor-screen');
    const fireWaiting = page.locator(
      '[data-testid="queue-card"][data-category="FIRE"] [data-testid="queue-card-waiting"]',
    );
    await fireWaiting.waitFor({ timeout: 10_000 });
    expect(await fireWaiting.innerText()).toBe('0');
    expect(await screen.getAttribute('data-supervisor-sound')).toBe('off');
    expect(await page.getByTestId('supervisor-alert').count()).toBe(0);
    expect(await page.getByTestId('snapshot-age').getAttribute('data-freshness')).toBe('fresh');

    const response = await stack.postSignal({ account: ACCOUNT, code: 'FA', zone: '001' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { caseId: string | null }).caseId).not.toBeNull();

    // Snapshots come every 5 s: the case shows, then waits past 3 s and the alert follows.
    await expect.poll(() => fireWaiting.innerText(), { timeout: 15_000, interval: 250 }).toBe('1');
    const banner = page.getByTestId('supervisor-alert');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.innerText()).toMatch(/A fire case has waited \d+ s \(threshold 3 s\)/);
    expect(await screen.getAttribute('data-supervisor-sound')).toBe('alert');
    expect(await fireWaiting.innerText()).toBe('1');
    const fireCard = page.locator('[data-testid="queue-card"][data-category="FIRE"]');
    expect(await fireCard.getAttribute('data-late')).toBe('true');

    await page.getByTestId('supervisor-alert-ack').click();
    expect(await screen.getAttribute('data-supervisor-sound')).toBe('off');
    // The case still waits: the banner stays, acknowledged and silent, across the next snapshots.
    expect(await banner.getAttribute('data-acknowledged')).toBe('true');
    await page.waitForTimeout(6_000);
    expect(await screen.getAttribute('data-supervisor-sound')).toBe('off');
    expect(await banner.isVisible()).toBe(true);
  });

  it("shows a person's away state and reason in the operators table", async () => {
    const token = await login('supervisor', SUPERVISOR_PASSWORD);
    const response = await fetch(`${stack.serverUrl}/api/v1/operators/me/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ state: 'AWAY', reason: 'Briefing' }),
    });
    expect(response.status).toBe(204);
    const row = page.locator('[data-testid="operator-row"]').filter({ hasText: 'Demo Supervisor' });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000, interval: 250 }).toBe('AWAY');
    expect(await row.innerText()).toContain('Briefing');
  });
});
