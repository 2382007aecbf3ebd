import type { ServiceCompany } from '@arc/shared/directory';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { renderWithClient } from '../../../test/render';
import {
  GRETA_ID,
  IVAR_ID,
  LIST_ID,
  OTHER_SITE_ID,
  SITE_ID,
  makeApproval,
  makeCompany,
  makeHit,
  makePerson,
  makeSite,
  pageOf,
  sent,
  serveApi,
  type Route,
} from '../test/fixtures';
import { ServiceCompaniesScreen } from './service-companies-screen';

// 11:00 on 20 November 2026 in Stockholm.
const NOW = Date.parse('2026-11-20T10:00:00Z');

const company = makeCompany({
  approvals: [
    makeApproval({ id: 'f0000000-0000-4000-8000-000000000003', reference: 'F-10', validTo: '2027-06-01' }),
    makeApproval({
      id: 'f0000000-0000-4000-8000-000000000001',
      kind: 'POLICE_INTRUSION',
      reference: 'P-123',
      personId: IVAR_ID,
      validTo: '2026-12-02',
    }),
    makeApproval({ id: 'f0000000-0000-4000-8000-000000000002', reference: 'F-9', validTo: '2026-11-19' }),
  ],
});
const others = [
  makeCompany({ id: '22222222-2222-4222-8222-222222222222', name: 'Öresund Service', orgNo: null, siteIds: [] }),
  makeCompany({ id: '33333333-3333-4333-8333-333333333333', name: 'Zenit El', siteIds: [] }),
  makeCompany({ id: '44444444-4444-4444-8444-444444444444', name: 'Alfa Service', siteIds: [] }),
];
const ivar = makePerson();
const greta = makePerson({ id: GRETA_ID, name: 'Greta Grön', level: 'B', validFrom: null, validTo: null });

/** The lists answer from `state`, so a write the test makes shows on the next read. */
function serve(state: { companies: ServiceCompany[] } = { companies: [company, ...others] }, route?: Route) {
  return serveApi((url, init) => {
    if ((init?.method ?? 'GET') !== 'GET') return undefined;
    if (url.startsWith('/api/v1/service-companies?')) return { status: 200, body: pageOf(state.companies) };
    if (url === `/api/v1/authorization-lists/${LIST_ID}/persons`) return { status: 200, body: [ivar, greta] };
    if (url === `/api/v1/sites/${SITE_ID}`) return { status: 200, body: makeSite() };
    if (url.startsWith('/api/v1/directory/search?'))
      return { status: 200, body: [makeHit(), makeHit({ siteId: SITE_ID, siteName: 'Lagerhuset Kopparlunden' })] };
    return undefined;
  }, route);
}

const names = () =>
  screen.getAllByTestId('company-item').map((item) => item.querySelector('.registry-list__name')?.textContent);

async function open(name = 'Säkra Larm AB') {
  const item = (await screen.findAllByTestId('company-item')).find((i) => i.textContent?.includes(name))!;
  fireEvent.click(item);
  const detail = await screen.findByTestId('company-detail');
  await within(detail).findAllByTestId('installer-row');
  return detail;
}

