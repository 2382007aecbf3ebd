import type { CaseDetail } from '@arc/shared/case-handling';
import type { CaseSiteKnowledge, SiteNote } from '@arc/shared/site-knowledge';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCaseStore } from '../store/case-store';
import {
  attempt,
  caseDetail,
  CONTACT_A,
  CONTACT_B,
  ME,
  SITE_ID,
  STEP_CALL,
  STEP_RESCUE,
  step,
  stubApi,
  tickedStep,
} from '../test/fixtures';
import { nextAfterAttempt, outcomeForKey, stepForTarget, type CallTarget } from '../utils/call-targets';
import { CaseScreen } from './case-screen';

/** Site knowledge on the case screen (zone names, instructions, hazards, notes, numbers) and defect 7. */

const NOTE: SiteNote = {
  id: '99999999-9999-4999-8999-999999999999',
  siteId: SITE_ID,
  text: 'Painters on site until Friday, ignore zone 4 between 07-16',
  validFrom: '2026-01-01T06:00:00.000Z',
  validUntil: '2026-01-03T15:00:00.000Z',
  author: { userId: ME.userId, name: 'Olle Operator' },
  createdAt: '2026-01-01T06:00:00.000Z',
};

function knowledge(overrides: Partial<CaseSiteKnowledge> = {}): CaseSiteKnowledge {
  return {
    instructions: 'Key box at the back door, code 4711',
    hazards: 'Gas bottles in the workshop',
    notes: [NOTE],
    emergency: {
      police: '112',
      policeNonUrgent: '114 14',
      rescue: '112',
      policeFromSite: false,
      rescueFromSite: false,
    },
    ...overrides,
  };
}

function detailWithKnowledge(overrides: Partial<CaseDetail> = {}): CaseDetail {
  const base = caseDetail();
  return caseDetail({
    siteKnowledge: knowledge(),
    signals: base.signals.map((s) => ({ ...s, zoneName: 'Kitchen smoke detector', zoneLocation: 'Above the stove' })),
    ...overrides,
  });
}

function renderCase(detail: CaseDetail) {
  useCaseStore.setState({ userId: ME.userId, caseId: detail.summary.id, detail, status: 'ready', error: null });
  render(<CaseScreen />);
}

function press(key: string, target: Element = document.body) {
  act(() => {
    fireEvent.keyDown(target, { key });
  });
}

const selectedTarget = () => screen.getAllByTestId('call-target').find((t) => t.dataset.selected === 'true');

