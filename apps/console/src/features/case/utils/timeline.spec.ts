import type { CaseHistoryEntry } from '@arc/shared/case-handling';
import { describe, expect, it } from 'vitest';
import { caseDetail, ME } from '../test/fixtures';
import { buildTimeline } from './timeline';

const SUPERVISOR = { userId: '99999999-9999-4999-8999-999999999999', name: 'Siv Supervisor' };
let n = 0;
const event = (
  at: string,
  type: string,
  data: Record<string, unknown> = {},
  extra: Partial<CaseHistoryEntry> = {},
) => ({
  id: String((n += 1)),
  at,
  type,
  by: ME,
  data,
  signalId: null,
  ...extra,
});

describe('buildTimeline', () => {
  it('merges signals and history in time order, in words, with who did what', () => {
    const detail = caseDetail({
      signals: [
        {
          id: 's1',
          receivedAt: '2026-01-01T10:00:00.000Z',
          account: '1001',
          code: 'FA',
          zone: '007',
          text: 'Kitchen',
          description: 'Fire alarm',
          decision: 'OPENED',
          unencryptedFromKeyed: false,
        },
        {
          id: 's2',
          receivedAt: '2026-01-01T10:03:00.000Z',
          account: '1001',
          code: 'FR',
          zone: '007',
          text: null,
          description: 'Fire restore',
          decision: 'RESTORE',
          unencryptedFromKeyed: false,
        },
      ],
      holds: [
        { by: ME, from: '2026-01-01T10:00:20.000Z', to: '2026-01-01T10:01:00.000Z', endReason: 'PUT_BACK' },
        { by: SUPERVISOR, from: '2026-01-01T10:02:00.000Z', to: null, endReason: null },
      ],
      history: [
        event('2026-01-01T10:00:01.000Z', 'CREATED', { title: 'Fire alarm' }, { by: null, signalId: 's1' }),
        event('2026-01-01T10:00:20.000Z', 'TAKEN'),
        event('2026-01-01T10:00:30.000Z', 'CONTACT_ATTEMPT', {
          name: 'Anna',
          routeKind: 'PHONE',
          routeValue: '+46701111111',
          outcome: 'NO_ANSWER',
          note: 'Rang ten times',
        }),
        event('2026-01-01T10:00:40.000Z', 'STEP_TICKED', { position: 2, label: 'Alert rescue service', note: null }),
        event('2026-01-01T10:00:50.000Z', 'NOTE_ADDED', { text: 'Gate is locked' }),
        event('2026-01-01T10:01:00.000Z', 'PUT_BACK', { reason: 'Shift ends' }),
        event('2026-01-01T10:02:00.000Z', 'ASSIGNED', { to: SUPERVISOR.userId }, { by: SUPERVISOR }),
        event(
          '2026-01-01T10:03:00.500Z',
          'RESTORE_RECEIVED',
          { description: 'Fire restore' },
          { by: null, signalId: 's2' },
        ),
        event(
          '2026-01-01T10:04:00.000Z',
          'CLOSED',
          { result: 'REAL_ALARM', note: 'Brigade on site' },
          { by: SUPERVISOR },
        ),
      ],
    });
    const lines = buildTimeline(detail).map((e) => [e.kind, e.title, e.detail, e.by]);
    expect(lines).toEqual([
      ['signal', 'Fire alarm', 'FA · zone 007 · "Kitchen" · account 1001', null],
      ['system', 'Case opened', 'Fire alarm', null],
      ['handling', 'Taken', null, 'Olle Operator'],
      ['contact', 'Called Anna: No answer', 'Phone +46701111111 · Rang ten times', 'Olle Operator'],
      ['step', 'Step 2 done: Alert rescue service', null, 'Olle Operator'],
      ['note', 'Note', 'Gate is locked', 'Olle Operator'],
      ['handling', 'Put back in the queue', 'Shift ends', 'Olle Operator'],
      ['handling', 'Assigned to Siv Supervisor', null, 'Siv Supervisor'],
      // The restore is shown once, from its signal, with its code.
      ['restore', 'Restore: Fire restore', 'FR · zone 007 · account 1001', null],
      ['closed', 'Closed: Real alarm', 'Brigade on site', 'Siv Supervisor'],
    ]);
  });

  it('words what the centre raised itself, restores without a signal, and entries it does not know', () => {
    const detail = caseDetail({
      signals: [],
      history: [
        event(
          '2026-01-01T10:00:00.000Z',
          'CREATED',
          { title: 'Test signal missing from 1001', SUPERVISION_MISSED: { account: '1001' } },
          { by: null },
        ),
        event('2026-01-01T10:01:00.000Z', 'RETURNED', { reason: 'console lost' }, { by: null }),
        event(
          '2026-01-01T10:02:00.000Z',
          'RESTORE_RECEIVED',
          { description: 'Transmitter 1001 reporting again' },
          { by: null },
        ),
        event(
          '2026-01-01T10:02:30.000Z',
          'ACTIVE_AT_END',
          { title: 'Active at end of service mode', serviceModeId: 'x' },
          { by: null },
        ),
        event('2026-01-01T10:03:00.000Z', 'SOMETHING_NEW', {}, { by: null }),
      ],
    });
    expect(buildTimeline(detail).map((e) => [e.title, e.detail])).toEqual([
      ['Case opened', 'Test signal missing from 1001 · raised by the centre: test signal missing'],
      ['Returned to the queue', 'console lost'],
      ['Restore: Transmitter 1001 reporting again', null],
      ['Still active at the end of a service mode', 'Active at end of service mode'],
      ['something new', null],
    ]);
  });
});
