import { describe, expect, it } from 'vitest';
import { contractEndDate, contractStatus } from './contract-term';

describe('contractEndDate', () => {
  it('ends the day before the same date the term later', () => {
    expect(contractEndDate('2026-01-01', 12)).toBe('2026-12-31');
    expect(contractEndDate('2026-03-15', 1)).toBe('2026-04-14');
    expect(contractEndDate('2025-07-01', 36)).toBe('2028-06-30');
    expect(contractEndDate('2026-12-01', 1)).toBe('2026-12-31');
  });

  it('ends on the last day of the month when the date does not exist there', () => {
    expect(contractEndDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(contractEndDate('2027-01-31', 13)).toBe('2028-02-29');
    expect(contractEndDate('2026-03-01', 600)).toBe('2076-02-29');
  });

  it('leaves a text that is no date as it is', () => {
    expect(contractEndDate('soon', 12)).toBe('soon');
  });
});

describe('contractStatus', () => {
  it('is upcoming before the start, active through the last day, then ended', () => {
    expect(contractStatus('2026-01-01', 12, '2025-12-31')).toBe('upcoming');
    expect(contractStatus('2026-01-01', 12, '2026-01-01')).toBe('active');
    expect(contractStatus('2026-01-01', 12, '2026-12-31')).toBe('active');
    expect(contractStatus('2026-01-01', 12, '2027-01-01')).toBe('ended');
  });
});
