import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useCaseStore } from '../store/case-store';

/** Takes the top case of the queue (also key N) and opens it. */
export function TakeNextButton() {
  const { t } = useTranslation('case');
  const taking = useCaseStore((state) => state.taking);
  const takeNext = useCaseStore((state) => state.takeNext);
  return (
    <button
      className="button button--primary take-next"
      type="button"
      onClick={() => void takeNext()}
      disabled={taking}
      data-testid="take-next"
    >
      {taking ? t('takeNext.taking') : t('takeNext.take')} <kbd>N</kbd>
    </button>
  );
}

/** What happened to the operator's last case action: the queue was empty, a case was closed, … */
export function CaseNotice() {
  const { t } = useTranslation('case');
  const { notice, dismissNotice } = useCaseStore(
    useShallow((state) => ({ notice: state.notice, dismissNotice: state.dismissNotice })),
  );
  if (!notice) return null;
  return (
    <p className="case-notice" role="status" data-testid="case-notice">
      {notice}{' '}
      <button className="button button--small" type="button" onClick={dismissNotice}>
        {t('takeNext.ok')}
      </button>
    </p>
  );
}
