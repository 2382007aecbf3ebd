import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, Stack, launchBrowser } from './stack.js';

const stack = new Stack();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await stack.start();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('directory admin in a real browser', () => {
  it('creates a site with a transmitter, finds it with a typo, and keeps a reordered action plan', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    // The queue stays the first screen after login.
    await page.getByTestId('queue-count').waitFor({ timeout: 10_000 });

    await page.getByTestId('nav-directory').click();
    await page.getByTestId('new-site').click();
    await page.getByTestId('site-name').fill('Lagerhuset Kopparlunden');
    await page.getByTestId('site-street').fill('Kopparbergsvägen 10');
    await page.getByTestId('site-postcode').fill('722 13');
    await page.getByTestId('site-city').fill('Västerås');
    await page.getByTestId('site-municipality').fill('Västerås');
    await page.getByTestId('site-save').click();
    await expectText(page.getByTestId('detail-title'), /Lagerhuset Kopparlunden/);

    await page.getByTestId('tx-add').click();
    await page.getByTestId('tx-account').fill('7a01');
    await page.getByTestId('tx-protocol').selectOption('SIA-DCS');
    await page.getByTestId('tx-key').fill('0123456789abcdef0123456789ABCDEF');
    await page.getByTestId('tx-key-format').selectOption('hex');
    await page.getByTestId('tx-require-encryption').check();
    await page.getByTestId('tx-save').click();
    const transmitter = page.locator('[data-testid="transmitter-row"][data-account="7A01"]');
    await transmitter.waitFor({ timeout: 5_000 });
    expect(await transmitter.getByTestId('transmitter-encrypted').innerText()).toMatch(/yes.*REQUIRED/s);

    // Back to the search, with a typo in the site name.
    await page.getByTestId('detail-back').click();
    await page.getByTestId('directory-search').fill('Kopparlundn');
    const hit = page.getByTestId('search-hit').filter({ hasText: 'Lagerhuset Kopparlunden' });
    await hit.first().waitFor({ timeout: 5_000 });
    const hitText = await hit.first().innerText();
    expect(hitText).toContain('Västerås municipality');
    expect(hitText).toContain('7A01');
    await hit.first().click();
    await expectText(page.getByTestId('detail-title'), /Lagerhuset Kopparlunden/);

    await addContact(page, 'Anna Andersson', '070-123 45 67');
    await addContact(page, 'Bertil Berg', '070-765 43 21');
    expect(await contactNames(page)).toEqual(['Anna Andersson', 'Bertil Berg']);

    // A fire plan of two steps: call Anna, then an instruction.
    await page.getByTestId('plan-edit-FIRE').click();
    await page.getByTestId('step-add').click();
    await page.getByTestId('step-0-type').selectOption('CALL_CONTACT');
    await page.getByTestId('step-0-contact').selectOption({ label: 'Anna Andersson' });
    await page.getByTestId('step-add').click();
    await page.getByTestId('step-1-type').selectOption('INSTRUCTION');
    await page.getByTestId('step-1-instruction').fill('Check the sprinkler room first');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => planStepTypes(page), { timeout: 5_000 }).toEqual(['CALL_CONTACT', 'INSTRUCTION']);

    // Reorder with the keyboard-reachable buttons and save.
    await page.getByTestId('plan-edit-FIRE').click();
    await page.getByTestId('step-1-up').click();
    await page.getByTestId('plan-save').click();
    await expect.poll(() => planStepTypes(page), { timeout: 5_000 }).toEqual(['INSTRUCTION', 'CALL_CONTACT']);

    // A full page reload comes back to the same site (URL hash) and shows what the server stored.
    await page.reload();
    await expectText(page.getByTestId('detail-title'), /Lagerhuset Kopparlunden/);
    await expect.poll(() => planStepTypes(page), { timeout: 5_000 }).toEqual(['INSTRUCTION', 'CALL_CONTACT']);
    expect(await page.getByTestId('plan-FIRE').getByTestId('plan-step').first().innerText()).toContain(
      'Check the sprinkler room first',
    );
    expect(await contactNames(page)).toEqual(['Anna Andersson', 'Bertil Berg']);
  });
});

async function addContact(page: Page, name: string, phone: string): Promise<void> {
  const before = await page.getByTestId('contact-row').count();
  await page.getByTestId('contact-add').click();
  await page.getByTestId('contact-name').fill(name);
  await page.getByTestId('contact-route-value-0').fill(phone);
  await page.getByTestId('contact-save').click();
  await expect.poll(() => page.getByTestId('contact-row').count(), { timeout: 5_000 }).toBe(before + 1);
}

function contactNames(page: Page): Promise<string[]> {
  return page.getByTestId('contact-row-name').allInnerTexts();
}

function planStepTypes(page: Page): Promise<(string | null)[]> {
  return page
    .getByTestId('plan-FIRE')
    .getByTestId('plan-step')
    .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-type')));
}

async function expectText(locator: ReturnType<Page['getByTestId']>, pattern: RegExp): Promise<void> {
  await locator.waitFor({ timeout: 5_000 });
  expect(await locator.innerText()).toMatch(pattern);
}
