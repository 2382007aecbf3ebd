import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, Stack, freePort, pinLocale } from './stack.js';

/**
 * A bounded soak of the whole system, run by hand (not in CI):
 *   pnpm --filter @arc/e2e soak [--minutes 10]
 * Starts the stack as the browser tests do, opens three real Chromium pages (two operators, one
 * supervisor who watches), feeds alarms over DC-09 from the simulator, and lets the operators
 * work: N (take next), record one call, tick the mandatory steps, close with a result. Now and
 * then an operator's page leaves while it holds a case and comes back later. At the end it checks
 * in SQL that no case is stuck with an operator, no case was ever held by two at once, and every
 * closed case has its times in order; it prints counts and exits 1 on a violation.
 */
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    transmitters: { type: 'string', default: '20' },
    /** Alarms reach the centre on average every this many seconds, over all transmitters. */
    'signal-every': { type: 'string', default: '3' },
    /** An operator's page leaves while holding a case every this many minutes; 0 for never. */
    'leave-every': { type: 'string', default: '3' },
    /** The server returns the case of an operator without a console after this long. */
    'return-seconds': { type: 'string', default: '10' },
    /** A pause between an operator's actions, as a person takes. */
    'think-ms': { type: 'string', default: '400' },
  },
});

const number = (name: keyof typeof values, min: number): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}`);
  return value;
};
const MINUTES = number('minutes', 0.1);
const TRANSMITTERS = Math.floor(number('transmitters', 1));
const SIGNAL_EVERY_S = number('signal-every', 0.1);
const LEAVE_EVERY_MS = number('leave-every', 0) * 60_000;
const RETURN_SECONDS = Math.floor(number('return-seconds', 2));
const THINK_MS = number('think-ms', 0);
/** The operators finish the case on their screen at the end; this long at most. */
const FINISH_GRACE_MS = 90_000;
const STEP_TIMEOUT_MS = 15_000;
const FIRST_ACCOUNT = 'E50000';
const SECOND_OPERATOR = 'operator2';
const SIMULATE = fileURLToPath(new URL('../../apps/server/dist/cli/simulate.js', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-results/soak/', import.meta.url));
/** Every category gets a plan; the simulator's mix raises intrusion, fire, hold-up and service cases. */
const CATEGORIES = ['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'] as const;
/** Results an operator picks at random; hold-up alarms cannot be closed as cancelled by a caller. */
const RESULTS = ['REAL_ALARM', 'FALSE_ALARM_USER_ERROR', 'TECHNICAL_FAULT', 'TEST', 'CANCELLED_BY_CALLER'];

const log = (line: string): void => {
  process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const think = (): Promise<void> => sleep(THINK_MS * (0.5 + Math.random()));

function accountAt(index: number): string {
  return (parseInt(FIRST_ACCOUNT, 16) + index).toString(16).toUpperCase().padStart(FIRST_ACCOUNT.length, '0');
}

/** Sites, transmitters (as `simulate.js --first-account E50000 --protocol mixed` sends), contacts, plans. */
async function provision(stack: Stack): Promise<void> {
  for (let i = 0; i < TRANSMITTERS; i += 1) {
    const account = accountAt(i);
    const [site] = await stack.query<{ id: string }>(
      `INSERT INTO sites (name, street, postcode, city, municipality)
       VALUES ($1, $2, '722 15', 'Västerås', 'Västerås') RETURNING id`,
      [`Soak site ${account}`, `Soakgatan ${i + 1}`],
    );
    const siteId = site!.id;
    await stack.query(
      `INSERT INTO transmitters (account, site_id, protocol, supervision_interval_seconds) VALUES ($1, $2, $3, 90000)`,
      [account, siteId, i % 2 === 0 ? 'SIA-DCS' : 'ADM-CID'],
    );
    const [contact] = await stack.query<{ id: string }>(
      `INSERT INTO contacts (site_id, name, position, routes) VALUES ($1, $2, 1, $3::jsonb) RETURNING id`,
      [siteId, `Keyholder ${i + 1}`, JSON.stringify([{ kind: 'PHONE', value: `+4670${String(1000000 + i)}` }])],
    );
    for (const category of CATEGORIES) {
      const [plan] = await stack.query<{ id: string }>(
        `INSERT INTO action_plans (site_id, category) VALUES ($1, $2) RETURNING id`,
        [siteId, category],
      );
      await stack.query(
        `INSERT INTO action_plan_steps (plan_id, position, type, contact_id, instruction, mandatory) VALUES
           ($1, 1, 'CALL_CONTACT', $2, NULL, true),
           ($1, 2, 'INSTRUCTION', NULL, 'Check the camera feed before calling anyone else', true),
           ($1, 3, 'DISPATCH_GUARD', NULL, NULL, false)`,
        [plan!.id, contact!.id],
      );
    }
  }
}

/** The DC-09 feed: the simulator's steady scenario with its realistic mix, bounded by --duration. */
function startFeed(port: number, seconds: number): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(
    process.execPath,
    [
      SIMULATE,
      'steady',
      '--port',
      String(port),
      '--transmitters',
      String(TRANSMITTERS),
      '--rate',
      String(1 / SIGNAL_EVERY_S),
      '--duration',
      String(seconds),
      '--first-account',
      FIRST_ACCOUNT,
      '--protocol',
      'mixed',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<string>((resolve) => child.once('exit', () => resolve(output)));
  return { child, done };
}

/**
 * Chromium as stack.ts's launchBrowser starts it, but without Playwright's own Ctrl-C handling:
 * that one exits the process at once, before the cleanup has stopped the server and dropped the
 * database.
 */
function launchSoakBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

async function login(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('shell').waitFor({ timeout: STEP_TIMEOUT_MS });
}

interface PageStats {
  errors: string[];
}

async function openPage(browser: Browser, stats: PageStats, label: string): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext();
  // The soak reads the console's English texts ("No case is waiting"); Swedish is the default.
  await pinLocale(context, 'en');
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => stats.errors.push(`${label}: ${error.message}`));
  page.on('crash', () => stats.errors.push(`${label}: page crashed`));
  return [context, page];
}

/** One operator at a console, working cases until told to stop. */
class Operator {
  closed = 0;
  failures = 0;
  leaves: { caseId: string; at: Date }[] = [];
  userId = '';
  private context: BrowserContext | null = null;
  private page: Page | null = null;
  private leaveRequested = false;

  constructor(
    readonly username: string,
    private readonly password: string,
    private readonly browser: Browser,
    private readonly stack: Stack,
    private readonly stats: PageStats,
  ) {}

  async start(): Promise<void> {
    [this.context, this.page] = await openPage(this.browser, this.stats, this.username);
    await login(this.page, this.stack.consoleUrl, this.username, this.password);
    await this.page.getByTestId('take-next').waitFor();
  }

  requestLeave(): void {
    this.leaveRequested = true;
  }

  /** Works until `stopping` is set; then finishes the case on screen, and any other it holds. */
  async run(stopping: () => boolean): Promise<void> {
    let consecutiveFailures = 0;
    while (true) {
      const page = this.page!;
      try {
        let screen = await this.caseOnScreen(500);
        if (!screen) {
          if (stopping()) return;
          // An old "No case is waiting" must not be taken for the answer to this N.
          const notice = page.getByTestId('case-notice');
          if (await notice.count()) await notice.getByRole('button', { name: 'OK' }).click();
          await page.keyboard.press('N');
          screen = await this.caseOnScreen(STEP_TIMEOUT_MS, true);
          if (!screen) {
            await sleep(1000); // nothing waits
            continue;
          }
        }
        if (this.leaveRequested && !stopping()) {
          await this.leave(screen);
          continue;
        }
        await this.work(screen);
        consecutiveFailures = 0;
      } catch (error) {
        if (stopping() && page.isClosed()) return; // the soak is being stopped
        this.failures += 1;
        consecutiveFailures += 1;
        const shot = `${SHOTS}${this.username}-${this.failures}.png`;
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        log(`${this.username}: ${(error as Error).message.split('\n')[0]} (screenshot ${shot}); reloading`);
        if (consecutiveFailures >= 5) {
          throw new Error(`${this.username} failed ${consecutiveFailures} times in a row`, { cause: error });
        }
        await page.reload().catch(() => undefined);
        await sleep(1000);
      }
    }
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => undefined);
  }

  /**
   * The case screen of a case this operator holds, or null. With `afterTake`, waits for either the
   * case screen or the notice that nothing is waiting.
   */
  private async caseOnScreen(timeoutMs: number, afterTake = false): Promise<string | null> {
    const page = this.page!;
    const mine = page.locator('[data-testid="case-screen"][data-mine="true"]');
    const notice = page.getByTestId('case-notice').filter({ hasText: 'No case is waiting' });
    const notMine = page.getByTestId('case-not-yours');
    const deadline = Date.now() + timeoutMs;
    do {
      if (await mine.count()) return mine.getAttribute('data-case-id');
      if (await notMine.count()) {
        // Closed or taken over elsewhere: back to the queue.
        await page.getByTestId('case-leave').click();
        return null;
      }
      if (afterTake && (await notice.count())) return null;
      await sleep(100);
    } while (Date.now() < deadline);
    if (afterTake) throw new Error('N showed neither a case nor "No case is waiting"');
    return null;
  }

  /** One call, every mandatory step ticked, closed with a result. */
  private async work(caseId: string): Promise<void> {
    const page = this.page!;
    const screen = page.locator(`[data-testid="case-screen"][data-case-id="${caseId}"]`);
    await think();
    const attempts = screen.getByTestId('attempt');
    const before = await attempts.count();
    await screen.getByTestId('record-call').first().click();
    const form = screen.getByTestId('record-call-form');
    await form.getByTestId(`outcome-${pick(['ANSWERED', 'NO_ANSWER', 'BUSY'])}`).check();
    await form.getByTestId('record-note').fill('soak');
    await think();
    await form.getByTestId('record-save').click();
    await attempts.nth(before).waitFor();

    for (;;) {
      const open = screen.locator('[data-testid="step"][data-mandatory="true"]:not([data-ticked="true"])');
      if ((await open.count()) === 0) break;
      const step = open.first();
      const stepId = await step.getAttribute('data-step-id');
      await think();
      await step.getByTestId('step-tick').click();
      await step.getByTestId('step-save').click();
      await screen.locator(`[data-testid="step"][data-step-id="${stepId}"][data-ticked="true"]`).waitFor();
    }

    await think();
    await screen.getByTestId('close-case').click();
    const dialog = screen.getByTestId('close-dialog');
    const category = await screen.locator('.case-header > .category-badge').getAttribute('data-category');
    const results = RESULTS.filter((r) => !(category === 'HOLDUP' && r === 'CANCELLED_BY_CALLER'));
    await dialog.getByTestId('close-result').selectOption(pick(results));
    await dialog.getByTestId('close-note').fill('Closed by the soak test');
    await think();
    await dialog.getByTestId('close-save').click();
    await screen.waitFor({ state: 'detached' });
    this.closed += 1;
  }

  /** The page goes away while it holds the case, and a new one logs in after the return time. */
  private async leave(caseId: string): Promise<void> {
    this.leaveRequested = false;
    this.leaves.push({ caseId, at: new Date() });
    log(`${this.username}: page leaves while holding case ${caseId}; back in ${RETURN_SECONDS + 10} s`);
    await this.context?.close();
    await sleep((RETURN_SECONDS + 10) * 1000);
    await this.start();
    // A request made while away is dropped: one leave at a time, with work in between.
    this.leaveRequested = false;
    log(`${this.username}: back`);
  }
}

interface Violation {
  what: string;
  rows: unknown[];
}

async function check(stack: Stack, since: Date, operators: Operator[]): Promise<Violation[]> {
  const violations: Violation[] = [];
  const found = (what: string, rows: unknown[]): void => {
    if (rows.length > 0) violations.push({ what, rows });
  };

  // Every operator loop has ended: a case still ACCEPTED is held by a console that stopped working it.
  found(
    'cases still ACCEPTED after every operator finished (stuck with a console that left or stopped)',
    await stack.query(
      `SELECT c.case_no, u.username, c.held_since, c.held_heartbeat_at FROM cases c
         LEFT JOIN users u ON u.id = c.held_by_user_id
        WHERE c.created_at >= $1 AND c.status = 'ACCEPTED'`,
      [since],
    ),
  );
  found(
    'cases held by two operators at once (overlapping case_holds)',
    await stack.query(
      `SELECT c.case_no, ua.username AS first, a.started_at, a.ended_at, ub.username AS second,
              b.started_at AS second_started_at, b.ended_at AS second_ended_at
         FROM case_holds a
         JOIN case_holds b ON b.case_id = a.case_id AND b.id > a.id
         JOIN cases c ON c.id = a.case_id
         JOIN users ua ON ua.id = a.user_id
         JOIN users ub ON ub.id = b.user_id
        WHERE c.created_at >= $1
          AND tstzrange(a.started_at, COALESCE(a.ended_at, 'infinity'), '[)')
           && tstzrange(b.started_at, COALESCE(b.ended_at, 'infinity'), '[)')`,
      [since],
    ),
  );
  found(
    'cases whose status does not match their open holds (ACCEPTED needs exactly one, others none)',
    await stack.query(
      `SELECT c.case_no, c.status, count(h.id) FILTER (WHERE h.ended_at IS NULL) AS open_holds
         FROM cases c LEFT JOIN case_holds h ON h.case_id = c.id
        WHERE c.created_at >= $1
        GROUP BY c.id
       HAVING (c.status = 'ACCEPTED') <> (count(h.id) FILTER (WHERE h.ended_at IS NULL) = 1)
           OR count(h.id) FILTER (WHERE h.ended_at IS NULL) > 1`,
      [since],
    ),
  );
  found(
    'closed cases without signalReceivedAt ≤ created_at ≤ accepted_at ≤ first_contact_at ≤ closed_at',
    await stack.query(
      `SELECT case_no, queued_at AS signal_received_at, created_at, accepted_at, first_contact_at, closed_at
         FROM cases
        WHERE created_at >= $1 AND status = 'CLOSED'
          AND NOT COALESCE(queued_at <= created_at AND created_at <= accepted_at
                           AND accepted_at <= first_contact_at AND first_contact_at <= closed_at, false)`,
      [since],
    ),
  );
  // A case whose operator's page left must have gone back to the queue (RETURNED), not stayed held.
  for (const operator of operators) {
    for (const left of operator.leaves) {
      found(
        `case ${left.caseId} held by ${operator.username} when the page left was not returned`,
        (
          await stack.query<{ returned: boolean }>(
            `SELECT EXISTS (SELECT 1 FROM case_holds WHERE case_id = $1 AND user_id = $2 AND end_reason = 'RETURNED'
                             AND started_at <= $3) AS returned`,
            [left.caseId, operator.userId, left.at],
          )
        ).filter((row) => !row.returned),
      );
    }
  }
  return violations;
}

async function report(stack: Stack, since: Date): Promise<number> {
  const statuses = await stack.query<{ key: string; n: string }>(
    `SELECT status AS key, count(*) AS n FROM cases WHERE created_at >= $1 GROUP BY status ORDER BY status`,
    [since],
  );
  const byOperator = await stack.query<{ key: string; n: string }>(
    `SELECT u.username AS key, count(*) AS n FROM cases c JOIN users u ON u.id = c.closed_by_user_id
      WHERE c.created_at >= $1 GROUP BY u.username ORDER BY u.username`,
    [since],
  );
  const holds = await stack.query<{ key: string | null; n: string }>(
    `SELECT h.end_reason AS key, count(*) AS n FROM case_holds h JOIN cases c ON c.id = h.case_id
      WHERE c.created_at >= $1 GROUP BY h.end_reason ORDER BY h.end_reason`,
    [since],
  );
  const [times] = await stack.query<{ wait_p50: number; wait_max: number; work_p50: number; work_max: number }>(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - queued_at)) AS wait_p50,
            max(extract(epoch FROM accepted_at - queued_at)) AS wait_max,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - accepted_at)) AS work_p50,
            max(extract(epoch FROM closed_at - accepted_at)) AS work_max
       FROM cases WHERE created_at >= $1 AND status = 'CLOSED'`,
    [since],
  );
  const [signals] = await stack.query<{ n: string }>(`SELECT count(*) AS n FROM signals WHERE received_at >= $1`, [
    since,
  ]);
  const list = (rows: { key: string | null; n: string }[]): string =>
    rows.map((row) => `${row.key ?? 'still held'} ${row.n}`).join(', ') || 'none';
  log(`signals stored: ${signals?.n ?? 0}`);
  log(`cases by status: ${list(statuses)}`);
  log(`closed by: ${list(byOperator)}`);
  log(`holds by end reason: ${list(holds)}`);
  const s = (value: number | null | undefined): string => (value == null ? '-' : Number(value).toFixed(1));
  log(
    `closed cases: waited for an operator p50 ${s(times?.wait_p50)} s (max ${s(times?.wait_max)} s), ` +
      `worked p50 ${s(times?.work_p50)} s (max ${s(times?.work_max)} s)`,
  );
  return Number(statuses.find((row) => row.key === 'CLOSED')?.n ?? 0);
}

