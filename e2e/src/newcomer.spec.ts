import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, API_KEY, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, Stack, launchBrowser } from './stack.js';

/**
 * The README's "what to try" of the demo, as a newcomer does it, on the demo's own seed
 * (seed-demo.js, as demo.sh runs it): take a fire alarm of a live demo site and see its action
 * plan and contacts, close it; verify a caller named in the seed's output with the password
 * printed there; set a service mode on the site.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = 'Förskolan Solrosen';
const ACCOUNT = '1004';
const CALLER = 'Anna Berg';

const stack = new Stack();
let browser: Browser;
let page: Page;
let password: string;

beforeAll(async () => {
  await stack.start();
  // The server has migrated the database; the demo seed runs against it as demo.sh runs it.
  const { stdout } = await promisify(execFile)(process.execPath, [`${ROOT}apps/server/dist/cli/seed-demo.js`], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: stack.databaseUrl,
      JWT_SECRET: 'e2e-jwt-secret-that-is-long-enough-012345',
      INGEST_API_KEYS: API_KEY,
      DEMO_OPERATOR_PASSWORD: OPERATOR_PASSWORD,
      DEMO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DEMO_SUPERVISOR_PASSWORD: SUPERVISOR_PASSWORD,
      DEMO_CALLER_SECRET: 'e2e-demo-caller-secret',
      LOG_LEVEL: 'warn',
    },
  });
  const line = stdout
    .split('\n')
    .find((l) => l.startsWith(`Verify caller: ${CALLER} (site ${SITE}, account ${ACCOUNT}`));
  expect(line, stdout).toBeDefined();
  password = / password (\S+)$/.exec(line!)![1]!;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe("a newcomer's walk through the demo", () => {
  it('takes a fire alarm with its plan and contacts, verifies the printed caller, sets a service mode', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });

    // A fire alarm from the demo preschool (over HTTP ingest; the feed would send it over DC-09).
    const posted = await stack.postSignal({ account: ACCOUNT, code: 'FA', zone: '003' });
    expect(posted.status).toBe(201);
    const row = page.getByTestId('queue-row').filter({ hasText: SITE });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-category')).toBe('FIRE');
    const caseId = (await row.getAttribute('data-case-id'))!;

    // N takes it; the case shows the site's fire plan and its contacts, not "No action plan".
    await page.keyboard.press('n');
    const screen = page.locator(`[data-testid="case-screen"][data-case-id="${caseId}"][data-mine="true"]`);
    await screen.waitFor({ timeout: 5_000 });
    // The preschool's temporary note (seeded for the demo) pops up first; Enter closes it.
    const popup = page.getByTestId('site-notes-popup');
    await popup.waitFor({ timeout: 5_000 });
    expect(await popup.innerText()).toContain('Fire drill');
    await page.keyboard.press('Enter');
    await popup.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await screen.getByTestId('case-site-name').innerText()).toBe(SITE);
    expect(await screen.getByTestId('case-hazards').innerText()).toMatch(/children/);
    expect(await screen.getByTestId('case-signal-zone').first().innerText()).toBe('003 — Kitchen smoke detector');
    const steps = screen.getByTestId('step');
    await waitForCount(steps, 4);
    expect(await screen.innerText()).not.toContain('No action plan');
    expect(await steps.first().innerText()).toMatch(/rescue service/i);
    expect(await screen.getByTestId('call-target').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(CALLER)]),
    );

    // The mandatory steps ticked, then C closes it.
    const mandatory = screen.locator('[data-testid="step"][data-mandatory="true"]');
    const count = await mandatory.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i += 1) {
      const step = mandatory.nth(i);
      const stepId = (await step.getAttribute('data-step-id'))!;
      await step.getByTestId('step-tick').click();
      await step.getByTestId('step-note').fill('Done');
      await step.getByTestId('step-save').click();
      await screen.locator(`[data-testid="step"][data-step-id="${stepId}"][data-ticked="true"]`).waitFor();
    }
    await page.keyboard.press('c');
    const dialog = screen.getByTestId('close-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('close-result').selectOption('REAL_ALARM');
    await dialog.getByTestId('close-note').fill('Rescue service on site');
    await dialog.getByTestId('close-save').click();
    await screen.waitFor({ state: 'detached', timeout: 5_000 });
    await page.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`).waitFor({ state: 'detached' });

    // Intake: the caller names the preschool (with a typo in each word), is verified with the
    // password the demo printed, and puts the site in service mode.
    await page.keyboard.press('F2');
    await page.getByTestId('intake-call-timer').waitFor({ timeout: 5_000 });
    await page.getByTestId('intake-search').fill('Solrsen Upsala');
    await page.getByTestId('intake-hit').filter({ hasText: SITE }).first().waitFor({ timeout: 5_000 });
    const hits = await page.getByTestId('intake-hit').allInnerTexts();
    for (let i = 0; i < hits.findIndex((h) => h.includes(SITE)); i += 1) {
      await page.getByTestId('intake-search').press('ArrowDown');
    }
    await page.getByTestId('intake-search').press('Enter');
    await page.getByTestId('intake-site').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('intake-site-name').innerText()).toBe(SITE);

    await page.getByTestId('intake-caller').selectOption({ label: `${CALLER} (level A)` });
    await page.getByTestId('intake-password').fill(password);
    await page.getByTestId('intake-verify').click();
    await expect
      .poll(() => page.getByTestId('intake-verification').getAttribute('data-result'), { timeout: 5_000 })
      .toBe('VERIFIED');
    expect(await page.getByTestId('intake-verified-person').innerText()).toBe(CALLER);

    await page.getByTestId('intake-sm-duration').fill('60');
    await page.getByTestId('intake-sm-reason').fill('Kitchen renovation, dust');
    await page.getByTestId('intake-sm-submit').click();
    await page.getByTestId('intake-sm-result').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('intake-sm-result').innerText()).toContain(`Service mode set on ${ACCOUNT}`);
    const modes = await stack.query<{ requested_by_name: string }>(
      `SELECT m.requested_by_name FROM service_modes m JOIN transmitters t ON t.id = m.transmitter_id
        WHERE t.account = $1 AND m.ends_at > now()`,
      [ACCOUNT],
    );
    expect(modes).toEqual([{ requested_by_name: CALLER }]);
    await page.screenshot({ path: `${ROOT}test-results/newcomer-intake.png` });
  });
});

async function waitForCount(locator: Locator, count: number): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: 5_000, interval: 100 }).toBe(count);
}
