import type { CaseDetail } from '@arc/shared/case-handling';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCaseStore } from '../store/case-store';
import {
  apiError,
  CASE_ID,
  caseDetail,
  CONTACT_A,
  CONTACT_B,
  ME,
  STEP_RESCUE,
  stubApi,
  attempt,
  caseNote,
  tickedStep,
  summary,
} from '../test/fixtures';
import { CaseScreen } from './case-screen';

function renderCase(detail: CaseDetail = caseDetail()) {
  useCaseStore.setState({ userId: ME.userId, caseId: detail.summary.id, detail, status: 'ready', error: null });
  render(<CaseScreen />);
}

function press(key: string, target: Element = document.body) {
  act(() => {
    fireEvent.keyDown(target, { key });
  });
}

const targets = () => screen.getAllByTestId('call-target');
const selectedTarget = () => targets().find((t) => t.dataset.selected === 'true');

describe('CaseScreen', () => {
  beforeEach(() => {
    useCaseStore.getState().reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the site, transmitter, signals, action plan, contacts and times of the case', () => {
    renderCase();

    const header = screen.getByRole('heading', { level: 2 });
    expect(header.textContent).toBe('2026-000042 Fire alarm');
    expect(screen.getByTestId('case-site-name').textContent).toBe('Kvarteret Svalan');
    expect(screen.getByTestId('case-site-address').textContent).toBe(
      'Storgatan 5, 722 15 Västerås · Entrance from the yard',
    );
    expect(screen.getByTestId('case-transmitter').textContent).toContain('1001');
    expect(screen.getByTestId('case-transmitter').textContent).toContain('ENCRYPTED');

    const signal = screen.getByTestId('case-signal');
    expect([...signal.querySelectorAll('td')].slice(1).map((td) => td.textContent)).toEqual([
      '1001',
      'FA',
      '007',
      'Kitchen',
      'Fire alarm',
    ]);

    const steps = screen.getAllByTestId('step');
    expect(steps.map((s) => s.dataset.mandatory ?? 'no')).toEqual(['no', 'true']);
    expect(steps[0]!.textContent).toContain('Call contact — Anna');
    expect(steps[1]!.textContent).toContain('Alert rescue service');
    expect(steps[1]!.textContent).toContain('MANDATORY');

    // Contacts in call order, each route, then the on-call person.
    expect(targets().map((t) => t.querySelector('.mono')?.textContent)).toEqual([
      '+46701111111',
      '+46701111112',
      '+46702222222',
      '+46703333333',
    ]);
    expect(targets()[3]!.textContent).toContain('Vera Vakt');
    expect(targets()[3]!.textContent).toContain('ON CALL');

    expect(screen.getByTestId('time-acceptedAt').textContent).toContain('+0:20');
    expect(screen.getByTestId('time-closedAt').textContent).toContain('—');
    expect(screen.getByTestId('shortcut-help').textContent).toContain('record outcome');
  });

  it('warns about a case with an unencrypted signal from an encrypted transmitter, and marks the signal', () => {
    const detail = caseDetail();
    renderCase({
      ...detail,
      summary: { ...detail.summary, unencryptedFromKeyed: true },
      signals: detail.signals.map((s) => ({ ...s, unencryptedFromKeyed: true })),
    });

    expect(screen.getByTestId('case-unencrypted').textContent).toMatch(
      /Unencrypted message from an encrypted transmitter/,
    );
    expect(screen.getByTestId('case-signal').dataset.unencrypted).toBe('true');
    expect(screen.getByTestId('case-signal-unencrypted').textContent).toBe('UNENCRYPTED');
  });

  it('shows no encryption warning for an ordinary case', () => {
    renderCase();
    expect(screen.queryByTestId('case-unencrypted')).toBeNull();
    expect(screen.queryByTestId('case-signal-unencrypted')).toBeNull();
  });

  it('records a call with the mouse: outcome and note are sent, then the case is fetched again', async () => {
    const calls = stubApi(({ method }) =>
      method === 'POST' ? Response.json(attempt(), { status: 201 }) : caseDetail(),
    );
    renderCase();

    const bertil = targets()[2]!;
    fireEvent.click(within(bertil).getByTestId('record-call'));
    fireEvent.click(screen.getByTestId('outcome-BUSY'));
    fireEvent.change(screen.getByTestId('record-note'), { target: { value: 'Line busy' } });
    fireEvent.click(screen.getByTestId('record-save'));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toEqual({
      method: 'POST',
      path: `/cases/${CASE_ID}/attempts`,
      body: {
        contactId: CONTACT_B,
        name: 'Bertil',
        routeKind: 'PHONE',
        routeValue: '+46702222222',
        outcome: 'BUSY',
        note: 'Line busy',
      },
    });
    expect(calls[1]).toMatchObject({ method: 'GET', path: `/cases/${CASE_ID}` });
    await waitFor(() => expect(screen.queryByTestId('record-call-form')).toBeNull());
  });

  it('records a call with the keyboard: a digit picks the outcome for the selected number', async () => {
    const calls = stubApi(({ method }) => (method === 'POST' ? attempt() : caseDetail()));
    renderCase();
    expect(selectedTarget()?.dataset.targetKey).toBe(`${CONTACT_A}:0`);

    press('2');
    const note = screen.getByTestId('record-note');
    expect(document.activeElement).toBe(note);
    expect(screen.getByTestId<HTMLInputElement>('outcome-NO_ANSWER').checked).toBe(true);
    // Digits typed in the note are text, not shortcuts.
    press('5', note);
    expect(screen.getByTestId<HTMLInputElement>('outcome-NO_ANSWER').checked).toBe(true);
    fireEvent.change(note, { target: { value: 'Rang 10 times' } });
    fireEvent.submit(screen.getByTestId('record-call-form'));

    await waitFor(() => expect(calls[0]?.method).toBe('POST'));
    expect(calls[0]!.body).toMatchObject({ contactId: CONTACT_A, outcome: 'NO_ANSWER', note: 'Rang 10 times' });
    // Nobody answered: the next phone is selected (Anna's SMS number is skipped, defect 7).
    await waitFor(() => expect(selectedTarget()?.dataset.targetKey).toBe(`${CONTACT_B}:0`));

    press('K');
    expect(selectedTarget()?.dataset.targetKey).toBe(`${CONTACT_A}:1`);
    press('ArrowDown');
    expect(selectedTarget()?.dataset.targetKey).toBe(`${CONTACT_B}:0`);
  });

  it('shows the server refusal of a call and keeps the form', async () => {
    stubApi(() => apiError(409, 'Case 2026-000042 is held by Anna'));
    renderCase();

    press('1');
    fireEvent.click(screen.getByTestId('record-save'));

    expect((await screen.findByTestId('record-error')).textContent).toBe('Case 2026-000042 is held by Anna');
    expect(screen.getByTestId('record-call-form')).toBeTruthy();
  });

  it('opens close with C and put back with P, and Esc cancels', () => {
    renderCase();

    press('C');
    expect(screen.getByTestId('close-dialog')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('close-result'));
    press('Escape', screen.getByTestId('close-result'));
    expect(screen.queryByTestId('close-dialog')).toBeNull();

    press('p');
    expect(screen.getByTestId('put-back-dialog')).toBeTruthy();
    press('Escape');
    expect(screen.queryByTestId('put-back-dialog')).toBeNull();

    press('3');
    expect(screen.getByTestId('record-call-form')).toBeTruthy();
    press('Escape');
    expect(screen.queryByTestId('record-call-form')).toBeNull();
  });

  it('takes no shortcut while the operator types in a field, or with a modifier held', () => {
    renderCase();
    const note = screen.getByTestId('note-text');
    note.focus();

    press('C', note);
    press('1', note);
    act(() => {
      fireEvent.keyDown(document.body, { key: 'c', ctrlKey: true });
    });

    expect(screen.queryByTestId('close-dialog')).toBeNull();
    expect(screen.queryByTestId('record-call-form')).toBeNull();
  });

  it('ticks a step with a note', async () => {
    const calls = stubApi(({ method }) => (method === 'POST' ? tickedStep(STEP_RESCUE) : caseDetail()));
    renderCase();

    const mandatory = screen.getAllByTestId('step')[1]!;
    fireEvent.click(within(mandatory).getByTestId('step-tick'));
    fireEvent.change(screen.getByTestId('step-note'), { target: { value: 'SOS 112 called' } });
    fireEvent.click(screen.getByTestId('step-save'));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toEqual({
      method: 'POST',
      path: `/cases/${CASE_ID}/steps/${STEP_RESCUE}/tick`,
      body: { note: 'SOS 112 called' },
    });
  });

  it('adds a note and shows a refused one', async () => {
    let refuse = false;
    const calls = stubApi(({ method }) => {
      if (method === 'GET') return caseDetail();
      return refuse ? apiError(409, 'The case is closed') : Response.json(caseNote(), { status: 201 });
    });
    renderCase();

    fireEvent.change(screen.getByTestId('note-text'), { target: { value: 'Caller says smoke from the kitchen' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toEqual({
      method: 'POST',
      path: `/cases/${CASE_ID}/notes`,
      body: { text: 'Caller says smoke from the kitchen' },
    });

    refuse = true;
    fireEvent.change(screen.getByTestId('note-text'), { target: { value: 'Another' } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect((await screen.findByTestId('note-error')).textContent).toBe('The case is closed');
  });

  it('puts the case back with a reason and returns to the queue', async () => {
    const calls = stubApi(({ method }) => (method === 'POST' ? summary({ status: 'QUEUED', heldBy: null }) : []));
    renderCase();

    fireEvent.click(screen.getByTestId('put-back'));
    fireEvent.click(screen.getByTestId('put-back-save'));
    expect(screen.getByTestId('put-back-error').textContent).toBe('Reason is required');
    expect(calls).toEqual([]);

    fireEvent.change(screen.getByTestId('put-back-reason'), { target: { value: 'Needs the key holder list' } });
    fireEvent.click(screen.getByTestId('put-back-save'));

    await waitFor(() => expect(useCaseStore.getState().caseId).toBeNull());
    expect(calls[0]).toEqual({
      method: 'POST',
      path: `/cases/${CASE_ID}/put-back`,
      body: { reason: 'Needs the key holder list' },
    });
    expect(useCaseStore.getState().notice).toBe('Case 2026-000042 is back in the queue.');
  });

  it('turns read-only and says why when the case is no longer the operator’s', () => {
    renderCase(caseDetail({ summary: summary({ status: 'QUEUED', heldBy: null, returned: true }) }));

    expect(screen.getByTestId('case-not-yours').textContent).toContain('It went back to the queue.');
    expect(screen.queryByTestId('close-case')).toBeNull();
    expect(screen.queryByTestId('record-call')).toBeNull();
    expect(screen.queryByTestId('step-tick')).toBeNull();
    press('C');
    expect(screen.queryByTestId('close-dialog')).toBeNull();
  });
});
