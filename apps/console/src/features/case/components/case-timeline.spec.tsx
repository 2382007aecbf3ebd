import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCaseStore } from '../store/case-store';
import { CASE_ID, caseDetail, ME, stubApi, summary } from '../test/fixtures';
import { CaseScreen } from './case-screen';

const taken = { id: '1', at: '2026-01-01T10:00:20.000Z', type: 'TAKEN', by: ME, data: {}, signalId: null };

describe('the timeline on the case screen', () => {
  beforeEach(() => {
    useCaseStore.getState().reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows each event with its time in the centre zone, 24-hour, and who did it', () => {
    const detail = caseDetail({ history: [taken] });
    useCaseStore.setState({ userId: ME.userId, caseId: CASE_ID, detail, status: 'ready' });
    render(<CaseScreen />);
    const entries = screen.getAllByTestId('timeline-entry');
    expect(entries.map((e) => e.querySelector('time')?.textContent)).toEqual(['11:00:00', '11:00:20']);
    expect(entries.map((e) => e.querySelector('[data-testid="timeline-title"]')?.textContent)).toEqual([
      'Fire alarm',
      'Taken',
    ]);
    expect(entries[0]!.textContent).toContain('FA · zone 007 · "Kitchen"');
    expect(entries[1]!.querySelector('[data-testid="timeline-by"]')?.textContent).toBe('Olle Operator');
    expect(screen.getByTestId('case-timeline').textContent).toContain('Timeline (2)');
  });

  it('grows when the case changes: a new version is fetched and the new line appears', async () => {
    const detail = caseDetail({ history: [taken] });
    useCaseStore.setState({ userId: ME.userId, caseId: CASE_ID, detail, status: 'ready' });
    const newer = caseDetail({
      summary: summary({ version: 4, signalCount: 2 }),
      signals: [
        ...detail.signals,
        {
          id: 's2',
          receivedAt: '2026-01-01T10:01:00.000Z',
          account: '1001',
          code: 'FA',
          zone: '008',
          text: null,
          description: 'Fire alarm',
          decision: 'APPENDED',
          unencryptedFromKeyed: false,
        },
      ],
      history: [taken],
    });
    stubApi(() => newer);
    render(<CaseScreen />);
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(2);
    act(() => useCaseStore.getState().noteChange(newer.summary));
    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')).toHaveLength(3));
    expect(screen.getAllByTestId('timeline-entry')[2]!.textContent).toContain('zone 008');
  });
});