async function main(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const dc09Port = await freePort();
  // The stack passes its own environment on to the server.
  Object.assign(process.env, {
    DC09_HOST: '127.0.0.1',
    DC09_TCP_PORT: String(dc09Port),
    DC09_UDP_PORT: String(dc09Port),
    CASE_RETURN_SECONDS: String(RETURN_SECONDS),
  });
  const stack = new Stack();
  let browser: Browser | null = null;
  let feed: ReturnType<typeof startFeed> | null = null;
  const operators: Operator[] = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      feed?.child.kill('SIGTERM');
      for (const operator of operators) await operator.close();
      await browser?.close().catch(() => undefined);
      await stack.stop().catch((error: unknown) => log(`could not stop the stack: ${(error as Error).message}`));
    })());
  let aborted = false;
  const abort = (reason: string, code: number): void => {
    aborted = true;
    log(`${reason}; cleaning up`);
    void cleanup().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const limitMs = MINUTES * 60_000 + FINISH_GRACE_MS + 180_000;
  setTimeout(() => abort(`time limit of ${(limitMs / 1000).toFixed(0)} s reached`, 3), limitMs).unref();

  try {
    await stack.start();
    log(`stack up: server ${stack.serverUrl}, console ${stack.consoleUrl}, DC-09 127.0.0.1:${dc09Port}`);
    await provision(stack);
    // A second operator with the first one's password: there is no user API yet, only the table.
    await stack.query(
      `INSERT INTO users (username, display_name, role, password_hash)
       SELECT $1, 'Soak Operator 2', 'operator', password_hash FROM users WHERE username = 'operator'`,
      [SECOND_OPERATOR],
    );
    log(`provisioned ${TRANSMITTERS} sites with a contact and action plans; users operator, operator2, supervisor`);

    browser = await launchSoakBrowser();
    const stats: PageStats = { errors: [] };
    for (const username of ['operator', SECOND_OPERATOR]) {
      const operator = new Operator(username, OPERATOR_PASSWORD, browser, stack, stats);
      const [user] = await stack.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
      operator.userId = user!.id;
      await operator.start();
      operators.push(operator);
    }
    const [, supervisor] = await openPage(browser, stats, 'supervisor');
    await login(supervisor, stack.consoleUrl, 'supervisor', SUPERVISOR_PASSWORD);
    await supervisor.getByTestId('queue-count').waitFor();
    // The supervisor watches the supervisor view; the header's queue count stays in sight too.
    await supervisor.getByTestId('nav-supervisor').click();
    await supervisor.getByTestId('queue-card').first().waitFor();
    log('two operators and a supervisor logged in');

    const since = new Date(Date.now() - 1000);
    const runMs = MINUTES * 60_000;
    feed = startFeed(dc09Port, runMs / 1000);
    const endAt = Date.now() + runMs;
    log(`running for ${MINUTES} min: an alarm every ${SIGNAL_EVERY_S} s on average from ${TRANSMITTERS} transmitters`);

    const leaver = operators[1]!;
    const leaveTimer =
      LEAVE_EVERY_MS > 0 ? setInterval(() => leaver.requestLeave(), LEAVE_EVERY_MS).unref() : undefined;
    let maxWaiting = 0;
    let maxOnSupervisorView = 0;
    const watcher = (async () => {
      while (Date.now() < endAt) {
        const text = await supervisor
          .getByTestId('queue-count')
          .innerText()
          .catch(() => '');
        maxWaiting = Math.max(maxWaiting, Number(text) || 0);
        const cards = await supervisor
          .getByTestId('queue-card-waiting')
          .allInnerTexts()
          .catch(() => []);
        maxOnSupervisorView = Math.max(
          maxOnSupervisorView,
          cards.map(Number).reduce((a, b) => a + (b || 0), 0),
        );
        await sleep(5000);
      }
    })();
    const progress = setInterval(
      () => log(`closed so far: ${operators.map((o) => `${o.username} ${o.closed}`).join(', ')}`),
      60_000,
    ).unref();

    const stopping = (): boolean => aborted || Date.now() >= endAt;
    const loops = operators.map((operator) => operator.run(stopping));
    // Handled now, reported after the feed: an operator that gives up during the run must not
    // end the process as an unhandled rejection, which would skip the cleanup below.
    for (const loop of loops) loop.catch(() => undefined);
    const feedOutput = await feed.done;
    clearInterval(leaveTimer);
    log('feed stopped; the operators finish the cases on their screens');
    const finished = await Promise.race([Promise.allSettled(loops), sleep(FINISH_GRACE_MS).then(() => null)]);
    clearInterval(progress);
    await watcher;
    if (finished === null) log(`the operators did not finish within ${FINISH_GRACE_MS / 1000} s`);
    for (const [i, outcome] of (finished ?? []).entries()) {
      if (outcome.status === 'rejected') log(`${operators[i]!.username} stopped: ${String(outcome.reason)}`);
    }

    const events = /events: (\d+) distinct, (\d+) ACKed, (\d+) not ACKed/.exec(feedOutput);
    log(`feed: ${events ? `${events[1]} events, ${events[2]} ACKed, ${events[3]} not ACKed` : feedOutput.trim()}`);
    const closed = await report(stack, since);
    log(
      `operators: ${operators
        .map((o) => `${o.username} closed ${o.closed}, ${o.failures} UI failure(s), left ${o.leaves.length} time(s)`)
        .join('; ')}`,
    );
    log(
      `supervisor saw at most ${maxWaiting} case(s) in the queue count and ${maxOnSupervisorView} waiting on the ` +
        `supervisor view; page errors: ${stats.errors.length}`,
    );
    for (const error of [...new Set(stats.errors)].slice(0, 5)) log(`  ${error}`);

    const violations = await check(stack, since, operators);
    if (closed === 0) violations.push({ what: 'no case was closed: the operators could not work', rows: [] });
    if (finished === null) violations.push({ what: 'the operators did not finish their cases in time', rows: [] });
    for (const violation of violations) {
      log(`VIOLATION: ${violation.what}`);
      for (const row of violation.rows.slice(0, 10)) log(`  ${JSON.stringify(row)}`);
    }
    log(violations.length === 0 ? 'all checks passed' : `${violations.length} violation(s)`);
    process.exitCode = violations.length === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    process.stderr.write(`soak: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
