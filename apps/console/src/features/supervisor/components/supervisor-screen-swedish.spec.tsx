import { acceptTimeFigures, supervisorAlerts, type SupervisorSnapshot } from '@arc/shared/supervisor';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { FakeUPlot } from '../test/fake-uplot';
import { useSupervisorStore } from '../store/supervisor-store';
import { makeAttempt, makeFigures, makeOperator, makeSnapshot } from '../test/fixtures';
import { SupervisorScreen } from './supervisor-screen';

vi.mock('uplot', async () => ({ default: (await import('../test/fake-uplot')).FakeUPlot }));

const TARGETS = [
  { withinSeconds: 30, share: 0.8 },
  { withinSeconds: 60, share: 0.985 },
];

/** A busy moment: a fire case waiting past the threshold, 15-minute compliance missed, a caller locked out. */
function busySnapshot(): SupervisorSnapshot {
  const queue = [
    {
      category: 'FIRE' as const,
      priority: 1,
      waiting: 4,
      oldestWaitingSeconds: 432,
      oldestCaseNo: '2026-0000012',
      oldestSiteName: 'Björkens förskola',
    },
    { category: 'HOLDUP' as const, priority: 2, waiting: 0, oldestWaitingSeconds: null },
    { category: 'INTRUSION' as const, priority: 3, waiting: 0, oldestWaitingSeconds: null },
    {
      category: 'TECHNICAL' as const,
      priority: 4,
      waiting: 1,
      oldestWaitingSeconds: 561,
      oldestCaseNo: '2026-0000009',
    },
    { category: 'SERVICE' as const, priority: 5, waiting: 0, oldestWaitingSeconds: null },
  ];
  const last15m = acceptTimeFigures([10, 10, 45, 90], TARGETS);
  return makeSnapshot({
    queue,
    acceptTimes: { last15m, last1h: makeFigures({ count: 40 }), today: makeFigures({ count: 1234 }) },
    alerts: supervisorAlerts(queue, last15m, 30),
    operators: [
      makeOperator({ name: 'Bertil', state: 'ON_CASE', holding: 1, meanHandlingSeconds: 245 }),
      makeOperator({
        userId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1',
        name: 'Anna',
        role: 'supervisor',
        state: 'AWAY',
        awayReason: 'Lunch',
      }),
    ],
    verifications: {
      failedLast15m: 1,
      locked: [],
      recent: [
        makeAttempt({
          at: '2026-01-01T09:59:00.000Z',
          result: 'LOCKED',
          lockedUntil: '2026-01-01T10:14:00.000Z',
          person: { id: 'p-1', name: 'Agnes Andersson' },
        }),
      ],
    },
  });
}

function serve(snapshot: SupervisorSnapshot) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      Promise.resolve(
        url === '/api/v1/intake/messages'
          ? Response.json([])
          : url.startsWith('/api/v1/security/logins')
            ? Response.json({ failures: [], lockedAccounts: [], lockedAddresses: [] })
            : Response.json(snapshot),
      ),
    ),
  );
}

describe('SupervisorScreen in Swedish', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00.000Z'));
    useSupervisorStore.getState().reset();
    FakeUPlot.instances = [];
    applyLocale('sv');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the queue, accept times, alerts, operators and panels in Swedish, with no English left', async () => {
    serve(busySnapshot());
    render(<SupervisorScreen />);
    await act(async () => {
      await Promise.resolve();
    });
    // The lazily loaded chart.
    await act(async () => {
      await vi.dynamicImportSettled();
    });
    const root = screen.getByTestId('supervisor-screen');

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Arbetsledare');
    expect(screen.getByTestId('snapshot-age').textContent).toBe('Uppdaterat för 0 s sedan');
    expect(root.textContent).toContain('Väntar nu totalt 5');

    const alert = screen.getByTestId('supervisor-alert');
    const [oldest, compliance] = within(alert).getAllByRole('listitem');
    expect(oldest!.textContent).toMatch(
      /^Ett brandärende har väntat 7 min 12 s \(gräns 30 s\): 2026-0000012 på Björkens förskola\. Väntar: brand 4, teknisk 1/,
    );
    expect(compliance!.textContent).toBe('Senaste 15 min: 50,0 % togs inom 30 s (mål 80,0 %)');
    expect(screen.getByTestId('supervisor-alert-ack').textContent).toBe('Kvittera');

    const [last15m, , today] = screen.getAllByTestId('accept-card');
    expect(last15m!.textContent).toContain('Senaste 15 min');
    expect(within(last15m!).getAllByTestId('compliance')[1]!.textContent).toBe('98,5 % inom 60 s75,0 %Ej uppfyllt');
    expect(within(today!).getByTestId('accept-count').textContent).toBe('1\u00a0234 tagna');
    expect(within(today!).getAllByTestId('compliance')[0]!.textContent).toContain('Uppfyllt');

    expect(screen.getByTestId('history-summary').textContent).toBe(
      'Senaste 10 min i steg om 5 minuter. Nu 0 väntande. Som mest 2 väntande; högsta mediansvarstid 14 s.',
    );
    expect(FakeUPlot.instances[0]!.options.series.map((s) => s.label)).toEqual([
      'Tid',
      'Väntande',
      'Svarstid p50',
      'Mål',
    ]);

    const rows = within(screen.getByTestId('operators-table')).getAllByTestId('operator-row');
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['I ärende', 'Borta']);
    expect(rows[1]!.textContent).toContain('Anna arbetsledare');
    expect(rows[0]!.textContent).toContain('4 min 05 s');

    expect(screen.getByTestId('failed-15m').textContent).toBe('1 misslyckad på 15 min');
    expect(screen.getByTestId('locked-callers').textContent).toContain(
      'Spärrad Agnes Andersson på Kvarteret Hägern till',
    );
    expect(screen.getByTestId('login-security-panel').textContent).toContain('Inga misslyckade inloggningar.');
    expect(screen.getByTestId('messages-panel').textContent).toContain('Inga väntande meddelanden.');

    for (const english of [
      'Supervisor',
      'Waiting now',
      'in total',
      'none waiting',
      'Accept time',
      'accepted',
      'within',
      'Not met',
      'has waited',
      'threshold',
      'Acknowledge',
      'Queue depth',
      'Operators',
      'On a case',
      'Away',
      'Caller verifications',
      'failed in 15 min',
      'Locked',
      'Runaway',
      'Missing test signals',
      'Sign-ins',
      'Messages for contract managers',
      'Updated',
      'Loading',
      'None.',
    ]) {
      expect(root.textContent, english).not.toContain(english);
    }
  });
});
