import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, Stack, launchBrowser } from './stack.js';

const OPERATOR = 'olle.e2e';
const OPERATOR_PASSWORD = 'Brandlarm-Vasteras-2026';

const stack = new Stack();
let browser: Browser;
let adminContext: BrowserContext;
let operatorContext: BrowserContext;
let admin: Page;
let operator: Page;

beforeAll(async () => {
  await stack.start();
  browser = await launchBrowser();
  // Two contexts: two people at two consoles, nothing shared between them.
  adminContext = await browser.newContext();
  operatorContext = await browser.newContext();
  admin = await adminContext.newPage();
  operator = await operatorContext.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack.stop();
});

describe('user management and sign-in security in real browsers', () => {
  it('an admin creates an operator, who is signed out at once with a message when deactivated', async () => {
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('admin-tab-users').click();
    await admin.getByTestId('users-table').waitFor({ timeout: 10_000 });

    await admin.getByTestId('new-user').click();
    await admin.getByLabel('Username', { exact: true }).fill(OPERATOR);
    await admin.getByLabel('Name', { exact: true }).fill('Olle Operatör');
    await admin.getByLabel('Role', { exact: true }).selectOption('operator');
    // A password the policy refuses first: the reason shows beside the field, in words.
    await admin.getByLabel('Initial password').fill('short');
    await admin.getByLabel('Repeat password').fill('short');
    await admin.getByTestId('user-save').click();
    expect(await admin.getByTestId('user-password-error').innerText()).toContain('must be at least 12 characters');

    await admin.getByLabel('Initial password').fill(OPERATOR_PASSWORD);
    await admin.getByLabel('Repeat password').fill(OPERATOR_PASSWORD);
    await admin.getByTestId('user-save').click();
    const row = admin.locator(`[data-testid="user-row"][data-username="${OPERATOR}"]`);
    await row.waitFor({ timeout: 5_000 });
    expect(await row.getAttribute('data-active')).toBe('true');
    expect(await row.getByTestId('user-role-cell').innerText()).toBe('Operator');

    await signIn(operator, OPERATOR, OPERATOR_PASSWORD);
    expect(await operator.getByTestId('user-name').innerText()).toBe('Olle Operatör');
    await expect
      .poll(() => operator.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected');

    await row.getByTestId('user-deactivate').click();
    await row.getByTestId('user-confirm').click();
    await expect.poll(() => row.getAttribute('data-active'), { timeout: 5_000 }).toBe('false');

    // The operator's console goes back to the sign-in screen and says why, without a reload.
    const notice = operator.getByTestId('signed-out-notice');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toBe('Your account has been deactivated.');
    expect(await operator.getByTestId('login-username').isVisible()).toBe(true);
    expect(await operator.getByTestId('shell').count()).toBe(0);

    // And cannot sign in again.
    await operator.getByTestId('login-username').fill(OPERATOR);
    await operator.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await operator.getByTestId('login-submit').click();
    expect(await textOf(operator, 'login-error')).toBe('Invalid username or password.');
  });

  it('a user enrols a second factor from the QR code page and then signs in with a code', async () => {
    const row = admin.locator(`[data-testid="user-row"][data-username="${OPERATOR}"]`);
    await row.getByTestId('user-activate').click();
    await row.getByTestId('user-confirm').click();
    await expect.poll(() => row.getAttribute('data-active'), { timeout: 5_000 }).toBe('true');

    await signIn(operator, OPERATOR, OPERATOR_PASSWORD);
    await operator.getByTestId('user-menu').click();
    await operator.getByTestId('open-account').click();
    await operator.getByTestId('totp-start').click();
    await operator.getByTestId('otpauth-qr').waitFor({ timeout: 10_000 });
    const uri = await operator.getByTestId('otpauth-uri').textContent();
    const secret = new URL(uri ?? '').searchParams.get('secret');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    // The key as text to type is the same secret.
    expect((await operator.getByTestId('otpauth-secret').innerText()).replace(/\s/g, '')).toBe(secret);

    const enrolStep = timeStep();
    await operator.getByLabel('Code from the app').fill(await generate({ secret: secret! }));
    await operator.getByTestId('totp-confirm').click();
    await expect
      .poll(() => operator.getByTestId('totp-state').getAttribute('data-enrolled'), { timeout: 5_000 })
      .toBe('true');
    expect(await row.count()).toBe(1);

    await operator.getByTestId('user-menu').click();
    await operator.getByTestId('logout').click();
    await operator.getByTestId('login-username').fill(OPERATOR);
    await operator.getByTestId('login-password').fill(OPERATOR_PASSWORD);
    await operator.getByTestId('login-submit').click();
    const code = operator.getByTestId('login-code');
    await code.waitFor({ timeout: 5_000 });

    // A wrong code is refused in words and the code step stays.
    await code.fill(wrongCode(await generate({ secret: secret! })));
    await operator.getByTestId('login-submit').click();
    expect(await textOf(operator, 'login-code-error')).toMatch(/^That code is wrong or has expired/);

    // A code is good once: wait for the authenticator's next 30-second step before using it.
    await expect.poll(() => timeStep(), { timeout: 35_000, interval: 500 }).toBeGreaterThan(enrolStep);
    await code.fill(await generate({ secret: secret! }));
    await operator.getByTestId('login-submit').click();
    await operator.getByTestId('shell').waitFor({ timeout: 10_000 });
    expect(await operator.getByTestId('user-name').innerText()).toBe('Olle Operatör');

    // The admin's list shows the second factor (after a reload of the screen).
    await admin.getByTestId('nav-queue').click();
    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('admin-tab-users').click();
    await expect.poll(() => row.getByTestId('user-totp').innerText(), { timeout: 5_000 }).toBe('Set up');
  }, 120_000);
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(stack.consoleUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('shell').waitFor({ timeout: 10_000 });
}

async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId);
  await locator.waitFor({ timeout: 5_000 });
  return locator.innerText();
}

function timeStep(): number {
  return Math.floor(Date.now() / 30_000);
}

/** A six-digit code that is not the right one. */
function wrongCode(right: string): string {
  return right
    .split('')
    .map((d) => String((Number(d) + 5) % 10))
    .join('');
}
