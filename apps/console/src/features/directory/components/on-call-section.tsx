import type { SiteDetail } from '@arc/shared/directory';
import { DetailSection } from './detail-section';

export function OnCallSection({ detail }: { detail: SiteDetail }) {
  return (
    <DetailSection title="On-call rosters" testId="detail-on-call">
      {detail.onCallRosters.length === 0 ? (
        <p className="muted">No on-call roster is used by this site.</p>
      ) : (
        <ul className="plain-list">
          {detail.onCallRosters.map((roster) => (
            <li key={roster.id} data-testid="roster-row">
              <strong>{roster.name}</strong>: on call now{' '}
              {roster.onCallNow ? (
                <span data-testid="roster-on-call-now">
                  {roster.onCallNow.name}, {roster.onCallNow.phone}
                </span>
              ) : (
                <span className="muted">nobody (rotation not started)</span>
              )}
              <span className="muted">
                {' '}
                · {roster.members.length} members, weekly from {roster.rotationStart}
              </span>
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}
