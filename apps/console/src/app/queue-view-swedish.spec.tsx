import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../features/auth/store/session-store';
import { useCaseStore } from '../features/case/store/case-store';
import { ConnectionIndicator } from '../features/connection/components/connection-indicator';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { AlarmSoundControl } from '../features/queue/components/alarm-sound-control';
import { QueueCount } from '../features/queue/components/queue-count';
import { reloadQueueFilter } from '../features/queue/store/queue-filter-store';
import { useQueueStore } from '../features/queue/store/queue-store';
import { makeCase, snapshot } from '../features/queue/test/fixtures';
import { applyLocale } from '../lib/i18n/locale';
import { QueueView } from './queue-view';
import { TopNav } from './top-nav';

/** Everything a person reads on the page, one text or readable attribute a line. */
function readable(root: HTMLElement): string {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  const attributes = [...root.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((element) =>
    ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [...texts, ...attributes].join('\n');
}

/** The English words as words (not "All" in "Alla"). */
const asWord = (english: string) => new RegExp(`(^|[^\\p{L}])${english}($|[^\\p{L}])`, 'mu');

// The queue screen's own English (the cases' titles and sites are data and stay as they are).
const ENGLISH = [
  'Take next',
  'take next',
  'silence tone',
  'phone intake',
  'not while typing',
  'Alarm queue',
  'Category',
  'Case',
  'Site',
  'Account',
  'Waiting',
  'Held by',
  'amber',
  'over 3 min',
  'Filter the queue',
  'Search site',
  'All',
  'Fire',
  'Intrusion',
  'INTRUSION',
  'FIRE',
  'cases',
  'Queue',
  'Intake',
  'History',
  'Directory',
  'Shift log',
  'Silence',
  'Fire tone',
  'Live',
  'UNENCRYPTED',
  'RETURNED',
  'MOVED TO TOP',
];

describe('the queue screen in Swedish', () => {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.testid === 'queue-scroller' ? 600 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(50);
    useQueueStore.getState().reset();
    useCaseStore.getState().reset();
    localStorage.clear();
    reloadQueueFilter();
    useSessionStore.getState().setSession({
      accessToken: 't',
      locale: 'sv',
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
      user: { id: 'u1', username: 'olle', displayName: 'Olle', role: 'operator' },
    });
    applyLocale('sv');
  });
  afterEach(() => {
    useSessionStore.getState().logout();
    useConnectionStore.getState().reset();
    applyLocale('en');
    vi.restoreAllMocks();
  });

  it('offers "Ta nästa", names its columns, badges and shortcuts in Swedish, and shows no English of its own', () => {
    useQueueStore.getState().applySnapshot(
      snapshot([
        makeCase({
          category: 'FIRE',
          account: '9999',
          siteName: 'Skolan',
          title: 'Brandlarm sektion 3',
          unencryptedFromKeyed: true,
        }),
        makeCase({ category: 'INTRUSION', siteName: 'Banken', returned: true, movedToTop: true }),
        makeCase({
          category: 'INTRUSION',
          siteName: 'Banken',
          status: 'ACCEPTED',
          heldBy: { userId: 'u2', name: 'Anna' },
        }),
      ]),
    );
    useConnectionStore.getState().markConnected();
    const { container } = render(
      <>
        <TopNav />
        <QueueCount />
        <AlarmSoundControl />
        <ConnectionIndicator />
        <QueueView stale={false} canSupervise={false} />
      </>,
    );

    expect(screen.getByTestId('take-next').textContent).toBe('Ta nästa N');
    expect(screen.getByRole('heading', { name: 'Larmkö' })).toBeTruthy();
    expect(screen.getByTestId('shortcut-help').textContent).toContain('ta nästa');
    expect(screen.getByTestId('nav-queue').textContent).toBe('Kö');
    expect(screen.getByTestId('nav-intake').textContent).toBe('Samtal (F2)');
    expect(screen.getByTestId('alarm-sound-state').textContent).toBe('Brandlarmsljud');
    expect(screen.getByTestId('connection-status').textContent).toBe('Ansluten');
    expect(screen.getByTestId('queue-group-count').textContent).toBe('2 ärenden');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Kategori',
      'Ärende',
      'Objekt',
      'Larmsändare',
      'Larm',
      'Sign.',
      'Väntat',
      'Status',
    ]);
    // The case moved to the top (and its site's other case) first, then the fire.
    const rows = screen.getAllByTestId('queue-row');
    expect(rows.map((row) => row.querySelector('.category-badge')?.textContent)).toEqual([
      'INBROTT',
      'INBROTT',
      'BRAND',
    ]);
    expect(screen.getByTestId('held-by').parentElement?.textContent).toBe('Hanteras avAnna');
    expect(screen.getByTestId('unencrypted-badge').textContent).toBe('OKRYPTERAT');

    const text = readable(container);
    for (const english of ENGLISH) expect(text, english).not.toMatch(asWord(english));
  });

  it('says what a filter hides in Swedish', () => {
    useQueueStore
      .getState()
      .applySnapshot(
        snapshot([makeCase({ category: 'FIRE' }), makeCase({ category: 'HOLDUP' }), makeCase({ category: 'SERVICE' })]),
      );
    render(<QueueView stale={false} canSupervise={false} />);
    fireEvent.click(screen.getByTestId('queue-filter-category-SERVICE'));
    expect(screen.getByTestId('queue-filter-count').textContent).toBe('Filtrerat: 1 av 3 ärenden visas');
    expect(screen.getByTestId('queue-filter-hidden-urgent').textContent).toBe(
      '1 väntande brandlarm och 1 väntande överfallslarm är dolda',
    );
    expect(screen.getByTestId('queue-filter-clear').textContent).toBe('Rensa');
  });

  it('puts the console’s name in the browser tab in the language in force', async () => {
    const { App } = await import('./app');
    useSessionStore.getState().logout();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json({}))),
    );
    render(<App />);
    expect(document.title).toBe('Larmcentralens operatörskonsol');
    act(() => applyLocale('en'));
    expect(document.title).toBe('ARC Operator Console');
    vi.unstubAllGlobals();
  });
});
