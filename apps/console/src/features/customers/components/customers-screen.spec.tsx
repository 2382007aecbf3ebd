import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { renderWithClient } from '../../../test/render';
import { makeContract, makeCustomer, makeEvents, page, requests, serve, type Route } from '../test/fixtures';
import { CustomersScreen } from './customers-screen';

const k9 = makeCustomer();
const k10 = makeCustomer({
  id: 'c0000000-0000-4000-8000-000000000010',
  customerNo: 'K10',
  name: 'Åby Fastigheter',
  orgNo: null,
});
const k2 = makeCustomer({ id: 'c0000000-0000-4000-8000-000000000002', customerNo: 'K2', name: 'Zeta Larm AB' });
const a200 = makeContract();
const a100 = makeContract({
  id: 'd0000000-0000-4000-8000-000000000002',
  contractNo: 'A100',
  managerName: 'Per Persson',
  managerPhone: null,
  managerEmail: null,
  yearlyEventQuota: 50,
  startDate: '2025-01-31',
  termMonths: 13,
});

/** The lists and counts; `extra` answers first (writes, refusals). */
function api(extra: Route = () => undefined) {
  return serve((url, init) => {
    const custom = extra(url, init);
    if (custom) return custom;
    const method = init?.method ?? 'GET';
    if (method === 'GET' && url.startsWith('/api/v1/customers?')) return { status: 200, body: page([k10, k2, k9], 3) };
    if (method === 'GET' && url === `/api/v1/contracts?customerId=${k9.id}&pageSize=200`)
      return { status: 200, body: page([a200, a100], 2, 1, 200) };
    if (method === 'GET' && url === `/api/v1/contracts/${a200.id}/alarm-events`)
      return { status: 200, body: makeEvents() };
    if (method === 'GET' && url === `/api/v1/contracts/${a100.id}/alarm-events`)
      return {
        status: 200,
        body: makeEvents({ contractId: a100.id, contractNo: 'A100', quota: 50, count: 7, overQuota: false }),
      };
    return undefined;
  });
}

const customerNos = () => screen.getAllByTestId('customer-row').map((row) => row.dataset.customerNo);
const contractRow = (contractNo: string) =>
  screen.getAllByTestId('contract-row').find((row) => row.dataset.contractNo === contractNo)!;

async function openK9() {
  await screen.findByTestId('customers-table');
  const row = screen.getAllByTestId('customer-row').find((r) => r.dataset.customerNo === 'K9')!;
  fireEvent.click(within(row).getByTestId('customer-show'));
  await screen.findByTestId('contracts-table');
  expect(within(row).getByTestId('customer-shown')).toBeTruthy();
}

