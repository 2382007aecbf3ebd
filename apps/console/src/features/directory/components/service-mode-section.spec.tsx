import type { SiteDetail } from '@arc/shared/directory';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDirectoryStore } from '../store/directory-store';
import {
  apiError,
  authorizationList,
  person,
  serviceCompany,
  serviceMode,
  SITE_ID,
  siteDetail,
  stubApi,
  transmitter,
  TX_FIRE,
  TX_INTRUSION,
} from '../test/fixtures';
import { DEFAULT_SETTINGS, useSettingsStore } from '../../../lib/settings/settings-store';
import { ServiceModeSection } from './service-mode-section';

const fireTx = transmitter(TX_FIRE, '1001', 'FIRE');
const intrusionTx = transmitter(TX_INTRUSION, '2002', 'INTRUSION');
const agnes = person('44444444-4444-4444-8444-444444444444', 'Agnes A', 'A');
const carl = person('55555555-5555-4555-8555-555555555555', 'Carl C', 'C');
const ivan = person('56565656-5656-4565-8565-565656565656', 'Ivan Installer', 'B');
const MODE_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

function detailWith(overrides: Partial<SiteDetail> = {}): SiteDetail {
  return {
    ...siteDetail(),
    transmitters: [fireTx, intrusionTx],
    authorizationLists: [authorizationList('Svalan board', [agnes, carl])],
    serviceCompanies: [serviceCompany('Brandservice AB', [ivan], ['POLICE_INTRUSION'])],
    ...overrides,
  };
}

function renderSection(detail: SiteDetail) {
  useDirectoryStore.setState({ siteId: SITE_ID, detail, detailStatus: 'ready' });
  render(<ServiceModeSection detail={detail} today="2026-01-01" />);
}

function openForm() {
  fireEvent.click(screen.getByTestId('sm-add'));
}

