import type { CaseDetail } from '@arc/shared/case-handling';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { CaseTimesSection, SignalsSection, SiteSection } from './case-facts';
import { CaseTimeline } from './case-timeline';
import { AttemptsSection } from './contacts-panel';
import { NotesSection } from './notes-section';
import { StepsChecklist } from './steps-checklist';
import { useShortcuts } from '../hooks/use-shortcuts';
import { useReadOnlyCaseStore } from '../store/read-only-case-store';
import { caseTitle } from '../../../utils/case-title';
import { categoryLabel, resultLabel } from '../../../utils/labels';
import { formatDateTime } from '../../../utils/time';

/**
 * A case shown read-only (an earlier case of a site, a search result): its facts and timeline,
 * no actions. "Back" returns to the case being worked or to the search results.
 */
export function ReadOnlyCase({ workingCaseNo }: { workingCaseNo: string | null }) {
  const { t } = useTranslation(['case', 'common', 'queue']);
  const { detail, status, error, origin, caseId, open, close } = useReadOnlyCaseStore(
    useShallow((s) => ({
      detail: s.detail,
      status: s.status,
      error: s.error,
      origin: s.origin,
      caseId: s.caseId,
      open: s.open,
      close: s.close,
    })),
  );
  useShortcuts((key) => {
    if (key !== 'Escape') return false;
    close();
    return true;
  });
  const backLabel =
    origin === 'case' && workingCaseNo
      ? t('readOnly.backToCase', { caseNo: workingCaseNo })
      : origin === 'case'
        ? t('common:action.back')
        : t('readOnly.backToResults');
  const back = (
    <button className="button" type="button" onClick={close} data-testid="read-only-back">
      {backLabel} <kbd>{t('key.esc')}</kbd>
    </button>
  );
  if (!detail) {
    return (
      <div className="read-only-case" data-testid="read-only-case">
        <div className="read-only-banner">{back}</div>
        {status === 'error' ? (
          <p className="form-error" role="alert">
            {t('screen.loadFailed', { error })}{' '}
            {caseId && (
              <button className="button button--small" type="button" onClick={() => void open(caseId, origin)}>
                {t('common:action.retry')}
              </button>
            )}
          </p>
        ) : (
          <p className="muted">{t('screen.loading')}</p>
        )}
      </div>
    );
  }
  return <ReadOnlyDetail detail={detail} back={back} />;
}

function ReadOnlyDetail({ detail, back }: { detail: CaseDetail; back: ReactNode }) {
  const { t } = useTranslation(['case', 'common', 'queue']);
  const { summary, result } = detail;
  const closed = summary.status === 'CLOSED';
  return (
    <article
      className="read-only-case"
      aria-labelledby="read-only-heading"
      data-testid="read-only-case"
      data-case-id={summary.id}
      data-status={summary.status}
    >
      <div className="read-only-banner" role="status" data-testid="read-only-banner">
        <strong>{closed ? t('readOnly.closedBanner') : t('readOnly.openBanner')}</strong>
        {back}
      </div>
      <header className="case-header">
        <span className="category-badge" data-category={summary.category} title={categoryLabel(summary.category)}>
          {t(`queue:badge.${summary.category}`)}
        </span>
        <div className="case-header__what">
          <h2 id="read-only-heading" className="case-header__title">
            <span className="mono muted">{summary.caseNo}</span> {caseTitle(summary)}
          </h2>
          <p className="case-header__site">
            {summary.siteName ?? t('screen.unknownTransmitter', { account: summary.account })}
            {summary.siteAddress && <span className="muted"> · {summary.siteAddress}</span>}
          </p>
          {result && (
            <p data-testid="read-only-result">
              {resultLabel(result.code)}{' '}
              <span className="muted">{t('readOnly.closedBy', { name: result.by.name })}</span>
              {detail.times.closedAt && (
                <span className="muted">
                  {' '}
                  {t('readOnly.closedAt', { time: formatDateTime(detail.times.closedAt) })}
                </span>
              )}
              {result.note && <span> · {result.note}</span>}
            </p>
          )}
        </div>
      </header>
      <div className="case-grid">
        <div className="case-grid__column">
          <CaseTimeline detail={detail} />
          <StepsChecklist detail={detail} editable={false} />
          <AttemptsSection attempts={detail.attempts} />
          <NotesSection notes={detail.notes} editable={false} />
        </div>
        <div className="case-grid__column">
          <CaseTimesSection times={detail.times} />
          <SiteSection detail={detail} />
          <SignalsSection detail={detail} />
        </div>
      </div>
    </article>
  );
}
