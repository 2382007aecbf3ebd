import type { AlarmEventCount } from '@arc/shared/rules';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { siteDetail } from '../test/fixtures';
import { AlarmEventsSection } from './alarm-events-section';

const events: AlarmEventCount = {
  contractId: 'd0000000-0000-4000-8000-000000000001',
  contractNo: 'A200',
  year: 2026,
  quota: 10,
  count: 7,
  overQuota: false,
  byMonth: [3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};

describe('AlarmEventsSection', () => {
  it("shows the year's count against the quota, and each month", () => {
    render(<AlarmEventsSection detail={{ ...siteDetail(), alarmEvents: events }} />);

    expect(screen.getByTestId('ae-count').textContent).toBe('7 of 10');
    expect(screen.getByTestId('detail-alarm-events').textContent).toContain('alarm events in 2026 on contract A200');
    expect(screen.getAllByTestId('ae-month').map((m) => m.textContent)).toEqual([
      '3',
      '4',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(screen.queryByTestId('ae-over-quota')).toBeNull();
  });

  it('warns when the contract is over its quota', () => {
    render(
      <AlarmEventsSection
        detail={{
          ...siteDetail(),
          alarmEvents: { ...events, count: 13, overQuota: true, byMonth: [6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        }}
      />,
    );
    expect(screen.getByTestId('ae-count').textContent).toBe('13 of 10');
    expect(screen.getByTestId('ae-over-quota').textContent).toBe('over quota by 3');
  });

  it('says that nothing is counted without a contract', () => {
    render(<AlarmEventsSection detail={siteDetail()} />);
    expect(screen.getByTestId('ae-none').textContent).toContain('No contract');
  });
});
