import type { SiteDetail } from '@arc/shared/directory';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDirectoryStore } from '../store/directory-store';
import {
  apiError,
  authorizationList,
  blockWindow,
  person,
  SITE_ID,
  siteDetail,
  stubApi,
  transmitter,
  TX_FIRE,
  TX_INTRUSION,
} from '../test/fixtures';
import { BlockWindowsSection, localInputToIso } from './block-windows-section';

const fireTx = transmitter(TX_FIRE, '1001', 'FIRE');
const intrusionTx = transmitter(TX_INTRUSION, '2002', 'INTRUSION');
const agnes = person('44444444-4444-4444-8444-444444444444', 'Agnes A', 'A');
const carl = person('55555555-5555-4555-8555-555555555555', 'Carl C', 'C');
const SCHEDULED = 'c0000000-0000-4000-8000-000000000001';
const ACTIVE = 'c0000000-0000-4000-8000-000000000002';
const ENDED = 'c0000000-0000-4000-8000-000000000003';
const CANCELLED = 'c0000000-0000-4000-8000-000000000004';

function detailWith(overrides: Partial<SiteDetail> = {}): SiteDetail {
  return {
    ...siteDetail(),
    transmitters: [fireTx, intrusionTx],
    authorizationLists: [authorizationList('Svalan board', [agnes, carl])],
    ...overrides,
  };
}