describe('CustomersScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-06-01T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('lists the customers sorted by customer number (numbers as numbers), or by name', async () => {
    const fetchMock = api();
    renderWithClient(<CustomersScreen canEdit={false} />);
    await screen.findByTestId('customers-table');
    expect(requests(fetchMock)).toEqual(['GET /api/v1/customers?page=1&pageSize=25']);
    expect(customerNos()).toEqual(['K2', 'K9', 'K10']);
    expect(screen.getByTestId('customers-count').textContent).toBe('3 customers');
    fireEvent.click(screen.getByTestId('customers-sort-name'));
    expect(customerNos()).toEqual(['K10', 'K9', 'K2']); // Åby, Brandskydd, Zeta (English: Å with the A)
    expect(screen.getByTestId('customers-sort-name').getAttribute('aria-pressed')).toBe('true');
    // Read only: no way to create, change or delete.
    expect(screen.queryByTestId('customer-new')).toBeNull();
  });

  it('searches and pages as the API allows: q, page and pageSize in the query', async () => {
    const fetchMock = api((url) =>
      url.startsWith('/api/v1/customers?') ? { status: 200, body: page([k9], 60, 1, 25) } : undefined,
    );
    renderWithClient(<CustomersScreen canEdit={false} />);
    await screen.findByTestId('customers-pager');
    expect(screen.getByTestId('customers-pager-where').textContent).toBe('Page 1 of 3');
    fireEvent.click(screen.getByTestId('customers-pager-next'));
    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/v1/customers?page=2&pageSize=25'));
    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: '  Väst ' } });
    // A new search starts again on the first page (after the typing stops).
    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/v1/customers?page=1&pageSize=25&q=V%C3%A4st'));
    expect(requests(fetchMock).filter((r) => r.includes('q='))).toEqual([
      'GET /api/v1/customers?page=1&pageSize=25&q=V%C3%A4st',
    ]);
  });

  it("shows a customer's contracts: contract manager, quota, term and this year's alarm events", async () => {
    api();
    renderWithClient(<CustomersScreen canEdit={false} />);
    await openK9();
    expect(screen.getByTestId('customer-detail').textContent).toContain('Brandskydd Väst AB');
    expect(screen.getAllByTestId('contract-row').map((r) => r.dataset.contractNo)).toEqual(['A100', 'A200']);
    const a200Row = contractRow('A200');
    expect(within(a200Row).getByTestId('contract-manager').textContent).toBe('Karin Avtal+46701234567karin@example.se');
    expect(within(a200Row).getByTestId('contract-quota').textContent).toBe('10 alarm events per year');
    expect(within(a200Row).getByTestId('contract-term').textContent).toBe(
      '2026-01-01 to 2026-12-31 (12 months) Active',
    );
    // Over the quota is said in words, not by colour alone.
    await waitFor(() => expect(within(a200Row).getByTestId('contract-over-quota').textContent).toBe('Over quota by 3'));
    expect(within(a200Row).getByTestId('contract-events').textContent).toBe('13 of 10 in 2026 Over quota by 3');
    const a100Row = contractRow('A100');
    expect(within(a100Row).getByTestId('contract-term').textContent).toBe('2025-01-31 to 2026-02-28 (13 months) Ended');
    await waitFor(() =>
      expect(within(a100Row).getByTestId('contract-events').textContent).toBe('7 of 50 in 2026 43 left'),
    );
    expect(screen.queryByTestId('contract-edit')).toBeNull();
    expect(screen.queryByTestId('customer-delete')).toBeNull();
  });

  it('refuses an invalid customer before sending anything, then creates a valid one', async () => {
    const created = makeCustomer({
      id: 'c0000000-0000-4000-8000-000000000099',
      customerNo: 'K99',
      name: 'Ny Kund AB',
      orgNo: null,
    });
    const fetchMock = api((url, init) =>
      init?.method === 'POST' && url === '/api/v1/customers'
        ? { status: 201, body: created }
        : url === `/api/v1/contracts?customerId=${created.id}&pageSize=200`
          ? { status: 200, body: page([], 0, 1, 200) }
          : undefined,
    );
    renderWithClient(<CustomersScreen canEdit />);
    await screen.findByTestId('customers-table');
    screen.getByTestId('customer-new').focus();
    fireEvent.click(screen.getByTestId('customer-new'));
    expect(document.activeElement).toBe(screen.getByTestId('customer-no'));
    fireEvent.change(screen.getByTestId('customer-org-no'), { target: { value: '556677-8898' } });
    fireEvent.click(screen.getByTestId('customer-save'));
    expect(await screen.findByTestId('customer-no-error')).toBeTruthy();
    expect(screen.getByTestId('customer-name-error').textContent).toBeTruthy();
    expect(screen.getByTestId('customer-org-no-error').textContent).toBe('has a wrong check digit');
    expect(requests(fetchMock).some((r) => r.startsWith('POST'))).toBe(false);

    fireEvent.change(screen.getByTestId('customer-no'), { target: { value: 'K99' } });
    fireEvent.change(screen.getByTestId('customer-name'), { target: { value: 'Ny Kund AB' } });
    fireEvent.change(screen.getByTestId('customer-org-no'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('customer-save'));
    });
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ customerNo: 'K99', name: 'Ny Kund AB', orgNo: null });
    await waitFor(() => expect(screen.getByTestId('customers-notice').textContent).toBe('Customer Ny Kund AB saved.'));
    expect(screen.queryByTestId('customer-form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('customer-new'));
    expect(screen.getByTestId('customer-detail').textContent).toContain('Ny Kund AB');
  });

  it('refuses an invalid contract before sending anything, and sends a valid one for the customer', async () => {
    const fetchMock = api((url, init) =>
      init?.method === 'POST' && url === '/api/v1/contracts'
        ? { status: 201, body: makeContract({ id: 'd0000000-0000-4000-8000-000000000003', contractNo: 'A300' }) }
        : undefined,
    );
    renderWithClient(<CustomersScreen canEdit />);
    await openK9();
    fireEvent.click(screen.getByTestId('contract-new'));
    const form = screen.getByTestId('contract-form');
    expect(form.getAttribute('aria-label')).toBe('New contract for Brandskydd Väst AB');
    fireEvent.change(within(form).getByTestId('contract-quota'), { target: { value: '-1' } });
    fireEvent.change(within(form).getByTestId('contract-manager-email'), { target: { value: 'not-an-address' } });
    fireEvent.change(within(form).getByTestId('contract-term'), { target: { value: '0' } });
    fireEvent.click(within(form).getByTestId('contract-save'));
    await screen.findByTestId('contract-quota-error');
    expect(screen.getByTestId('contract-no-error')).toBeTruthy();
    expect(screen.getByTestId('contract-manager-name-error')).toBeTruthy();
    expect(screen.getByTestId('contract-quota-error').textContent).toBe('must be at least 0');
    expect(screen.getByTestId('contract-term-error').textContent).toBe('must be at least 1');
    expect(screen.getByTestId('contract-manager-email-error').textContent).toBe('must be an e-mail address');
    expect(requests(fetchMock).some((r) => r.startsWith('POST'))).toBe(false);

    fireEvent.change(within(form).getByTestId('contract-no'), { target: { value: 'A300' } });
    fireEvent.change(within(form).getByTestId('contract-manager-name'), { target: { value: 'Eva Ek' } });
    fireEvent.change(within(form).getByTestId('contract-manager-email'), { target: { value: '' } });
    fireEvent.change(within(form).getByTestId('contract-quota'), { target: { value: '25' } });
    fireEvent.change(within(form).getByTestId('contract-start'), { target: { value: '2026-07-01' } });
    fireEvent.change(within(form).getByTestId('contract-term'), { target: { value: '24' } });
    await act(async () => {
      fireEvent.click(within(form).getByTestId('contract-save'));
    });
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      contractNo: 'A300',
      customerId: k9.id,
      managerName: 'Eva Ek',
      managerPhone: null,
      managerEmail: null,
      yearlyEventQuota: 25,
      startDate: '2026-07-01',
      termMonths: 24,
    });
    await waitFor(() => expect(screen.getByTestId('customers-notice').textContent).toBe('Contract A300 saved.'));
  });

  it('edits a contract in its row and gives the focus back to its Edit button', async () => {
    const fetchMock = api((url, init) =>
      init?.method === 'PUT' && url === `/api/v1/contracts/${a200.id}`
        ? { status: 200, body: { ...a200, yearlyEventQuota: 20 } }
        : undefined,
    );
    renderWithClient(<CustomersScreen canEdit />);
    await openK9();
    const edit = within(contractRow('A200')).getByTestId('contract-edit');
    expect(edit.getAttribute('aria-label')).toBe('Edit contract A200');
    edit.focus();
    fireEvent.click(edit);
    const form = screen.getByTestId('contract-form');
    expect(document.activeElement).toBe(within(form).getByTestId('contract-no'));
    expect((within(form).getByTestId('contract-quota') as HTMLInputElement).value).toBe('10');
    fireEvent.change(within(form).getByTestId('contract-quota'), { target: { value: '20' } });
    await act(async () => {
      fireEvent.click(within(form).getByTestId('contract-save'));
    });
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(String(put[1]!.body))).toMatchObject({
      contractNo: 'A200',
      customerId: k9.id,
      yearlyEventQuota: 20,
    });
    await waitFor(() => expect(screen.getByTestId('customers-notice').textContent).toBe('Contract A200 saved.'));
    expect(document.activeElement).toBe(within(contractRow('A200')).getByTestId('contract-edit'));
  });

  it("shows the server's refusal: a customer with contracts is not deleted", async () => {
    api((url, init) =>
      init?.method === 'DELETE' && url === `/api/v1/customers/${k9.id}`
        ? {
            status: 409,
            body: {
              statusCode: 409,
              error: 'Conflict',
              message: 'customer K9 still has 2 contract(s)',
              code: 'CONFLICT',
            },
          }
        : undefined,
    );
    renderWithClient(<CustomersScreen canEdit />);
    await openK9();
    fireEvent.click(screen.getByTestId('customer-delete'));
    const confirm = screen.getByTestId('customer-delete-confirm');
    expect(document.activeElement).toBe(confirm);
    expect(screen.getByTestId('customer-delete-question').textContent).toContain(
      'Delete customer Brandskydd Väst AB? Only a customer without contracts can be deleted.',
    );
    fireEvent.click(confirm);
    expect((await screen.findByTestId('customer-delete-error')).textContent).toContain(
      'customer K9 still has 2 contract(s)',
    );
    expect(screen.getByTestId('customer-detail')).toBeTruthy();
    fireEvent.click(screen.getByTestId('customer-delete-cancel'));
    expect(document.activeElement).toBe(screen.getByTestId('customer-delete'));
  });

  it('deletes a contract after the question and refreshes the list', async () => {
    const fetchMock = api((url, init) =>
      init?.method === 'DELETE' && url === `/api/v1/contracts/${a100.id}` ? { status: 204 } : undefined,
    );
    renderWithClient(<CustomersScreen canEdit />);
    await openK9();
    const row = contractRow('A100');
    expect(within(row).getByTestId('contract-delete').getAttribute('aria-label')).toBe('Delete contract A100');
    fireEvent.click(within(row).getByTestId('contract-delete'));
    await act(async () => {
      fireEvent.click(within(row).getByTestId('contract-delete-confirm'));
    });
    await waitFor(() => expect(screen.getByTestId('customers-notice').textContent).toBe('Contract A100 deleted.'));
    expect(requests(fetchMock)).toContain(`DELETE /api/v1/contracts/${a100.id}`);
    const contractReads = requests(fetchMock).filter((r) => r.startsWith('GET /api/v1/contracts?'));
    expect(contractReads.length).toBeGreaterThanOrEqual(2);
  });

  it('speaks Swedish: the list, the contracts and the quota in words', async () => {
    applyLocale('sv');
    api();
    renderWithClient(<CustomersScreen canEdit />);
    await screen.findByTestId('customers-table');
    fireEvent.click(screen.getByTestId('customers-sort-name'));
    expect(customerNos()).toEqual(['K9', 'K2', 'K10']); // Brandskydd, Zeta, Åby: å after z in Swedish
    await openK9();
    await waitFor(() => expect(screen.getByTestId('contract-over-quota').textContent).toBe('Över kvoten med 3'));
    const text = screen.getByTestId('admin-customers').textContent!;
    for (const swedish of [
      'Sök kunder',
      'Ny kund',
      'Avtalsansvarig',
      'Avtalstid',
      'Larmhändelser i år',
      'Kvot',
      'Gäller',
      '3 kunder',
    ]) {
      expect(screen.getByTestId('admin-customers').textContent).toContain(swedish);
    }
    expect(within(contractRow('A200')).getByTestId('contract-quota').textContent).toBe('10 larmhändelser per år');
    expect(within(contractRow('A200')).getByTestId('contract-term').textContent).toBe(
      '2026-01-01 till 2026-12-31 (12 månader) Gäller',
    );
    for (const english of [
      'Search',
      'customer',
      'Contract',
      'manager',
      'quota',
      'Quota',
      'Term',
      'Delete',
      'Edit',
      'Active',
      'months',
      'left',
    ]) {
      expect(text, english).not.toContain(english);
    }
  });
});