describe('site knowledge on the case screen', () => {
  beforeEach(() => {
    useCaseStore.getState().reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('pops the notes in force up first; other shortcuts wait until it is closed with Enter', () => {
    stubApi(() => caseDetail());
    renderCase(detailWithKnowledge());
    const popup = screen.getByTestId('site-notes-popup');
    expect(popup.textContent).toContain(NOTE.text);
    const ack = screen.getByTestId('site-notes-ack');
    expect(document.activeElement).toBe(ack);
    // C would open the close dialog: not while the notes are shown.
    press('C');
    expect(screen.queryByTestId('close-dialog')).toBeNull();
    press('2');
    expect(screen.queryByTestId('record-call-form')).toBeNull();
    fireEvent.click(ack);
    expect(screen.queryByTestId('site-notes-popup')).toBeNull();
    // The note stays in its section.
    expect(within(screen.getByTestId('case-site-knowledge')).getByTestId('site-note').textContent).toContain(NOTE.text);
    press('2');
    expect(screen.getByTestId('record-call-form')).toBeTruthy();
  });

  it('closes the notes with Esc', () => {
    renderCase(detailWithKnowledge());
    press('Escape');
    expect(screen.queryByTestId('site-notes-popup')).toBeNull();
  });

  it('shows no popup when no note is in force', () => {
    renderCase(detailWithKnowledge({ siteKnowledge: knowledge({ notes: [] }) }));
    expect(screen.queryByTestId('site-notes-popup')).toBeNull();
    expect(screen.queryByTestId('case-site-notes')).toBeNull();
  });

  it('shows instructions, hazards, the zone name and the numbers of the police and rescue steps', () => {
    renderCase(
      detailWithKnowledge({
        siteKnowledge: knowledge({
          notes: [],
          emergency: {
            police: '010-56 56 56',
            policeNonUrgent: '114 14',
            rescue: '112',
            policeFromSite: true,
            rescueFromSite: false,
          },
        }),
        steps: [
          step(STEP_CALL, { position: 1, type: 'ALERT_POLICE', contactId: null }),
          step(STEP_RESCUE, { position: 2, type: 'ALERT_RESCUE_SERVICE', contactId: null }),
        ],
      }),
    );
    expect(screen.getByTestId('case-hazards').textContent).toContain('Gas bottles in the workshop');
    expect(screen.getByTestId('case-instructions').textContent).toContain('Key box at the back door');
    expect(screen.getByTestId('case-signal-zone').textContent).toContain('007 — Kitchen smoke detector');
    const numbers = screen.getAllByTestId('step-number');
    expect(numbers[0]!.textContent).toContain("Call 010-56 56 56 (site's number) · not urgent: 114 14");
    expect(numbers[1]!.textContent).toContain('Call 112');
  });

  it('offers only "sent" for an SMS route, and digit keys other than 1 record nothing there', () => {
    renderCase(detailWithKnowledge({ siteKnowledge: knowledge({ notes: [] }) }));
    press('ArrowDown');
    expect(selectedTarget()?.dataset.targetKey).toBe(`${CONTACT_A}:1`);
    press('2');
    expect(screen.queryByTestId('record-call-form')).toBeNull();
    press('1');
    const form = screen.getByTestId('record-call-form');
    expect(within(form).queryByTestId('outcome-ANSWERED')).toBeNull();
    expect(within(form).queryByTestId('outcome-NO_ANSWER')).toBeNull();
    expect(within(form).getByTestId<HTMLInputElement>('outcome-SENT').checked).toBe(true);
  });

  it('after a call, offers to tick the Call contact step; T ticks it', async () => {
    const calls = stubApi(({ method, path }) =>
      method === 'POST' && path.endsWith('/tick')
        ? tickedStep(STEP_CALL)
        : method === 'POST'
          ? attempt()
          : caseDetail(),
    );
    renderCase(detailWithKnowledge({ siteKnowledge: knowledge({ notes: [] }) }));
    press('2');
    fireEvent.submit(screen.getByTestId('record-call-form'));
    await waitFor(() => expect(screen.getByTestId('tick-offer').textContent).toContain('Anna'));
    expect(screen.getByTestId('tick-offer').dataset.stepId).toBe(STEP_CALL);
    expect(selectedTarget()?.dataset.targetKey).toBe(`${CONTACT_B}:0`);
    press('T');
    await waitFor(() => expect(calls.some((c) => c.path.endsWith(`/steps/${STEP_CALL}/tick`))).toBe(true));
    expect(calls.find((c) => c.path.endsWith('/tick'))!.body).toEqual({ note: null });
  });

  it('S moves the selected step and T ticks the selected one', async () => {
    const calls = stubApi(({ method }) => (method === 'POST' ? tickedStep(STEP_RESCUE) : caseDetail()));
    renderCase(detailWithKnowledge({ siteKnowledge: knowledge({ notes: [] }) }));
    const selectedStep = () => screen.getAllByTestId('step').find((s) => s.dataset.selected === 'true');
    expect(selectedStep()?.dataset.stepId).toBe(STEP_CALL);
    press('S');
    expect(selectedStep()?.dataset.stepId).toBe(STEP_RESCUE);
    press('T');
    await waitFor(() => expect(calls.some((c) => c.path.endsWith(`/steps/${STEP_RESCUE}/tick`))).toBe(true));
  });
});

describe('call targets (defect 7)', () => {
  const phone = (key: string, contactId: string | null = CONTACT_A): CallTarget => ({
    key,
    contactId,
    name: 'x',
    routeKind: 'PHONE',
    routeValue: '+4670',
  });
  const mail: CallTarget = { key: 'm', contactId: CONTACT_A, name: 'x', routeKind: 'EMAIL', routeValue: 'a@b.se' };

  it('maps digits to call outcomes for a phone and only 1 to "sent" for e-mail', () => {
    expect(outcomeForKey('1', phone('p'))).toBe('ANSWERED');
    expect(outcomeForKey('5', phone('p'))).toBe('VOICEMAIL');
    expect(outcomeForKey('6', phone('p'))).toBeNull();
    expect(outcomeForKey('1', mail)).toBe('SENT');
    expect(outcomeForKey('2', mail)).toBeNull();
  });

  it('moves past e-mail and SMS routes to the next phone after no answer', () => {
    const targets = [phone('a'), mail, { ...mail, key: 's', routeKind: 'SMS' as const }, phone('b', CONTACT_B)];
    expect(nextAfterAttempt(targets, targets[0]!, 'NO_ANSWER')?.key).toBe('b');
    expect(nextAfterAttempt(targets, targets[0]!, 'ANSWERED')).toBeNull();
    expect(nextAfterAttempt(targets, targets[3]!, 'BUSY')).toBeNull();
    expect(nextAfterAttempt(targets, mail, 'SENT')).toBeNull();
  });

  it('finds the unticked step that calls the target', () => {
    const steps = [
      step(STEP_CALL, { contactId: CONTACT_B }),
      step(STEP_RESCUE, { type: 'CALL_ON_CALL', contactId: null, rosterId: 'r1' }),
    ];
    expect(stepForTarget(steps, phone('a', CONTACT_B))?.id).toBe(STEP_CALL);
    expect(stepForTarget(steps, phone('on-call:r1', null))?.id).toBe(STEP_RESCUE);
    expect(stepForTarget(steps, phone('a', CONTACT_A))).toBeNull();
    expect(
      stepForTarget(
        [step(STEP_CALL, { contactId: CONTACT_B, ticked: { at: '', by: ME, note: null } })],
        phone('a', CONTACT_B),
      ),
    ).toBeNull();
  });
});
