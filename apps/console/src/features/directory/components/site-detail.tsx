import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useDirectoryStore } from '../store/directory-store';
import { ActionPlansSection } from './action-plans-section';
import { AlarmEventsSection } from './alarm-events-section';
import { AuthorizationListsSection } from './authorization-lists-section';
import { BlockWindowsSection } from './block-windows-section';
import { ContactsSection } from './contacts-section';
import { OnCallSection } from './on-call-section';
import { ServiceCompaniesSection } from './service-companies-section';
import { ServiceModeSection } from './service-mode-section';
import { SignalLogSection } from './signal-log-section';
import { SiteInstructionsSection, SiteNotesSection } from './site-knowledge-section';
import { ZonesSection } from './site-zones-section';
import { SiteSummarySection } from './site-summary-section';
import { TransmittersSection } from './transmitters-section';

export interface SiteDetailViewProps {
  canEdit: boolean;
}

/** Everything an operator needs about one site, on one page. */
export function SiteDetailView({ canEdit }: SiteDetailViewProps) {
  const { t } = useTranslation('directory');
  const { detail, status, error, closeSite, reloadDetail } = useDirectoryStore(
    useShallow((state) => ({
      detail: state.detail,
      status: state.detailStatus,
      error: state.detailError,
      closeSite: state.closeSite,
      reloadDetail: state.reloadDetail,
    })),
  );

  return (
    <article className="site-detail" data-testid="site-detail" aria-busy={status === 'loading'}>
      <div className="site-detail__bar">
        <button className="button" type="button" onClick={closeSite} data-testid="detail-back">
          {t('detail.back')}
        </button>
        <button className="button" type="button" onClick={() => void reloadDetail()} data-testid="detail-reload">
          {t('detail.reload')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="detail-error">
          {error}
        </p>
      )}
      {detail === null ? (
        status === 'loading' && <p className="muted">{t('detail.loading')}</p>
      ) : (
        <>
          <h2 className="site-detail__title" data-testid="detail-title">
            {detail.site.name}
            {detail.site.archivedAt && (
              <span className="tag tag--warn" data-testid="detail-archived">
                {t('detail.archived')}
              </span>
            )}
          </h2>
          <SiteSummarySection detail={detail} canEdit={canEdit} />
          <SiteInstructionsSection key={`k-${detail.site.id}`} siteId={detail.site.id} canEdit={canEdit} />
          <SiteNotesSection key={`n-${detail.site.id}`} siteId={detail.site.id} canDelete={canEdit} />
          <AlarmEventsSection detail={detail} />
          <TransmittersSection detail={detail} canEdit={canEdit} />
          <ZonesSection transmitters={detail.transmitters} canEdit={canEdit} />
          {/* Operators set these on a caller's request, so they are not admin-only; the server checks who asked. */}
          <ServiceModeSection detail={detail} />
          <BlockWindowsSection detail={detail} />
          <ContactsSection detail={detail} canEdit={canEdit} />
          <ActionPlansSection detail={detail} canEdit={canEdit} />
          <OnCallSection detail={detail} />
          <AuthorizationListsSection detail={detail} canEdit={canEdit} />
          <ServiceCompaniesSection detail={detail} />
          <SignalLogSection siteId={detail.site.id} reloadKey={detail} />
        </>
      )}
    </article>
  );
}
