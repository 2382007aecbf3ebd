import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';

const SITE = '7b0e6c52-7d3f-4c1e-9a55-3f1f2a9a0c11';

describe('decide', () => {
  it('opens a fire case with the highest priority for a known site', () => {
    expect(decide({ account: '1234', code: 'FA', zone: '012', siteId: SITE })).toEqual({
      action: 'OPEN_OR_APPEND',
      caseKey: `site:${SITE}`,
      category: 'FIRE',
      priority: 1,
      title: 'Fire alarm, zone 012',
      unknownTransmitter: false,
    });
  });

  it('keys an unknown transmitter by its account and says so in the title', () => {
    const decision = decide({ account: 'ABC1', code: '1130', zone: null, siteId: null });
    expect(decision).toMatchObject({
      action: 'OPEN_OR_APPEND',
      caseKey: 'account:ABC1',
      category: 'INTRUSION',
      priority: 3,
      unknownTransmitter: true,
      title: 'Unknown transmitter: Burglary',
    });
  });

  it('shows an unknown event code to the operator instead of dropping it', () => {
    expect(decide({ account: '1234', code: 'ZZ', zone: '4', siteId: SITE })).toEqual({
      action: 'OPEN_OR_APPEND',
      caseKey: `site:${SITE}`,
      category: 'TECHNICAL',
      priority: 4,
      title: 'Unknown event code ZZ, zone 4',
      unknownTransmitter: false,
    });
  });

  it('treats restores, logs and tests without opening a case', () => {
    expect(decide({ account: '1234', code: 'BR', zone: null, siteId: SITE })).toMatchObject({
      action: 'RESTORE',
      category: 'INTRUSION',
    });
    expect(decide({ account: '1234', code: '3130', zone: null, siteId: SITE })).toMatchObject({ action: 'RESTORE' });
    expect(decide({ account: '1234', code: 'OP', zone: null, siteId: SITE })).toEqual({
      action: 'LOG_ONLY',
      reason: 'LOG',
    });
    expect(decide({ account: '1234', code: 'RP', zone: null, siteId: SITE })).toEqual({
      action: 'LOG_ONLY',
      reason: 'TEST',
    });
  });
});
