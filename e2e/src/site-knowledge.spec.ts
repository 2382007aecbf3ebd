import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf } from './helpers.js';
import { ADMIN_PASSWORD, API_KEY, OPERATOR_PASSWORD, Stack, launchBrowser } from './stack.js';

/**
 * Site knowledge on the case screen (issue 14) and defect 7, in a real browser: a fire case at a
 * site with zone names, instructions, hazards and a note in force. The note pops up first, the
 * zone's name is on the signal, the police step shows the number to call; an e-mail route gets no
 * call outcomes, "No answer" moves to the next phone, and a recorded call offers to tick the
 * plan's "Call contact" step, which T ticks.
 */

const SITE_NAME = 'Förskolan Björken';
const ACCOUNT = 'E5A1';
const NOTE = 'Painters on site until Friday, ignore zone 4 between 07-16';

const stack = new Stack();
const { login, api } = clientOf(stack);
let browser: Browser;
let page: Page;
let adminToken: string;
let operatorToken: string;
let callAnnaStepId: string;

beforeAll(async () => {
  await stack.start();
  adminToken = await login('admin', ADMIN_PASSWORD);
  operatorToken = await login('operator', OPERATOR_PASSWORD);
  const site = await api<{ id: string }>(adminToken, 'POST', '/sites', {
    name: SITE_NAME,
    street: 'Björkvägen 1',
    postcode: '753 20',
    city: 'Uppsala',
    municipality: 'Uppsala',
  });
  const transmitter = await api<{ id: string }>(adminToken, 'POST', '/transmitters', {
    account: ACCOUNT,
    siteId: site.id,
    protocol: 'ANY',
    inputCategory: 'FIRE',
  });
  await api(adminToken, 'PUT', `/transmitters/${transmitter.id}/zones`, {
    zones: [
      { zone: '2', name: 'Kitchen smoke detector', location: 'Above the stove' },
      { zone: '4', name: 'Hall' },
    ],
  });
  await api(adminToken, 'PUT', `/sites/${site.id}/knowledge`, {
    instructions: 'Key box at the back door, code 4711. Enter through the yard.',
    hazards: 'Gas bottles in the kitchen',
  });
  // Operators add temporary notes (here through the API; the case screen has a form too).
  await api(operatorToken, 'POST', `/sites/${site.id}/notes`, {
    text: NOTE,
    validUntil: new Date(Date.now() + 48 * 3_600_000).toISOString(),
  });
  const anna = await api<{ id: string }>(adminToken, 'POST', `/sites/${site.id}/contacts`, {
    name: 'Anna Andersson',
    routes: [
      { kind: 'PHONE', value: '070-111 11 11' },
      { kind: 'EMAIL', value: 'anna@example.se' },
    ],
  });
  await api(adminToken, 'POST', `/sites/${site.id}/contacts`, {
    name: 'Bertil Berg',
    routes: [{ kind: 'PHONE', value: '070-222 22 22' }],
  });
  const plan = await api<{ steps: { id: string; type: string }[] }>(
    adminToken,
    'PUT',
    `/sites/${site.id}/action-plans/FIRE`,
    {
      steps: [
        { type: 'CALL_CONTACT', contactId: anna.id, mandatory: true },
        { type: 'ALERT_RESCUE_SERVICE', mandatory: true },
        { type: 'ALERT_POLICE', mandatory: false },
      ],
    },
  );
  callAnnaStepId = plan.steps.find((s) => s.type === 'CALL_CONTACT')!.id;

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('site knowledge on the case', () => {
  it('pops the note up first, names the zone, shows the numbers; e-mail gets no call outcomes; T ticks the offered step', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });

    const response = await fetch(`${stack.serverUrl}/api/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ account: ACCOUNT, code: 'FA', zone: '002' }),
    });
    expect(response.status).toBe(201);
    const row = page.getByTestId('queue-row').filter({ hasText: SITE_NAME });
    await row.waitFor({ timeout: 10_000 });
    const caseId = (await row.getAttribute('data-case-id'))!;

    await page.keyboard.press('n');
    const screen = page.locator(`[data-testid="case-screen"][data-case-id="${caseId}"][data-mine="true"]`);
    await screen.waitFor({ timeout: 10_000 });

    // The note first, in a dialog that has the focus; C (close) does nothing until it is read.
    const popup = page.getByTestId('site-notes-popup');
    await popup.waitFor();
    expect(await popup.innerText()).toContain(NOTE);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('site-notes-ack');
    await page.keyboard.press('c');
    expect(await page.getByTestId('close-dialog').count()).toBe(0);
    await page.keyboard.press('Enter');
    await popup.waitFor({ state: 'detached' });
    // It stays in the site section, with the instructions and hazards.
    const knowledge = screen.getByTestId('case-site-knowledge');
    expect(await knowledge.getByTestId('site-note').innerText()).toContain(NOTE);
    expect(await knowledge.getByTestId('case-hazards').innerText()).toContain('Gas bottles in the kitchen');
    expect(await knowledge.getByTestId('case-instructions').innerText()).toContain('Key box at the back door');

    // The zone's name on the signal; the numbers on the rescue and police steps.
    expect(await screen.getByTestId('case-signal-zone').innerText()).toBe('002 — Kitchen smoke detector');
    const police = screen.locator('[data-testid="step"][data-step-type="ALERT_POLICE"]');
    expect(await police.getByTestId('step-number').innerText()).toContain('Call 112');
    expect(await police.getByTestId('step-number').innerText()).toContain('114 14');
    const rescue = screen.locator('[data-testid="step"][data-step-type="ALERT_RESCUE_SERVICE"]');
    expect(await rescue.getByTestId('step-number').innerText()).toContain('Call 112');

    // Anna's e-mail address: no call outcomes, only "Sent".
    const selected = screen.locator('[data-testid="call-target"][data-selected="true"]');
    expect(await selected.innerText()).toContain('+46701111111');
    await page.keyboard.press('ArrowDown');
    expect(await selected.innerText()).toContain('anna@example.se');
    await page.keyboard.press('2');
    expect(await screen.getByTestId('record-call-form').count()).toBe(0);
    await selected.getByTestId('record-call').click();
    const form = screen.getByTestId('record-call-form');
    await form.waitFor();
    expect(await form.getByTestId('outcome-SENT').count()).toBe(1);
    for (const outcome of ['ANSWERED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'VOICEMAIL']) {
      expect(await form.getByTestId(`outcome-${outcome}`).count(), outcome).toBe(0);
    }
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });

    // Back to Anna's phone: no answer; the selection skips her e-mail to Bertil's phone.
    await page.keyboard.press('ArrowUp');
    expect(await selected.innerText()).toContain('+46701111111');
    await page.keyboard.press('2');
    await form.waitFor();
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await waitForCount(screen.getByTestId('attempt'), 1);
    expect(await screen.getByTestId('attempt').getAttribute('data-outcome')).toBe('NO_ANSWER');
    await waitForText(selected, '+46702222222');

    // The call offers to tick "Call contact — Anna Andersson"; T ticks it.
    const offer = screen.getByTestId('tick-offer');
    await offer.waitFor();
    expect(await offer.getAttribute('data-step-id')).toBe(callAnnaStepId);
    expect(await offer.innerText()).toContain('Anna Andersson');
    await page.keyboard.press('t');
    const step = screen.locator(`[data-testid="step"][data-step-id="${callAnnaStepId}"][data-ticked="true"]`);
    await step.waitFor({ timeout: 10_000 });
    await offer.waitFor({ state: 'detached' });
    // The key is in the shortcut help.
    expect(await screen.getByTestId('shortcut-help').innerText()).toContain('tick selected step');
    await page.screenshot({ path: 'test-results/site-knowledge-case.png' });
  });
});

async function waitForCount(locator: Locator, count: number): Promise<void> {
  await locator.nth(count - 1).waitFor();
  expect(await locator.count()).toBe(count);
}

async function waitForText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor({ timeout: 5_000 });
}
