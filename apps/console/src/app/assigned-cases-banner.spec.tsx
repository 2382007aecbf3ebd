import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwayTakePrompt } from '../features/case/components/away-take-prompt';
import { useCaseStore } from '../features/case/store/case-store';
import { caseDetail, ME, stubApi, summary } from '../features/case/test/fixtures';
import { useQueueStore } from '../features/queue/store/queue-store';
import { snapshot } from '../features/queue/test/fixtures';
import { selectAlarmSound } from '../features/queue/utils/alarm-sound';
import { AssignedCasesBanner, useAcknowledgeOnView } from './assigned-cases-banner';
import { givenCases, outranksOpenCase, secondsLeft } from './given-cases';
import { useViewStore } from './view-store';

const HOLDUP_ID = '7a000000-0000-4000-8000-000000000001';
const FIRE_ID = '7a000000-0000-4000-8000-000000000002';
const OPEN_ID = '7a000000-0000-4000-8000-000000000003';
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

const holdup = summary({
  id: HOLDUP_ID,
  caseNo: '2026-0000330',
  category: 'HOLDUP',
  priority: 2,
  siteName: 'Bank X',
  ackDueAt: inSeconds(20),
});
const intrusionOpen = summary({ id: OPEN_ID, caseNo: '2026-0000300', category: 'INTRUSION', priority: 3 });
const fireOpen = summary({ id: OPEN_ID, caseNo: '2026-0000300', category: 'FIRE', priority: 1 });

function Harness() {
  useAcknowledgeOnView(ME.userId);
  return (
    <>
      <AssignedCasesBanner userId={ME.userId} />
      <AwayTakePrompt />
    </>
  );
}

beforeEach(() => {
  useQueueStore.getState().reset();
  useCaseStore.getState().reset();
  useCaseStore.getState().setUser(ME.userId);
  useViewStore.getState().setView('intake');
});
afterEach(() => vi.unstubAllGlobals());

describe('given cases (pure)', () => {
  it('lists only unacknowledged cases given to me, most urgent first', () => {
    const fire = summary({ id: FIRE_ID, category: 'FIRE', priority: 1, ackDueAt: inSeconds(25) });
    const mineTaken = summary({ id: OPEN_ID, ackDueAt: null });
    const someoneElse = summary({ id: '7a000000-0000-4000-8000-000000000009', heldBy: { userId: 'x', name: 'X' } });
    const list = givenCases(
      { [holdup.id]: holdup, [fire.id]: fire, [mineTaken.id]: mineTaken, x: someoneElse },
      ME.userId,
    );
    expect(list.map((c) => c.id)).toEqual([FIRE_ID, HOLDUP_ID]);
  });

  it('is urgent only when it outranks the case I hold and have open', () => {
    expect(outranksOpenCase(holdup, caseDetail({ summary: intrusionOpen }), ME.userId)).toBe(true);
    expect(outranksOpenCase(holdup, caseDetail({ summary: fireOpen }), ME.userId)).toBe(false);
    expect(outranksOpenCase(holdup, null, ME.userId)).toBe(false);
  });

  it('counts the seconds left by the server clock', () => {
    expect(secondsLeft('2026-01-01T10:00:30.000Z', Date.parse('2026-01-01T10:00:00.000Z'), 0)).toBe(30);
    expect(secondsLeft('2026-01-01T10:00:30.000Z', Date.parse('2026-01-01T10:00:00.000Z'), 10_000)).toBe(20);
    expect(secondsLeft('2026-01-01T10:00:30.000Z', Date.parse('2026-01-01T10:01:00.000Z'), 0)).toBe(0);
  });

  it('a given case sounds its own tone until acknowledged; M (silence) does not quiet it', () => {
    const cases = { [holdup.id]: holdup };
    expect(selectAlarmSound(cases, {}, ME.userId)).toBe('holdup');
    expect(selectAlarmSound(cases, { [holdup.id]: true }, ME.userId)).toBe('holdup');
    expect(selectAlarmSound({ [holdup.id]: { ...holdup, ackDueAt: null } }, {}, ME.userId)).toBe('off');
    expect(selectAlarmSound(cases, {}, null)).toBe('off');
  });
});

