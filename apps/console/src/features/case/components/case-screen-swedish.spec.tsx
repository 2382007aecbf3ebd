import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { useCaseStore } from '../store/case-store';
import { caseDetail, ME, summary } from '../test/fixtures';
import { CaseScreen } from './case-screen';

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

// English sentences and words of the case screen's own (not the case's data: its title, the site's
// address reference and the contacts' names stay as they were entered).
const ENGLISH = [
  'Put back',
  'Close',
  'Action plan',
  'Contacts',
  'Times',
  'Received',
  'Accepted',
  'Timeline',
  'Signals',
  'Description',
  'Notes',
  'Calls',
  'No calls yet',
  'Earlier cases',
  'MANDATORY',
  'ON CALL',
  'Record call',
  'Record message',
  'Call contact',
  'Alert rescue service',
  'Keyboard shortcuts',
  'not while typing',
  'choose number',
  'tick selected step',
  'Taken',
  'Site',
  'Address',
  'Municipality',
  'Transmitters',
  'ENCRYPTED',
  'Add note',
  'Phone',
  'FIRE',
];

describe('the case screen in Swedish', () => {
  beforeEach(() => {
    useCaseStore.getState().reset();
    applyLocale('sv');
  });
  afterEach(() => {
    applyLocale('en');
  });

  it('shows the case, its plan, its contacts and its timeline in Swedish, and no English of its own', () => {
    const detail = caseDetail({
      summary: summary({ category: 'FIRE' }),
      history: [
        {
          id: 'h1',
          at: '2026-01-01T10:00:20.000Z',
          type: 'TAKEN',
          signalId: null,
          by: ME,
          data: {},
        },
      ],
    });
    useCaseStore.setState({ userId: ME.userId, caseId: detail.summary.id, detail, status: 'ready', error: null });
    const { container } = render(<CaseScreen />);

    expect(screen.getByTestId('put-back').textContent).toBe('Lägg tillbaka P');
    expect(screen.getByTestId('close-case').textContent).toBe('Stäng C');
    expect(container.querySelector('.case-header .category-badge')?.textContent).toBe('BRAND');
    expect(screen.getByRole('heading', { name: 'Åtgärdsplan' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Larmkontakter' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Tidslinje (2)' })).toBeTruthy();
    const steps = screen.getAllByTestId('step');
    expect(steps[0]!.textContent).toContain('Ring kontaktperson — Anna');
    expect(steps[1]!.textContent).toContain('Larma räddningstjänsten');
    expect(steps[1]!.textContent).toContain('OBLIGATORISKT');
    expect(screen.getAllByTestId('call-target')[3]!.textContent).toContain('JOUR');
    expect(screen.getByTestId('shortcut-help').textContent).toContain('bocka av valt steg');
    expect(screen.getByTestId('time-acceptedAt').textContent).toContain('Kvitterat');

    // The signal's event from its code (FA), in Swedish; the timeline says it and who took the case.
    const signal = screen.getByTestId('case-signal');
    expect(signal.querySelectorAll('td')[5]!.textContent).toBe('Brandlarm');
    const timeline = within(screen.getByTestId('case-timeline'));
    expect(timeline.getAllByTestId('timeline-title').map((title) => title.textContent)).toEqual(['Brandlarm', 'Taget']);

    const text = readable(container);
    for (const english of ENGLISH) expect(text, english).not.toMatch(asWord(english));
  });

  it('says what the keys do in the close dialog in Swedish', () => {
    const detail = caseDetail({ summary: summary({ category: 'HOLDUP' }) });
    useCaseStore.setState({ userId: ME.userId, caseId: detail.summary.id, detail, status: 'ready', error: null });
    render(<CaseScreen />);
    fireEvent.click(screen.getByTestId('close-case'));
    const dialog = within(screen.getByTestId('close-dialog'));
    expect(dialog.getByText('Stäng 2026-000042')).toBeTruthy();
    expect(dialog.getByTestId('close-result-rule').textContent).toBe(
      'Ett överfallslarm kan inte stängas som återkallat av uppringaren.',
    );
    expect(dialog.getByText('Varför 1 obligatoriskt steg inte är gjort')).toBeTruthy();
    expect(dialog.getByTestId('close-save').textContent).toBe('Stäng ärendet');
    expect(dialog.getByTestId('close-cancel').textContent).toBe('Avbryt Esc');
  });
});