describe('ServiceModeSection', () => {
  beforeEach(() => useDirectoryStore.getState().reset());
  afterEach(() => vi.unstubAllGlobals());

  it('shows per transmitter what is in force, until when, who asked and who set it', () => {
    renderSection(
      detailWith({
        serviceModes: [
          serviceMode(MODE_ID, fireTx),
          serviceMode('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', intrusionTx, {
            active: false,
            endedEarlyAt: '2025-12-31T09:30:00.000Z',
            endedEarlyBy: { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' },
            reason: 'Detector swap',
          }),
        ],
      }),
    );

    const [fire, intrusion] = screen.getAllByTestId('sm-transmitter');
    expect(fire!.dataset.account).toBe('1001');
    const active = within(fire!).getByTestId('sm-active');
    expect(active.dataset.serviceModeId).toBe(MODE_ID);
    expect(within(active).getByTestId('sm-active-scope').textContent).toBe('all categories');
    expect(within(active).getByTestId('sm-active-until').getAttribute('datetime')).toBe('2026-01-01T11:00:00.000Z');
    expect(within(active).getByTestId('sm-active-who').textContent).toContain('asked by Agnes A (A)');
    expect(within(active).getByTestId('sm-active-who').textContent).toContain('set by Olle Operator');
    expect(within(active).getByTestId('sm-end').textContent).toBe('End now');

    // The ended one is history, not in force.
    expect(within(intrusion!).queryByTestId('sm-active')).toBeNull();
    expect(within(intrusion!).getByTestId('sm-none')).toBeTruthy();
    const recent = screen.getByTestId('sm-recent');
    expect(recent.textContent).toContain('Detector swap');
    expect(recent.textContent).toContain('ended early by Olle Operator');
  });

  it('"End now" ends the service mode on the server and reloads the site', async () => {
    const detail = detailWith({ serviceModes: [serviceMode(MODE_ID, fireTx)] });
    const calls = stubApi(({ method, path }) => {
      if (method === 'POST' && path === `/service-modes/${MODE_ID}/end`) return { ...serviceMode(MODE_ID, fireTx) };
      if (path === `/sites/${SITE_ID}/detail`) return { ...detail, serviceModes: [] };
      return apiError(404, 'unexpected');
    });
    renderSection(detail);

    fireEvent.click(screen.getByTestId('sm-end'));
    await waitFor(() => expect(useDirectoryStore.getState().detail?.serviceModes).toEqual([]));
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /service-modes/${MODE_ID}/end`,
      `GET /sites/${SITE_ID}/detail`,
    ]);
  });

  it('shows why ending failed next to the button', async () => {
    stubApi(() => apiError(409, 'Service mode already ended'));
    renderSection(detailWith({ serviceModes: [serviceMode(MODE_ID, fireTx)] }));

    fireEvent.click(screen.getByTestId('sm-end'));
    expect((await screen.findByTestId('sm-end-error')).textContent).toBe('Service mode already ended');
  });

  it('offers the list persons and the installers, grouped, as requesters', () => {
    renderSection(detailWith());
    openForm();

    const select = screen.getByTestId('sm-requester');
    const groups = [...select.querySelectorAll('optgroup')].map((g) => ({
      label: g.label,
      options: [...g.querySelectorAll('option')].map((o) => o.textContent),
    }));
    expect(groups).toEqual([
      { label: 'Svalan board', options: ['Agnes A (A)', 'Carl C (C)'] },
      { label: 'Brandservice AB (service company)', options: ['Ivan Installer (B)'] },
    ]);
  });

  it("shows the authority rule's verdict for the chosen person, transmitter and category", () => {
    renderSection(detailWith());
    openForm();
    const verdict = () => screen.getByTestId('sm-verdict');

    expect(screen.queryByTestId('sm-verdict')).toBeNull();
    fireEvent.change(screen.getByTestId('sm-requester'), { target: { value: carl.id } });
    // The first transmitter is a fire transmitter: level C may not silence it.
    expect(verdict().dataset.allowed).toBe('false');
    expect(verdict().textContent).toContain('Carl C has authority level C; fire needs level A or B');

    fireEvent.change(screen.getByTestId('sm-transmitter-select'), { target: { value: TX_INTRUSION } });
    expect(verdict().dataset.allowed).toBe('true');

    fireEvent.change(screen.getByTestId('sm-transmitter-select'), { target: { value: TX_FIRE } });
    fireEvent.change(screen.getByTestId('sm-category'), { target: { value: 'TECHNICAL' } });
    expect(verdict().dataset.allowed).toBe('true');

    fireEvent.change(screen.getByTestId('sm-category'), { target: { value: 'FIRE' } });
    fireEvent.change(screen.getByTestId('sm-requester'), { target: { value: ivan.id } });
    expect(verdict().textContent).toContain('Ivan Installer is an installer without a valid fire certificate');

    fireEvent.change(screen.getByTestId('sm-requester'), { target: { value: agnes.id } });
    expect(verdict().textContent).toBe('Agnes A (level A) may ask for this.');
  });

  it('checks the form with the shared schema before sending', async () => {
    const calls = stubApi(() => apiError(500, 'should not be called'));
    renderSection(detailWith());
    openForm();
    fireEvent.change(screen.getByTestId('sm-duration'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('sm-save'));

    expect((await screen.findByTestId('sm-requester-error')).textContent).toMatch(/^is required/);
    expect(screen.getByTestId('sm-reason-error').textContent).toBe('is required');
    expect(screen.getByTestId('sm-duration-error').textContent).toBe('must be at least 1 minute');
    expect(calls).toEqual([]);
  });

  it("refuses a longer duration than the server's maximum with a sentence in words, and uses the server's default", async () => {
    // GET /settings said: at most 12 hours, 45 minutes when none is given.
    useSettingsStore.getState().apply({
      ...DEFAULT_SETTINGS,
      serviceMode: { defaultMinutes: 45, maxMinutes: 720 },
    });
    const calls = stubApi(() => apiError(500, 'should not be called'));
    renderSection(detailWith());
    openForm();
    expect((screen.getByTestId('sm-duration') as HTMLInputElement).value).toBe('45');
    fireEvent.change(screen.getByTestId('sm-requester'), { target: { value: agnes.id } });
    fireEvent.change(screen.getByTestId('sm-reason'), { target: { value: 'Sprinkler service' } });
    fireEvent.change(screen.getByTestId('sm-duration'), { target: { value: '721' } });
    fireEvent.click(screen.getByTestId('sm-save'));

    expect((await screen.findByTestId('sm-duration-error')).textContent).toBe(
      'Duration must be at most 12 hours (720 minutes)',
    );
    expect(calls).toEqual([]);
    useSettingsStore.getState().apply(DEFAULT_SETTINGS);
  });

  it('sends the service mode with the default duration, then reloads the site', async () => {
    const calls = stubApi(({ method, path }) => {
      if (method === 'POST' && path === '/service-modes') return serviceMode(MODE_ID, fireTx);
      if (path === `/sites/${SITE_ID}/detail`) return detailWith({ serviceModes: [serviceMode(MODE_ID, fireTx)] });
      return apiError(404, 'unexpected');
    });
    renderSection(detailWith());
    openForm();
    expect((screen.getByTestId('sm-duration') as HTMLInputElement).value).toBe('60');
    fireEvent.change(screen.getByTestId('sm-requester'), { target: { value: agnes.id } });
    fireEvent.change(screen.getByTestId('sm-reason'), { target: { value: 'Sprinkler service' } });
    fireEvent.click(screen.getByTestId('sm-save'));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toEqual({
      method: 'POST',
      path: '/service-modes',
      body: {
        transmitterId: TX_FIRE,
        category: null,
        durationMinutes: 60,
        reason: 'Sprinkler service',
        requestedByPersonId: agnes.id,
      },
    });
    expect(calls[1]!.path).toBe(`/sites/${SITE_ID}/detail`);
    await waitFor(() => expect(screen.queryByTestId('sm-save')).toBeNull());
  });

  it("shows the server's refusal next to the form and keeps it open", async () => {
    stubApi(() => apiError(422, 'Carl C has authority level C; fire needs level A or B'));
    renderSection(detailWith());
    openForm();
    fireEvent.change(screen.getByTestId('sm-requester'), { target: { value: carl.id } });
    fireEvent.change(screen.getByTestId('sm-reason'), { target: { value: 'Testing' } });
    fireEvent.click(screen.getByTestId('sm-save'));

    expect((await screen.findByTestId('form-error')).textContent).toBe(
      'Carl C has authority level C; fire needs level A or B',
    );
    expect(screen.getByTestId('sm-save')).toBeTruthy();
  });

  it('offers nothing to set without transmitters', () => {
    renderSection(detailWith({ transmitters: [] }));
    expect(screen.queryByTestId('sm-add')).toBeNull();
    expect(screen.getByTestId('detail-service-mode').textContent).toContain('No transmitters.');
  });
});