describe('ServiceCompaniesScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('lists the companies by name, counting approvals that lapse soon or have lapsed in words', async () => {
    serve();
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    await screen.findByTestId('company-list');
    expect(names()).toEqual(['Alfa Service', 'Öresund Service', 'Säkra Larm AB', 'Zenit El']);
    const item = screen.getAllByTestId('company-item')[2]!;
    expect(within(item).getByTestId('company-expired').textContent).toContain('1 has lapsed');
    expect(within(item).getByTestId('company-expiring').textContent).toContain('1 expires within 30 days');
    expect(within(screen.getAllByTestId('company-item')[0]!).queryByTestId('company-expiring')).toBeNull();
  });

  it('shows sites, installers with their validity and approvals, the soonest to lapse first', async () => {
    serve();
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    const detail = await open();
    expect(within(detail).getByTestId('company-org-no-value').textContent).toBe('556677-8899');
    expect((await within(detail).findByTestId('company-site')).textContent).toContain('Lagerhuset Kopparlunden');

    const installers = within(detail).getAllByTestId('installer-row');
    expect(installers.map((r) => r.querySelector('th')?.textContent)).toEqual(['Greta Grön', 'Ivar Installatör']);
    expect(within(installers[0]!).getByTestId('installer-lapse').textContent).toBe('No end date');
    expect(within(installers[1]!).getByTestId('installer-lapse').textContent).toBe(
      '⚠Warning: Expires in 20 days (2026-12-10)',
    );

    const approvals = within(detail).getAllByTestId('approval-row');
    expect(approvals.map((r) => r.dataset.lapse)).toEqual(['expired', 'expiring', 'valid']);
    expect(approvals[0]!.textContent).toContain('Fire certificate');
    expect(approvals[0]!.textContent).toContain('The whole company');
    expect(within(approvals[0]!).getByTestId('approval-lapse').textContent).toBe('✖Lapsed 2026-11-19');
    expect(within(approvals[0]!).getByText('✖')).toBeTruthy();
    expect(approvals[1]!.textContent).toContain('Police approval (intrusion)');
    expect(approvals[1]!.textContent).toContain('Ivar Installatör');
    expect(within(approvals[1]!).getByTestId('approval-lapse').textContent).toBe(
      '⚠Warning: Expires in 12 days (2026-12-02)',
    );
    expect(within(approvals[1]!).getByText('⚠')).toBeTruthy();
    expect(within(approvals[2]!).getByTestId('approval-lapse').textContent).toBe('✓Valid until 2027-06-01');
  });

  it('lets a supervisor read but not change', async () => {
    serve();
    renderWithClient(<ServiceCompaniesScreen canEdit={false} />);
    const detail = await open();
    for (const id of [
      'company-new',
      'company-edit',
      'company-delete',
      'installer-add',
      'approval-add',
      'company-site-search',
    ]) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(within(detail).queryAllByTestId('installer-edit')).toHaveLength(0);
    expect(within(detail).queryAllByTestId('approval-remove')).toHaveLength(0);
    expect(within(detail).queryAllByTestId('company-site-remove')).toHaveLength(0);
  });

  it('is all Swedish in Swedish, sorted as Swedish sorts', async () => {
    applyLocale('sv');
    serve();
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    await screen.findByTestId('company-list');
    expect(names()).toEqual(['Alfa Service', 'Säkra Larm AB', 'Zenit El', 'Öresund Service']);
    expect(screen.getAllByTestId('company-item')[1]!.textContent).toContain('1 går ut inom 30 dagar');
    const detail = await open();
    expect(screen.getByRole('heading', { name: 'Serviceföretag' })).toBeTruthy();
    const approvals = within(detail).getAllByTestId('approval-row');
    expect(within(approvals[0]!).getByTestId('approval-lapse').textContent).toBe('✖Gick ut 2026-11-19');
    expect(within(approvals[1]!).getByTestId('approval-lapse').textContent).toBe(
      '⚠Varning: Går ut om 12 dagar (2026-12-02)',
    );
    expect(approvals[0]!.textContent).toContain('Hela serviceföretaget');
    expect(approvals[1]!.textContent).toContain('Polisens godkännande (inbrott)');
    fireEvent.click(within(detail).getByTestId('approval-add'));
    const form = within(detail).getByTestId('approval-form');
    fireEvent.click(within(form).getByTestId('approval-save'));
    expect(within(form).getByTestId('approval-reference-error').textContent).toBe('Obligatoriskt');
    const text = screen.getByTestId('admin-service-companies').textContent ?? '';
    for (const english of [
      'Installers',
      'Approvals',
      'Expires',
      'Lapsed',
      'whole company',
      'Valid',
      'Sites',
      'Remove',
      'Edit',
      'Cancel',
      'Reference',
    ]) {
      expect(text).not.toContain(english);
    }
  });

  it('refuses an invalid company before sending, then creates it without an organisation number', async () => {
    const created = makeCompany({
      id: '55555555-5555-4555-8555-555555555555',
      name: 'Nya Service',
      orgNo: null,
      siteIds: [],
    });
    const state = { companies: [company] };
    const fetchMock = serve(state, (url, init) => {
      if (url !== '/api/v1/service-companies' || init?.method !== 'POST') return undefined;
      state.companies = [...state.companies, created];
      return { status: 201, body: created };
    });
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    await screen.findByTestId('company-list');
    fireEvent.click(screen.getByTestId('company-new'));
    const form = screen.getByTestId('company-form');
    expect(document.activeElement).toBe(within(form).getByLabelText('Name'));
    fireEvent.change(within(form).getByLabelText('Organisation number'), { target: { value: '123' } });
    fireEvent.click(within(form).getByTestId('company-save'));
    expect(within(form).getByTestId('company-name-error').textContent).toBe('Required');
    expect(within(form).getByTestId('company-org-no-error').textContent).toBe(
      'Enter an organisation number like 556677-8899',
    );
    fireEvent.change(within(form).getByLabelText('Organisation number'), { target: { value: '556677-8898' } });
    fireEvent.click(within(form).getByTestId('company-save'));
    expect(within(form).getByTestId('company-org-no-error').textContent).toBe(
      'The organisation number has a wrong check digit',
    );
    expect(sent(fetchMock, 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Nya Service' } });
    fireEvent.change(within(form).getByLabelText('Organisation number'), { target: { value: ' ' } });
    fireEvent.click(within(form).getByTestId('company-save'));
    expect((await screen.findByTestId('company-title')).textContent).toBe('Nya Service');
    expect(sent(fetchMock, 'POST')).toEqual([{ name: 'Nya Service', orgNo: null, siteIds: [] }]);
  });

  it('adds an approval only when valid, and shows the server refusal in the form', async () => {
    let refuse = true;
    const fetchMock = serve(undefined, (url, init) => {
      if (url !== `/api/v1/service-companies/${company.id}/approvals` || init?.method !== 'POST') return undefined;
      if (refuse)
        return {
          status: 422,
          body: {
            statusCode: 422,
            error: 'x',
            code: 'UNPROCESSABLE',
            message: `personId: ${GRETA_ID} is not an installer`,
          },
        };
      return { status: 201, body: company };
    });
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    const detail = await open();
    fireEvent.click(within(detail).getByTestId('approval-add'));
    const form = within(detail).getByTestId('approval-form');
    expect(document.activeElement).toBe(within(form).getByLabelText('Kind'));
    fireEvent.change(within(form).getByLabelText('Valid from'), { target: { value: '2026-12-01' } });
    fireEvent.change(within(form).getByLabelText('Valid to'), { target: { value: '2026-11-01' } });
    fireEvent.click(within(form).getByTestId('approval-save'));
    expect(within(form).getByTestId('approval-reference-error').textContent).toBe('Required');
    expect(within(form).getByTestId('approval-valid-to-error').textContent).toBe('Must not be before Valid from');
    expect(sent(fetchMock, 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Reference'), { target: { value: 'P-77' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'POLICE_INTRUSION' } });
    fireEvent.change(within(form).getByLabelText('For'), { target: { value: GRETA_ID } });
    fireEvent.change(within(form).getByLabelText('Valid to'), { target: { value: '2027-12-01' } });
    fireEvent.click(within(form).getByTestId('approval-save'));
    expect((await within(form).findByTestId('approval-form-error')).textContent).toMatch(/is not an installer/);
    refuse = false;
    fireEvent.click(within(form).getByTestId('approval-save'));
    await waitFor(() => expect(within(detail).queryByTestId('approval-form')).toBeNull());
    expect(sent(fetchMock, 'POST').at(-1)).toEqual({
      kind: 'POLICE_INTRUSION',
      reference: 'P-77',
      personId: GRETA_ID,
      validFrom: '2026-12-01',
      validTo: '2027-12-01',
    });
  });

  it('adds an installer to the company list, refusing a bad phone first', async () => {
    const fetchMock = serve(undefined, (url, init) =>
      url === '/api/v1/persons' && init?.method === 'POST'
        ? { status: 201, body: makePerson({ id: 'f1111111-1111-4111-8111-111111111111', name: 'Nils Ny' }) }
        : undefined,
    );
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    const detail = await open();
    fireEvent.click(within(detail).getByTestId('installer-add'));
    const form = within(detail).getByTestId('installer-form');
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Nils Ny' } });
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '123' } });
    fireEvent.click(within(form).getByTestId('installer-save'));
    expect(within(form).getByTestId('installer-phone-error').textContent).toBe(
      'Enter a valid phone number, e.g. 070-123 45 67',
    );
    expect(sent(fetchMock, 'POST')).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '070-555 66 77' } });
    fireEvent.change(within(form).getByLabelText('Authority level'), { target: { value: 'B' } });
    fireEvent.change(within(form).getByLabelText('Valid to'), { target: { value: '2027-03-31' } });
    fireEvent.click(within(form).getByTestId('installer-save'));
    await waitFor(() => expect(within(detail).queryByTestId('installer-form')).toBeNull());
    expect(sent(fetchMock, 'POST')).toEqual([
      { listId: LIST_ID, name: 'Nils Ny', phone: '+46705556677', level: 'B', validFrom: null, validTo: '2027-03-31' },
    ]);
  });

  it('adds a site found by search and removes one, replacing the company sites', async () => {
    const state = { companies: [company] };
    const fetchMock = serve(state, (url, init) => {
      if (url !== `/api/v1/service-companies/${company.id}` || init?.method !== 'PUT') return undefined;
      const saved = { ...company, ...(JSON.parse(init.body as string) as object) };
      state.companies = [saved];
      return { status: 200, body: saved };
    });
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    const detail = await open();
    fireEvent.change(within(detail).getByLabelText('Find a site to add'), { target: { value: 'Vallby' } });
    const hits = await within(detail).findAllByTestId('company-site-hit');
    expect(hits[1]!.textContent).toContain('added');
    fireEvent.click(within(hits[0]!).getByRole('button', { name: 'Add Kontoret Vallby' }));
    await waitFor(() => expect(sent(fetchMock, 'PUT')).toHaveLength(1));
    expect(sent(fetchMock, 'PUT')[0]).toEqual({
      name: 'Säkra Larm AB',
      orgNo: '556677-8899',
      siteIds: [SITE_ID, OTHER_SITE_ID],
    });
    await waitFor(() => expect(within(detail).getAllByTestId('company-site')).toHaveLength(2));

    const remove = within(detail).getByRole('button', { name: 'Remove Lagerhuset Kopparlunden from the company' });
    await waitFor(() => expect((remove as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(remove);
    await waitFor(() => expect(sent(fetchMock, 'PUT')).toHaveLength(2));
    expect(sent(fetchMock, 'PUT')[1]).toEqual({
      name: 'Säkra Larm AB',
      orgNo: '556677-8899',
      siteIds: [OTHER_SITE_ID],
    });
  });

  it('deletes a company and removes an approval only after a confirmation', async () => {
    const state = { companies: [company] };
    const fetchMock = serve(state, (url, init) => {
      if (init?.method !== 'DELETE') return undefined;
      if (url === `/api/v1/service-companies/${company.id}`) state.companies = [];
      return { status: 204 };
    });
    renderWithClient(<ServiceCompaniesScreen canEdit />);
    const detail = await open();
    fireEvent.click(within(detail).getByRole('button', { name: 'Remove approval P-123' }));
    const confirm = within(detail).getByTestId('approval-remove-confirm');
    expect(confirm.textContent).toContain('Remove the approval P-123?');
    expect(sent(fetchMock, 'DELETE')).toHaveLength(0);
    fireEvent.click(within(confirm).getByTestId('approval-remove-confirm-yes'));
    await waitFor(() => expect(within(detail).queryByTestId('approval-remove-confirm')).toBeNull());
    expect(fetchMock.mock.calls.some(([url]) => url.endsWith('/approvals/f0000000-0000-4000-8000-000000000001'))).toBe(
      true,
    );

    fireEvent.click(within(detail).getByTestId('company-delete'));
    expect(document.activeElement).toBe(within(detail).getByTestId('company-delete-confirm-yes'));
    fireEvent.click(within(detail).getByTestId('company-delete-confirm-yes'));
    await waitFor(() => expect(screen.queryByTestId('company-detail')).toBeNull());
    expect(await screen.findByText('No service company yet.')).toBeTruthy();
  });
});
