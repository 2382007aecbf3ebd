import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TakeNextButton } from '../features/case/components/take-next-button';
import { useCaseStore } from '../features/case/store/case-store';
import { useQueueStore } from '../features/queue/store/queue-store';
import { makeCase, snapshot } from '../features/queue/test/fixtures';
import { useConsoleShortcuts } from './use-console-shortcuts';
import { useViewStore } from './view-store';

function Harness() {
  useConsoleShortcuts();
  return (
    <>
      <TakeNextButton />
      <input data-testid="field" />
    </>
  );
}

describe('console shortcuts', () => {
  let calls: string[];
  beforeEach(() => {
    calls = [];
    useCaseStore.getState().reset();
    useQueueStore.getState().reset();
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit = {}) => {
        calls.push(`${init.method ?? 'GET'} ${url}`);
        return Promise.resolve(new Response(null, { status: 204 }));
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('N takes the next case; typed in a field it is just a letter', async () => {
    render(<Harness />);

    fireEvent.keyDown(screen.getByTestId('field'), { key: 'n' });
    expect(calls).toEqual([]);

    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'n' });
      await Promise.resolve();
    });
    expect(calls).toEqual(['POST /api/v1/cases/take-next']);
    await vi.waitFor(() => expect(useCaseStore.getState().notice).toBe('No case is waiting.'));
  });

  it('M silences the tone for the cases waiting now', () => {
    const waiting = makeCase();
    useQueueStore.getState().applySnapshot(snapshot([waiting]));
    render(<Harness />);

    fireEvent.keyDown(document.body, { key: 'm' });
    expect(useQueueStore.getState().silenced).toEqual({ [waiting.id]: true });
  });

  it('F2 opens phone intake even from a field; I only outside fields', () => {
    useViewStore.getState().reset();
    render(<Harness />);

    fireEvent.keyDown(screen.getByTestId('field'), { key: 'i' });
    expect(useViewStore.getState().view).toBe('queue');
    fireEvent.keyDown(screen.getByTestId('field'), { key: 'F2' });
    expect(useViewStore.getState().view).toBe('intake');

    useViewStore.getState().reset();
    fireEvent.keyDown(document.body, { key: 'i' });
    expect(useViewStore.getState().view).toBe('intake');
  });
});
