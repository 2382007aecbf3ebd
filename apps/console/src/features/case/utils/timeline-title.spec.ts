import { activeAtEndTitle } from '@arc/shared/case-title';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { caseDetail, summary } from '../test/fixtures';
import { buildTimeline } from './timeline';

afterEach(() => applyLocale('en'));

const raised = activeAtEndTitle({
  eventCode: 'FA',
  description: 'Fire alarm',
  zone: '003',
  unknownTransmitter: false,
  ended: 'serviceMode',
});

const detail = () =>
  caseDetail({
    summary: summary({ ...raised }),
    signals: [],
    history: [
      { id: '1', at: '2026-01-01T10:00:00.000Z', type: 'CREATED', by: null, data: { ...raised, ACTIVE_AT_END: {} } },
      // A case from before titles had keys: its history has the English title only.
      { id: '2', at: '2026-01-01T10:01:00.000Z', type: 'SUPERVISION_MISSED', by: null, data: { title: 'Old title' } },
    ],
  });

describe('buildTimeline: the case title its history recorded', () => {
  it('is in Swedish on a Swedish screen', () => {
    applyLocale('sv');
    const [opened, missed] = buildTimeline(detail());
    expect(opened!.detail).toContain('Aktivt när serviceläget upphörde: Brandlarm, zon 003');
    expect(opened!.detail).not.toMatch(/Active at end|Fire alarm|zone/);
    expect(missed!.detail).toBe('Old title');
  });

  it('is the stored English title in English', () => {
    expect(buildTimeline(detail())[0]!.detail).toContain('Active at end of service mode: Fire alarm, zone 003');
  });
});