const windows = [
  blockWindow(SCHEDULED, fireTx),
  blockWindow(ACTIVE, intrusionTx, {
    state: 'ACTIVE',
    confirmation: {
      at: '2026-01-21T09:00:00.000Z',
      by: { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' },
      sentTo: 'agnes@example.se',
      note: 'Sent by e-mail',
    },
  }),
  blockWindow(ENDED, fireTx, { state: 'ENDED' }),
  blockWindow(CANCELLED, fireTx, { state: 'CANCELLED', cancelledAt: '2026-01-22T09:00:00.000Z' }),
];

function renderSection(detail: SiteDetail) {
  useDirectoryStore.setState({ siteId: SITE_ID, detail, detailStatus: 'ready' });
  render(<BlockWindowsSection detail={detail} today="2026-01-20" />);
}

const row = (id: string) =>
  screen.getAllByTestId('bw-row').find((r) => r.dataset.blockWindowId === id) ?? assertFound(id);

function assertFound(id: string): never {
  throw new Error(`no row ${id}`);
}

describe('BlockWindowsSection', () => {
  beforeEach(() => useDirectoryStore.getState().reset());
  afterEach(() => vi.unstubAllGlobals());

  it('lists the windows with state, requester, request and confirmation', () => {
    renderSection(detailWith({ blockWindows: windows }));

    expect(screen.getAllByTestId('bw-state').map((b) => b.textContent)).toEqual([
      'SCHEDULED',
      'ACTIVE',
      'ENDED',
      'CANCELLED',
    ]);
    const scheduled = row(SCHEDULED);
    expect(scheduled.textContent).toContain('Agnes A (A)');
    expect(scheduled.textContent).toContain('2026-01-20 · Letter 2026-01-20');
    expect(within(scheduled).getByTestId('bw-confirmation').textContent).toBe('not sent');
    expect(within(row(ACTIVE)).getByTestId('bw-confirmation').textContent).toContain('sent to agnes@example.se, ');
    expect(within(row(ACTIVE)).getByTestId('bw-confirmation').textContent).toContain('by Olle Operator');

    // Confirm only while not yet confirmed; cancel only while scheduled or active.
    expect(within(scheduled).getByTestId('bw-confirm')).toBeTruthy();
    expect(within(scheduled).getByTestId('bw-cancel')).toBeTruthy();
    expect(within(row(ACTIVE)).queryByTestId('bw-confirm')).toBeNull();
    expect(within(row(ACTIVE)).getByTestId('bw-cancel')).toBeTruthy();
    for (const id of [ENDED, CANCELLED]) {
      expect(within(row(id)).queryByTestId('bw-confirm')).toBeNull();
      expect(within(row(id)).queryByTestId('bw-cancel')).toBeNull();
    }
  });

  it("creates a window from the operator's local times as ISO instants", async () => {
    const calls = stubApi(({ method, path }) => {
      if (method === 'POST' && path === '/block-windows') return blockWindow(SCHEDULED, intrusionTx);
      if (path === `/sites/${SITE_ID}/detail`)
        return detailWith({ blockWindows: [blockWindow(SCHEDULED, intrusionTx)] });
      return apiError(404, 'unexpected');
    });
    renderSection(detailWith());
    fireEvent.click(screen.getByTestId('bw-add'));
    expect((screen.getByTestId('bw-request-date') as HTMLInputElement).value).toBe('2026-01-20');

    fireEvent.change(screen.getByTestId('bw-transmitter'), { target: { value: TX_INTRUSION } });
    fireEvent.change(screen.getByTestId('bw-starts'), { target: { value: '2026-02-01T07:00' } });
    fireEvent.change(screen.getByTestId('bw-ends'), { target: { value: '2026-02-03T16:30' } });
    fireEvent.change(screen.getByTestId('bw-requester'), { target: { value: carl.id } });
    // Level C may ask for an intrusion transmitter.
    expect(screen.getByTestId('bw-verdict').dataset.allowed).toBe('true');
    fireEvent.change(screen.getByTestId('bw-reference'), { target: { value: 'E-mail 2026-01-19 "Renovering"' } });
    fireEvent.click(screen.getByTestId('bw-save'));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toEqual({
      method: 'POST',
      path: '/block-windows',
      body: {
        transmitterId: TX_INTRUSION,
        // Typed as the centre's time (Europe/Stockholm, UTC+1 in February), whatever the browser's zone.
        startsAt: '2026-02-01T06:00:00.000Z',
        endsAt: '2026-02-03T15:30:00.000Z',
        requestedByPersonId: carl.id,
        requestDate: '2026-01-20',
        reference: 'E-mail 2026-01-19 "Renovering"',
        reason: null,
      },
    });
    expect(calls[1]!.path).toBe(`/sites/${SITE_ID}/detail`);
  });

  it('warns before sending when the requester may not block a fire transmitter', () => {
    renderSection(detailWith());
    fireEvent.click(screen.getByTestId('bw-add'));
    fireEvent.change(screen.getByTestId('bw-requester'), { target: { value: carl.id } });
    const verdict = screen.getByTestId('bw-verdict');
    expect(verdict.dataset.allowed).toBe('false');
    expect(verdict.textContent).toContain('fire needs level A or B');
  });

  it('checks the times and the request with the shared schema', async () => {
    const calls = stubApi(() => apiError(500, 'should not be called'));
    renderSection(detailWith());
    fireEvent.click(screen.getByTestId('bw-add'));
    fireEvent.change(screen.getByTestId('bw-starts'), { target: { value: '2026-02-03T07:00' } });
    fireEvent.change(screen.getByTestId('bw-ends'), { target: { value: '2026-02-01T07:00' } });
    fireEvent.click(screen.getByTestId('bw-save'));

    expect((await screen.findByTestId('bw-ends-error')).textContent).toBe('must be after startsAt');
    expect(screen.getByTestId('bw-requester-error').textContent).toMatch(/^is required/);
    expect(screen.getByTestId('bw-reference-error').textContent).toBe('is required');
    expect(calls).toEqual([]);
  });

  it('shows an overlap refused by the server next to the form', async () => {
    stubApi(() => apiError(409, 'Overlaps the block window 2026-02-01 08:00 – 2026-02-03 17:00 (Letter 2026-01-20)'));
    renderSection(detailWith());
    fireEvent.click(screen.getByTestId('bw-add'));
    fireEvent.change(screen.getByTestId('bw-starts'), { target: { value: '2026-02-02T07:00' } });
    fireEvent.change(screen.getByTestId('bw-ends'), { target: { value: '2026-02-04T07:00' } });
    fireEvent.change(screen.getByTestId('bw-requester'), { target: { value: agnes.id } });
    fireEvent.change(screen.getByTestId('bw-reference'), { target: { value: 'Letter 2' } });
    fireEvent.click(screen.getByTestId('bw-save'));

    expect((await screen.findByTestId('form-error')).textContent).toContain('Overlaps the block window');
    expect(screen.getByTestId('bw-save')).toBeTruthy();
  });

  it('records the confirmation (klarrapport) sent to the requester', async () => {
    const calls = stubApi(({ path }) =>
      path === `/sites/${SITE_ID}/detail` ? detailWith({ blockWindows: windows }) : blockWindow(SCHEDULED, fireTx),
    );
    renderSection(detailWith({ blockWindows: windows }));
    fireEvent.click(within(row(SCHEDULED)).getByTestId('bw-confirm'));
    fireEvent.click(screen.getByTestId('bwc-save'));
    expect((await screen.findByTestId('bwc-sent-to-error')).textContent).toBe('is required');

    fireEvent.change(screen.getByTestId('bwc-sent-to'), { target: { value: 'agnes@example.se' } });
    fireEvent.click(screen.getByTestId('bwc-save'));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toEqual({
      method: 'POST',
      path: `/block-windows/${SCHEDULED}/confirm`,
      body: { sentTo: 'agnes@example.se', note: null },
    });
  });

  it('cancels a window after a second click', async () => {
    const calls = stubApi(({ path }) =>
      path === `/sites/${SITE_ID}/detail` ? detailWith({ blockWindows: windows }) : blockWindow(SCHEDULED, fireTx),
    );
    renderSection(detailWith({ blockWindows: windows }));
    fireEvent.click(within(row(SCHEDULED)).getByTestId('bw-cancel'));
    expect(calls).toEqual([]);
    fireEvent.click(within(row(SCHEDULED)).getByTestId('bw-cancel-confirm'));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(`${calls[0]!.method} ${calls[0]!.path}`).toBe(`POST /block-windows/${SCHEDULED}/cancel`);
  });
});

describe('localInputToIso', () => {
  it("reads a datetime-local value as the centre's time (Europe/Stockholm), not the browser's", () => {
    expect(localInputToIso('2026-06-01T14:00')).toBe('2026-06-01T12:00:00.000Z');
    expect(localInputToIso('2026-12-01T14:00')).toBe('2026-12-01T13:00:00.000Z');
  });

  it('leaves an empty or broken value for the schema to reject', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('tomorrow')).toBe('tomorrow');
  });
});
