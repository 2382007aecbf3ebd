import type { CaseDetail } from '@arc/shared/case-handling';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, CASE_ID, caseDetail, STEP_CALL, STEP_RESCUE, step, stubApi, summary, ME } from '../test/fixtures';
import { CloseDialog } from './close-dialog';

function renderDialog(detail: CaseDetail = caseDetail()) {
  const onClosed = vi.fn();
  const onCancel = vi.fn();
  render(<CloseDialog detail={detail} onClosed={onClosed} onCancel={onCancel} />);
  return { onClosed, onCancel };
}

const choose = (result: string) => fireEvent.change(screen.getByTestId('close-result'), { target: { value: result } });
const save = () => fireEvent.click(screen.getByTestId('close-save'));

const allTicked = caseDetail({
  steps: [
    step(STEP_CALL, { ticked: { at: '2026-01-01T10:01:00.000Z', by: ME, note: null } }),
    step(STEP_RESCUE, { mandatory: true, ticked: { at: '2026-01-01T10:02:00.000Z', by: ME, note: 'SOS' } }),
  ],
});

describe('CloseDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('needs a result before anything is sent', () => {
    const calls = stubApi(() => caseDetail());
    renderDialog(allTicked);
    save();
    expect(screen.getByTestId('close-result-error').textContent).toBe('Choose a result');
    expect(calls).toEqual([]);
  });

  it('closes with result and note, no reason asked when every mandatory step is done', async () => {
    const calls = stubApi(() => caseDetail());
    const { onClosed } = renderDialog(allTicked);
    expect(screen.queryByTestId('close-reason')).toBeNull();

    choose('REAL_ALARM');
    fireEvent.change(screen.getByTestId('close-note'), { target: { value: 'Fire brigade on site' } });
    save();

    await waitFor(() => expect(onClosed).toHaveBeenCalledWith('REAL_ALARM'));
    expect(calls).toEqual([
      {
        method: 'POST',
        path: `/cases/${CASE_ID}/close`,
        body: { result: 'REAL_ALARM', note: 'Fire brigade on site', openStepsReason: null },
      },
    ]);
  });

  it('asks why mandatory steps are open, and sends the reason', async () => {
    const calls = stubApi(() => caseDetail());
    const { onClosed } = renderDialog();

    expect(screen.getByText('Why 1 mandatory step is not done')).toBeTruthy();
    choose('FALSE_ALARM_USER_ERROR');
    save();
    expect(screen.getByTestId('close-reason-error').textContent).toBe('Give a reason: 1 mandatory step not done');
    expect(calls).toEqual([]);

    fireEvent.change(screen.getByTestId('close-reason'), { target: { value: 'Owner confirmed burnt toast' } });
    save();
    await waitFor(() => expect(onClosed).toHaveBeenCalled());
    expect(calls[0]!.body).toEqual({
      result: 'FALSE_ALARM_USER_ERROR',
      note: null,
      openStepsReason: 'Owner confirmed burnt toast',
    });
  });

  it("shows the server's 422 message and stays open", async () => {
    stubApi(() => apiError(422, 'Mandatory steps are open: Alert rescue service. Give a reason.'));
    const { onClosed } = renderDialog(allTicked);

    choose('TEST');
    save();

    expect((await screen.findByTestId('close-error')).textContent).toBe(
      'Mandatory steps are open: Alert rescue service. Give a reason.',
    );
    expect(onClosed).not.toHaveBeenCalled();
    expect(screen.getByTestId<HTMLButtonElement>('close-save').disabled).toBe(false);
  });

  it('offers a hold-up no "cancelled by caller", and says why with the shared rule', () => {
    renderDialog(caseDetail({ summary: summary({ category: 'HOLDUP' }), steps: null }));

    const option = screen.getByRole<HTMLOptionElement>('option', { name: /Cancelled by caller/ });
    expect(option.disabled).toBe(true);
    expect(screen.getByTestId('close-result-rule').textContent).toBe(
      'A hold-up alarm cannot be closed as cancelled by a caller.',
    );
  });

  it('lets a fire alarm be cancelled by the caller', () => {
    renderDialog(allTicked);
    expect(screen.getByRole<HTMLOptionElement>('option', { name: 'Cancelled by caller' }).disabled).toBe(false);
    expect(screen.queryByTestId('close-result-rule')).toBeNull();
  });

  it('cancels with Esc', () => {
    const { onCancel } = renderDialog();
    fireEvent.keyDown(screen.getByTestId('close-result'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});
