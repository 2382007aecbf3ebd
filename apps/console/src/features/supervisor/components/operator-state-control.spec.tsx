import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSupervisorStore } from '../store/supervisor-store';
import { makeOperator, makeSnapshot } from '../test/fixtures';
import { OperatorStateControl } from './operator-state-control';

const NEVER_SET = { state: null, reason: null, since: null };

/** POSTs answer `response`; the GET of the kept state answers `kept`. */
function stubFetch(response: () => Response = () => new Response(null, { status: 204 }), kept: object = NEVER_SET) {
  const fetchMock = vi.fn((_url: string, init?: RequestInit) =>
    Promise.resolve(
      (init?.method ?? 'GET') === 'GET'
        ? new Response(JSON.stringify(kept), { status: 200, headers: { 'content-type': 'application/json' } })
        : response(),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const sent = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([url, init]) => ({ url, method: init?.method, body: JSON.parse(String(init?.body)) }));

async function settle() {
  await act(async () => {
    await Promise.resolve();
  });
}

const control = () => screen.getByTestId('operator-state');

describe('OperatorStateControl', () => {
  beforeEach(() => {
    useSupervisorStore.getState().reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts from the state the server kept', async () => {
    const fetchMock = stubFetch(undefined, { state: 'AWAY', reason: 'Training', since: '2026-11-29T08:00:00.000Z' });
    render(<OperatorStateControl />);
    await settle();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/operators/me/state');
    expect(control().dataset.state).toBe('AWAY');
    expect(screen.getByTestId('operator-state-current').textContent).toBe('Away: Training');
  });

  it('sets the user available', async () => {
    const fetchMock = stubFetch();
    render(<OperatorStateControl />);
    expect(control().dataset.state).toBe('unknown');
    expect(screen.getByTestId('operator-state-current').textContent).toBe('State not set');

    fireEvent.click(screen.getByTestId('operator-state-available'));
    await settle();
    expect(sent(fetchMock)).toEqual([
      { url: '/api/v1/operators/me/state', method: 'POST', body: { state: 'AVAILABLE' } },
    ]);
    expect(control().dataset.state).toBe('AVAILABLE');
    expect(screen.getByTestId('operator-state-available').getAttribute('aria-pressed')).toBe('true');
  });

  it('asks for a reason before setting the user away', async () => {
    const fetchMock = stubFetch();
    render(<OperatorStateControl />);
    fireEvent.click(screen.getByTestId('operator-state-away'));
    fireEvent.click(screen.getByTestId('operator-state-save'));
    expect(screen.getByTestId('operator-state-error').textContent).toBe('Say why you are away');
    expect(sent(fetchMock)).toEqual([]);

    fireEvent.change(screen.getByTestId('operator-state-reason'), { target: { value: '  Lunch ' } });
    fireEvent.click(screen.getByTestId('operator-state-save'));
    await settle();
    expect(sent(fetchMock)).toEqual([
      { url: '/api/v1/operators/me/state', method: 'POST', body: { state: 'AWAY', reason: 'Lunch' } },
    ]);
    expect(control().dataset.state).toBe('AWAY');
    expect(screen.getByTestId('operator-state-current').textContent).toBe('Away: Lunch');
    expect(screen.queryByTestId('operator-state-reason')).toBeNull();
    expect(screen.queryByTestId('operator-state-error')).toBeNull();
  });

  it('closes the reason field on Escape without sending anything', () => {
    const fetchMock = stubFetch();
    render(<OperatorStateControl />);
    fireEvent.click(screen.getByTestId('operator-state-away'));
    fireEvent.keyDown(screen.getByTestId('operator-state-reason'), { key: 'Escape' });
    expect(screen.queryByTestId('operator-state-reason')).toBeNull();
    expect(sent(fetchMock)).toEqual([]);
  });

  it("shows the server's refusal and keeps the previous state", async () => {
    stubFetch(() => Response.json({ message: 'Validation failed: reason is required' }, { status: 400 }));
    render(<OperatorStateControl />);
    fireEvent.click(screen.getByTestId('operator-state-available'));
    await settle();
    expect(screen.getByTestId('operator-state-error').textContent).toBe('Validation failed: reason is required');
    expect(control().dataset.state).toBe('unknown');
  });

  it("shows a supervisor's state as the snapshot reports it until they choose one", async () => {
    stubFetch();
    useSupervisorStore
      .getState()
      .applySnapshot(
        makeSnapshot({ operators: [makeOperator({ userId: 'me', state: 'AWAY', awayReason: 'Meeting' })] }),
      );
    render(<OperatorStateControl userId="me" />);
    expect(screen.getByTestId('operator-state-current').textContent).toBe('Away: Meeting');
    fireEvent.click(screen.getByTestId('operator-state-available'));
    await settle();
    expect(control().dataset.state).toBe('AVAILABLE');
  });
});
