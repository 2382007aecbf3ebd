import { supervisorAlerts, type SupervisorSnapshot } from '@arc/shared/supervisor';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSupervisorStore } from '../store/supervisor-store';
import { makeAttempt, makeFigures, makeOperator, makeSnapshot, queueWith } from '../test/fixtures';
import { SupervisorScreen } from './supervisor-screen';

vi.mock('uplot', async () => ({ default: (await import('../test/fake-uplot')).FakeUPlot }));

const oldest = { kind: 'OLDEST_WAITING', message: 'A fire case has waited 31 s (threshold 30 s)' } as const;
const compliance = {
  kind: 'COMPLIANCE_15M',
  message: 'Last 15 min: 50.0 % accepted within 30 s (target 80.0 %)',
} as const;

/**
 * The screen's first-paint fetch answers with `snapshot`; the tests push the rest into the store.
 * The messages panel's and the sign-in panel's lists are empty (they have their own tests).
 */
function serve(snapshot: SupervisorSnapshot | null) {
  const fetchMock = vi.fn((url: string) =>
    Promise.resolve(
      url === '/api/v1/intake/messages'
        ? Response.json([])
        : url.startsWith('/api/v1/security/logins')
          ? Response.json({ failures: [], lockedAccounts: [], lockedAddresses: [] })
          : snapshot
            ? Response.json(snapshot)
            : Response.json({ message: 'Forbidden resource' }, { status: 403 }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function renderScreen(snapshot: SupervisorSnapshot | null) {
  const fetchMock = serve(snapshot);
  render(<SupervisorScreen />);
  await act(async () => {
    await Promise.resolve();
  });
  return fetchMock;
}

const root = () => screen.getByTestId('supervisor-screen');
const card = (category: string) => screen.getAllByTestId('queue-card').find((c) => c.dataset.category === category)!;

describe('SupervisorScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00.000Z'));
    useSupervisorStore.getState().reset();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('loads the figures when it opens and shows the waiting cases per priority, fire first', async () => {
    const fetchMock = await renderScreen(
      makeSnapshot({ queue: queueWith({ FIRE: { waiting: 1, oldest: 12 }, INTRUSION: { waiting: 3, oldest: 95 } }) }),
    );
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/supervisor/snapshot');
    const cards = screen.getAllByTestId('queue-card');
    expect(cards.map((c) => c.dataset.category)).toEqual(['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE']);
    expect(within(card('FIRE')).getByTestId('queue-card-waiting').textContent).toBe('1');
    expect(within(card('INTRUSION')).getByTestId('queue-card-waiting').textContent).toBe('3');
    expect(within(card('INTRUSION')).getByTestId('queue-card-oldest').textContent).toBe('01:35');
    expect(card('HOLDUP').textContent).toContain('none waiting');
    expect(screen.getByText('4 in total')).toBeTruthy();
  });

  it('ticks the oldest waiting age between snapshots and marks it once past the threshold', async () => {
    await renderScreen(makeSnapshot({ queue: queueWith({ FIRE: { waiting: 1, oldest: 25 } }) }));
    const fire = () => within(card('FIRE')).getByTestId('queue-card-oldest').textContent;
    expect(fire()).toBe('00:25');
    expect(card('FIRE').dataset.late).toBe('false');
    act(() => {
      vi.advanceTimersByTime(6_000);
    });
    expect(fire()).toBe('00:31');
    expect(card('FIRE').dataset.late).toBe('true');
  });

  it('shows accept-time percentiles and colours each target met, not met, or without cases', async () => {
    await renderScreen(
      makeSnapshot({
        acceptTimes: {
          last15m: makeFigures({
            count: 10,
            p50: 30,
            p90: 60,
            p99: 90,
            compliance: [
              { target: { withinSeconds: 30, share: 0.8 }, share: 0.5, met: false },
              { target: { withinSeconds: 60, share: 0.985 }, share: 0.9, met: false },
            ],
          }),
          last1h: makeFigures({
            count: 0,
            p50: null,
            p90: null,
            p99: null,
            compliance: [
              { target: { withinSeconds: 30, share: 0.8 }, share: null, met: true },
              { target: { withinSeconds: 60, share: 0.985 }, share: null, met: true },
            ],
          }),
          today: makeFigures({ count: 120 }),
        },
      }),
    );
    const [last15m, last1h, today] = screen.getAllByTestId('accept-card');
    expect(last15m!.dataset.window).toBe('last15m');
    expect(last15m!.textContent).toContain('10 accepted');
    expect(last15m!.textContent).toContain('30 s');
    expect(last15m!.textContent).toContain('1 min 30 s');
    const rows = within(last15m!).getAllByTestId('compliance');
    expect(rows.map((r) => r.dataset.status)).toEqual(['missed', 'missed']);
    expect(rows[0]!.textContent).toBe('80 % within 30 s50.0 %Not met');
    expect(
      within(last1h!)
        .getAllByTestId('compliance')
        .map((r) => r.dataset.status),
    ).toEqual(['none', 'none']);
    expect(
      within(today!)
        .getAllByTestId('compliance')
        .map((r) => r.dataset.status),
    ).toEqual(['met', 'met']);
    expect(within(today!).getAllByTestId('compliance')[0]!.textContent).toContain('Met');
  });

  it('names the most urgent waiting case in the banner (fire before a longer-waiting technical one) with counts per category', async () => {
    const queue = [
      { category: 'FIRE', priority: 1, waiting: 4, oldestWaitingSeconds: 432, oldestCaseNo: '2026-0000012' },
      { category: 'TECHNICAL', priority: 4, waiting: 1, oldestWaitingSeconds: 561, oldestCaseNo: '2026-0000009' },
    ] as const;
    const alerts = supervisorAlerts(
      queue.map((q) => ({ ...q })),
      makeFigures(),
      30,
    );
    await renderScreen(makeSnapshot({ alerts }));
    const item = within(screen.getByTestId('supervisor-alert')).getByText(/has waited/);
    expect(item.dataset.category).toBe('FIRE');
    expect(item.textContent).toContain('A fire case has waited 7 min 12 s (threshold 30 s): 2026-0000012');
    expect(item.textContent).not.toMatch(/technical case|561 s/);
    expect(
      within(screen.getByTestId('supervisor-alert-counts'))
        .getAllByText(/\d/)
        .map((chip) => [chip.dataset.category, chip.textContent]),
    ).toEqual([
      ['FIRE', '4 fire'],
      ['TECHNICAL', '1 technical'],
    ]);
  });

  it('raises a banner that sounds until acknowledged, and again for a new kind of alert', async () => {
    await renderScreen(makeSnapshot({ alerts: [oldest] }));
    const banner = screen.getByRole('alert');
    expect(banner.dataset.testid).toBe('supervisor-alert');
    expect(banner.textContent).toContain('A fire case has waited 31 s');
    expect(root().dataset.supervisorSound).toBe('alert');

    fireEvent.click(screen.getByTestId('supervisor-alert-ack'));
    expect(root().dataset.supervisorSound).toBe('off');
    expect(screen.getByTestId('supervisor-alert-ack').textContent).toBe('Acknowledged');
    // The cause still holds: the banner stays, silent.
    expect(screen.getByTestId('supervisor-alert').dataset.acknowledged).toBe('true');

    act(() => {
      useSupervisorStore
        .getState()
        .applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:05.000Z', alerts: [oldest, compliance] }));
    });
    expect(root().dataset.supervisorSound).toBe('alert');
    expect(screen.getByTestId('supervisor-alert').querySelectorAll('li')).toHaveLength(2);

    act(() => {
      useSupervisorStore.getState().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:10.000Z', alerts: [] }));
    });
    expect(screen.queryByTestId('supervisor-alert')).toBeNull();
    expect(root().dataset.supervisorSound).toBe('off');
  });

  it('says how old the figures are and turns stale when the pushes stop', async () => {
    await renderScreen(makeSnapshot());
    const age = () => screen.getByTestId('snapshot-age');
    expect(age().dataset.freshness).toBe('fresh');
    expect(age().textContent).toBe('Updated 0 s ago');
    act(() => {
      vi.advanceTimersByTime(16_000);
    });
    expect(age().dataset.freshness).toBe('stale');
    expect(age().textContent).toBe('Stale: no update for 16 s');

    act(() => {
      useSupervisorStore.getState().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:16.000Z' }));
    });
    expect(age().dataset.freshness).toBe('fresh');
  });

  it('lists the operators, busiest first, with away reasons and handling figures', async () => {
    await renderScreen(
      makeSnapshot({
        operators: [
          makeOperator({
            userId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1',
            name: 'Anna',
            state: 'AWAY',
            awayReason: 'Lunch',
            handledToday: 2,
          }),
          makeOperator({
            userId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb2',
            name: 'Bertil',
            state: 'ON_CASE',
            holding: 1,
            meanHandlingSeconds: 245,
          }),
          makeOperator({
            userId: 'cccccccc-cccc-4ccc-8ccc-ccccccccccc3',
            name: 'Cilla',
            state: 'OFFLINE',
            meanHandlingSeconds: null,
          }),
        ],
      }),
    );
    const rows = within(screen.getByTestId('operators-table')).getAllByTestId('operator-row');
    expect(rows.map((r) => r.dataset.state)).toEqual(['ON_CASE', 'AWAY', 'OFFLINE']);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Bertil operator', 'On a case', '', '1', '4', '4 min 05 s']);
    expect(rows[1]!.textContent).toContain('Lunch');
    expect(rows[2]!.textContent).toContain('—');
  });

  it('adds failed verifications pushed live to the list and shows who is locked out', async () => {
    await renderScreen(
      makeSnapshot({
        verifications: {
          failedLast15m: 1,
          locked: [],
          recent: [makeAttempt({ at: '2026-01-01T09:58:00.000Z', person: { id: 'p-9', name: 'Gustav' } })],
        },
      }),
    );
    expect(screen.getAllByTestId('failure-row')).toHaveLength(1);
    expect(screen.getByTestId('failed-15m').textContent).toBe('1 failed in 15 min');

    act(() => {
      useSupervisorStore.getState().addFailure(
        makeAttempt({
          at: '2026-01-01T10:00:01.000Z',
          result: 'LOCKED',
          lockedUntil: '2026-01-01T10:15:01.000Z',
          person: { id: 'p-1', name: 'Agnes Andersson' },
        }),
      );
    });
    const rows = screen.getAllByTestId('failure-row');
    expect(rows.map((r) => r.dataset.result)).toEqual(['LOCKED', 'WRONG_PASSWORD']);
    expect(screen.getByTestId('failed-15m').textContent).toBe('2 failed in 15 min');
    expect(screen.getByTestId('locked-callers').textContent).toContain('Agnes Andersson at Kvarteret Hägern');
  });

  it('lists runaway transmitters and those with missing test signals', async () => {
    await renderScreen(
      makeSnapshot({
        runaways: [
          {
            transmitterId: 'dddddddd-dddd-4ddd-8ddd-ddddddddddd1',
            account: '5A01',
            siteId: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee1',
            siteName: 'Hägern',
            until: '2026-01-01T10:10:00.000Z',
          },
        ],
        missingTests: [
          {
            transmitterId: 'dddddddd-dddd-4ddd-8ddd-ddddddddddd2',
            account: '7C03',
            siteId: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee2',
            siteName: 'Svalan',
            since: '2026-01-01T08:00:00.000Z',
          },
        ],
      }),
    );
    expect(within(screen.getByTestId('runaways-panel')).getByTestId('runaway-row').textContent).toContain(
      '5A01 Hägern',
    );
    const missing = within(screen.getByTestId('missing-tests-panel')).getByTestId('missing-test-row');
    expect(missing.textContent).toContain('7C03 Svalan');
    expect(missing.textContent).toContain('(2 h 00 min)');
  });

  it('says why when the figures cannot be loaded', async () => {
    await renderScreen(null);
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByTestId('supervisor-load-error').textContent).toBe('Forbidden resource');
  });
});
