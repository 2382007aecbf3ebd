import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { renderWithClient } from '../../../test/render';
import { ADA_ID, auditQueries, contractUpdate, ENTRIES, page, SARA_ID, serve } from '../test/fixtures';
import { AuditScreen } from './audit-screen';

const entry = (id: string) => screen.getAllByTestId('audit-entry').find((e) => e.dataset.entryId === id)!;
const diffRows = (id: string) =>
  within(entry(id))
    .getAllByTestId('audit-diff-row')
    .map((row) => [
      row.dataset.field,
      within(row).getByTestId('audit-diff-before').textContent,
      within(row).getByTestId('audit-diff-after').textContent,
      row.querySelector('[data-testid="audit-diff-change"]')?.textContent ?? null,
    ]);

describe('AuditScreen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows each entry with when, who and what, and its before and after side by side', async () => {
    const fetchMock = serve();
    renderWithClient(<AuditScreen canEdit />);
    await screen.findAllByTestId('audit-entry');
    expect(auditQueries(fetchMock)).toEqual([{ page: '1', pageSize: '20' }]);
    expect(screen.getByTestId('audit-total').textContent).toBe('4 entries');

    const update = entry('42');
    expect(within(update).getByRole('heading').textContent).toBe('Changed: Contract');
    expect(within(update).getByTestId('audit-entry-at').textContent).toBe('2026-03-01 09:00:00'); // Stockholm
    expect(within(update).getByTestId('audit-entry-who').textContent).toBe('Ada Admin');
    expect(within(update).getByTestId('audit-entry-summary').textContent).toBe('3 fields changed');
    const headers = within(within(update).getByTestId('audit-diff'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Field', 'Before', 'After', 'Change']);
    // Changes are marked in words, not only by colour.
    expect(diffRows('42')).toEqual([
      ['contractNo', 'A200', 'A200', 'Unchanged'],
      ['managerName', 'Karin Avtal', 'Eva Ek', '▲ Changed'],
      ['yearlyEventQuota', '10', '10', 'Unchanged'],
      ['startDate', '2026-01-01', '2026-02-01', '▲ Changed'],
      ['managerEmail', '—', 'eva@example.se', '+ Added'],
    ]);
    // Secrets stay masked, with no claim whether they changed.
    expect(diffRows('41')).toEqual([
      ['name', 'Bo Berg', 'Bo Berg', 'Unchanged'],
      ['passwordHash', '*** (hidden)', '*** (hidden)', ''],
    ]);
    // A creation has nothing before; a failed sign-in no user.
    expect(diffRows('40')).toEqual([
      ['customerNo', '—', 'K1', null],
      ['name', '—', 'Kund AB', null],
      ['orgNo', '—', '—', null],
    ]);
    expect(within(entry('39')).getByTestId('audit-entry-who').textContent).toBe('No user (the system)');
    expect(within(entry('39')).queryByTestId('audit-only-actor')).toBeNull();
    expect(diffRows('39')).toEqual([
      ['reason', '—', 'password', null],
      ['locked', '—', 'No', null],
    ]);
  });

  it('builds the query from who, what and when (times in the centre’s zone)', async () => {
    const fetchMock = serve();
    renderWithClient(<AuditScreen canEdit />);
    await screen.findAllByTestId('audit-entry');
    const who = await screen.findByTestId('audit-filter-actor');
    await waitFor(() => expect(within(who).getAllByRole('option')).toHaveLength(3));
    // Users sorted by name in the user's language.
    expect(
      within(who)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Anyone', 'Ada Admin (admin)', 'Sara Supervisor (sara)']);
    fireEvent.change(who, { target: { value: SARA_ID } });
    fireEvent.change(screen.getByTestId('audit-filter-entity'), { target: { value: 'person' } });
    fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: 'SET_PASSWORD' } });
    fireEvent.change(screen.getByTestId('audit-filter-entity-id'), { target: { value: ' p1 ' } });
    fireEvent.change(screen.getByTestId('audit-filter-from'), { target: { value: '2026-03-01T00:00' } });
    fireEvent.change(screen.getByTestId('audit-filter-to'), { target: { value: '2026-04-01T00:00' } });
    expect(auditQueries(fetchMock)).toHaveLength(1); // nothing is asked before "Show"
    fireEvent.click(screen.getByTestId('audit-filter-apply'));
    await waitFor(() => expect(auditQueries(fetchMock)).toHaveLength(2));
    expect(auditQueries(fetchMock)[1]).toEqual({
      page: '1',
      pageSize: '20',
      actor: SARA_ID,
      action: 'SET_PASSWORD',
      entity: 'person',
      entityId: 'p1',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
    expect(
      within(screen.getByTestId('audit-filter-entity'))
        .getAllByRole('option')
        .slice(0, 4)
        .map((o) => o.textContent),
    ).toEqual(['Any record', 'Action plan', 'Alarm contact', 'Approval']);

    fireEvent.click(screen.getByTestId('audit-filter-clear'));
    await waitFor(() => expect(auditQueries(fetchMock).at(-1)).toEqual({ page: '1', pageSize: '20' }));
    expect((screen.getByTestId('audit-filter-actor') as HTMLSelectElement).value).toBe('');
  });

  it('refuses a period that ends before it starts, without asking the server', async () => {
    const fetchMock = serve();
    renderWithClient(<AuditScreen canEdit={false} />);
    await screen.findAllByTestId('audit-entry');
    fireEvent.change(screen.getByTestId('audit-filter-from'), { target: { value: '2026-03-02T10:00' } });
    fireEvent.change(screen.getByTestId('audit-filter-to'), { target: { value: '2026-03-01T10:00' } });
    fireEvent.click(screen.getByTestId('audit-filter-apply'));
    expect(screen.getByTestId('audit-filter-to-error').textContent).toBe('Until must be after From');
    expect(screen.getByTestId('audit-filter-to').getAttribute('aria-invalid')).toBe('true');
    expect(auditQueries(fetchMock)).toHaveLength(1);
  });

  it('lets a supervisor, who may not list users, narrow to one person or record from an entry', async () => {
    const fetchMock = serve();
    renderWithClient(<AuditScreen canEdit={false} />);
    await screen.findAllByTestId('audit-entry');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/v1/users')).toBe(false);
    expect(screen.queryByTestId('audit-filter-actor')).toBeNull();
    expect(screen.getByTestId('audit-filter-who').textContent).toContain('Only this person');

    const narrow = within(entry('42')).getByTestId('audit-only-actor');
    expect(narrow.getAttribute('aria-label')).toBe('Only this person: Ada Admin');
    expect(narrow.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(narrow);
    await waitFor(() => expect(auditQueries(fetchMock).at(-1)).toEqual({ page: '1', pageSize: '20', actor: ADA_ID }));
    expect(screen.getByTestId('audit-filter-who-chosen').textContent).toBe('Changes by Ada Admin');
    // Pressed on Ada's entries, and the focus stays on the button pressed.
    await waitFor(() =>
      expect(within(entry('42')).getByTestId('audit-only-actor').getAttribute('aria-pressed')).toBe('true'),
    );
    expect(within(entry('41')).getByTestId('audit-only-actor').getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(within(entry('42')).getByTestId('audit-only-record'));
    await waitFor(() =>
      expect(auditQueries(fetchMock).at(-1)).toEqual({
        page: '1',
        pageSize: '20',
        actor: ADA_ID,
        entity: 'contract',
        entityId: contractUpdate.entityId,
      }),
    );
    expect((screen.getByTestId('audit-filter-entity') as HTMLSelectElement).value).toBe('contract');

    fireEvent.click(screen.getByTestId('audit-filter-who-clear'));
    await waitFor(() =>
      expect(auditQueries(fetchMock).at(-1)).toEqual({
        page: '1',
        pageSize: '20',
        entity: 'contract',
        entityId: contractUpdate.entityId,
      }),
    );
    // Pressed again, "Only this record" goes back to every record.
    fireEvent.click(within(entry('42')).getByTestId('audit-only-record'));
    await waitFor(() => expect(auditQueries(fetchMock).at(-1)).toEqual({ page: '1', pageSize: '20' }));
  });

  it('pages through the log, newest first', async () => {
    const fetchMock = serve((url) =>
      url.startsWith('/api/v1/audit?') ? { status: 200, body: page(ENTRIES, 45) } : undefined,
    );
    renderWithClient(<AuditScreen canEdit={false} />);
    await screen.findAllByTestId('audit-entry');
    expect(screen.getByTestId('audit-pager-where').textContent).toBe('Page 1 of 3');
    fireEvent.click(screen.getByTestId('audit-pager-next'));
    await waitFor(() => expect(auditQueries(fetchMock).at(-1)).toEqual({ page: '2', pageSize: '20' }));
    expect((screen.getByTestId('audit-pager-previous') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a refused read in words', async () => {
    serve((url) =>
      url.startsWith('/api/v1/audit?')
        ? {
            status: 403,
            body: { statusCode: 403, error: 'Forbidden', message: 'Not allowed for operator', code: 'FORBIDDEN' },
          }
        : undefined,
    );
    renderWithClient(<AuditScreen canEdit={false} />);
    expect((await screen.findByTestId('audit-error')).textContent).toContain('Not allowed for operator');
  });

  it('speaks Swedish: filters, entries and the before/after table', async () => {
    applyLocale('sv');
    serve();
    renderWithClient(<AuditScreen canEdit />);
    await screen.findAllByTestId('audit-entry');
    await waitFor(() =>
      expect(within(screen.getByTestId('audit-filter-actor')).getAllByRole('option')).toHaveLength(3),
    );
    expect(within(entry('42')).getByRole('heading').textContent).toBe('Ändrad: Avtal');
    expect(within(entry('42')).getByTestId('audit-entry-summary').textContent).toBe('3 fält ändrade');
    expect(diffRows('42')[1]).toEqual(['managerName', 'Karin Avtal', 'Eva Ek', '▲ Ändrat']);
    expect(within(entry('39')).getByTestId('audit-entry-who').textContent).toBe('Ingen användare (systemet)');
    const text = screen.getByTestId('admin-audit').textContent!;
    for (const swedish of [
      'Filtrera loggen',
      'Vem',
      'Alla poster',
      'Alla händelser',
      'Från',
      'Till',
      'Visa',
      'Före',
      'Efter',
      '4 rader',
      'Tid i Europe/Stockholm',
      'Bara den här personen',
    ]) {
      expect(text, swedish).toContain(swedish);
    }
    for (const english of [
      'Filter',
      'Who',
      'Any',
      'From',
      'Until',
      'Before',
      'After',
      'Changed',
      'entries',
      'Only this',
      'Unchanged',
      'hidden',
      'Contract',
    ]) {
      expect(text, english).not.toContain(english);
    }
  });
});