describe('the given-case banner', () => {
  it('announces a hold-up given to me on another screen; Open (or O) opens and acknowledges it', async () => {
    const calls = stubApi(({ path }) => {
      if (path === `/cases/${HOLDUP_ID}/acknowledge`) return { ...holdup, ackDueAt: null, version: 4 };
      return caseDetail({ summary: holdup });
    });
    useQueueStore.getState().applySnapshot(snapshot([holdup], 0, new Date().toISOString()));
    render(<Harness />);
    const banner = screen.getByTestId('given-case');
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toContain('Hold-up');
    expect(banner.textContent).toContain('Bank X');
    expect(banner.textContent).toContain('2026-0000330');
    expect(within(banner).getByTestId('given-case-left').textContent).toMatch(/^(19|20) s left/);

    await act(async () => {
      fireEvent.keyDown(window, { key: 'o' });
    });
    expect(useViewStore.getState().view).toBe('case');
    expect(useCaseStore.getState().caseId).toBe(HOLDUP_ID);
    await vi.waitFor(() =>
      expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`POST /cases/${HOLDUP_ID}/acknowledge`),
    );
    await vi.waitFor(() => expect(screen.queryByTestId('given-case')).toBeNull());
  });

  it('is urgent and cannot be put aside while it outranks my open case', () => {
    stubApi(() => undefined);
    useQueueStore.getState().applySnapshot(snapshot([holdup, intrusionOpen]));
    useCaseStore.setState({ caseId: OPEN_ID, detail: caseDetail({ summary: intrusionOpen }), status: 'ready' });
    useViewStore.getState().setView('case');
    render(<Harness />);
    const banner = screen.getByRole('alert');
    expect(banner.getAttribute('data-urgent')).toBe('true');
    expect(banner.textContent).toContain('More urgent than your open case');
    expect(within(banner).queryByTestId('given-case-ack')).toBeNull();
  });

  it('a lower-priority given case may be kept for later (acknowledged without opening)', async () => {
    const calls = stubApi(() => ({ ...holdup, ackDueAt: null }));
    useQueueStore.getState().applySnapshot(snapshot([holdup, fireOpen]));
    useCaseStore.setState({ caseId: OPEN_ID, detail: caseDetail({ summary: fireOpen }), status: 'ready' });
    useViewStore.getState().setView('case');
    render(<Harness />);
    const banner = screen.getByTestId('given-case');
    expect(banner.getAttribute('data-urgent')).toBe('false');
    fireEvent.click(within(banner).getByTestId('given-case-ack'));
    await vi.waitFor(() =>
      expect(calls).toEqual([{ method: 'POST', path: `/cases/${HOLDUP_ID}/acknowledge`, body: undefined }]),
    );
  });
});

describe('take next while away', () => {
  it('asks first, and on confirm becomes available and takes', async () => {
    const calls = stubApi(({ path, body }) => {
      if (path === '/operators/me/state') return { state: 'AWAY', reason: 'Rast', since: null };
      if (body === undefined) {
        return Response.json(
          { statusCode: 409, error: 'Conflict', message: 'You are Away (Rast)', code: 'OPERATOR_NOT_AVAILABLE' },
          { status: 409 },
        );
      }
      return caseDetail();
    });
    render(<Harness />);
    await act(() => useCaseStore.getState().takeNext());
    const prompt = screen.getByTestId('away-prompt');
    expect(prompt.textContent).toContain('You are Away (Rast). Become available and take the next case?');
    expect(document.activeElement).toBe(screen.getByTestId('away-prompt-confirm'));

    fireEvent.keyDown(prompt, { key: 'Escape' });
    expect(screen.queryByTestId('away-prompt')).toBeNull();
    expect(useCaseStore.getState().caseId).toBeNull();

    await act(() => useCaseStore.getState().takeNext());
    await act(async () => {
      fireEvent.click(screen.getByTestId('away-prompt-confirm'));
    });
    await vi.waitFor(() => expect(useCaseStore.getState().caseId).not.toBeNull());
    expect(calls.filter((c) => c.path === '/cases/take-next').map((c) => c.body)).toEqual([
      undefined,
      undefined,
      { becomeAvailable: true },
    ]);
    expect(useCaseStore.getState().becameAvailableAt).not.toBeNull();
    expect(screen.queryByTestId('away-prompt')).toBeNull();
  });
});
