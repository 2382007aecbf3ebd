import type { SiteDetail } from '@arc/shared/directory';
import { useTranslation } from 'react-i18next';
import { DetailSection } from './detail-section';

/** Test ids: code, not text. */
const SECTION_ID = 'detail-on-call';

export function OnCallSection({ detail }: { detail: SiteDetail }) {
  const { t } = useTranslation('access');
  return (
    <DetailSection title={t('onCall.title')} testId={SECTION_ID}>
      {detail.onCallRosters.length === 0 ? (
        <p className="muted">{t('onCall.none')}</p>
      ) : (
        <ul className="plain-list">
          {detail.onCallRosters.map((roster) => (
            <li key={roster.id} data-testid="roster-row">
              <strong>{roster.name}</strong>: {t('onCall.now')}{' '}
              {roster.onCallNow ? (
                <span data-testid="roster-on-call-now">
                  {roster.onCallNow.name}, {roster.onCallNow.phone}
                </span>
              ) : (
                <span className="muted">{t('onCall.nobody')}</span>
              )}
              <span className="muted">
                {' '}
                · {t('onCall.members', { count: roster.members.length, start: roster.rotationStart })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}
