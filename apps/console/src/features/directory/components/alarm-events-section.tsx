import type { SiteDetail } from '@arc/shared/directory';
import type { AlarmEventCount } from '@arc/shared/rules';
import { DetailSection } from './detail-section';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The contract's alarm events this year against its yearly quota (docs/domain.md section 4). */
export function AlarmEventsSection({ detail }: { detail: SiteDetail }) {
  const events = detail.alarmEvents;
  return (
    <DetailSection title="Alarm events" testId="detail-alarm-events">
      {events === null ? (
        <p className="muted" data-testid="ae-none">
          No contract: alarm events are not counted.
        </p>
      ) : (
        <AlarmEventCountView events={events} />
      )}
    </DetailSection>
  );
}

function AlarmEventCountView({ events }: { events: AlarmEventCount }) {
  return (
    <>
      <p className="alarm-events__total">
        <span data-testid="ae-count">
          {events.count} of {events.quota}
        </span>{' '}
        alarm events in {events.year} on contract {events.contractNo}
        {events.overQuota && (
          <span className="tag tag--danger" data-testid="ae-over-quota">
            over quota by {events.count - events.quota}
          </span>
        )}
      </p>
      <table className="detail-table alarm-events__months" aria-label={`Alarm events per month in ${events.year}`}>
        <thead>
          <tr>
            {MONTHS.map((month) => (
              <th key={month} scope="col">
                {month}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {MONTHS.map((month, index) => (
              <td key={month} data-testid="ae-month">
                {events.byMonth[index] ?? 0}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </>
  );
}
