import type { CaseDetail, CaseStep } from '@arc/shared/case-handling';
import { useTranslation } from 'react-i18next';
import { stepTypeLabel } from '../../../utils/labels';
import { stepTarget } from './steps-checklist';

export interface TickOfferProps {
  step: CaseStep;
  detail: CaseDetail;
  pending: boolean;
  onTick: () => void;
  onDismiss: () => void;
}

/** After a call to a person the plan names: "Tick that step?" — T (or the button) ticks it, Esc not. */
export function TickOffer({ step, detail, pending, onTick, onDismiss }: TickOfferProps) {
  const { t } = useTranslation('case');
  return (
    <div className="tick-offer" role="status" data-testid="tick-offer" data-step-id={step.id}>
      <span>
        {t('tickOffer.before')}{' '}
        <strong>
          {stepTypeLabel(step.type)} {stepTarget(step, detail)}
        </strong>
        {t('tickOffer.after')}
      </span>
      <button
        className="button button--small button--primary"
        type="button"
        disabled={pending}
        onClick={onTick}
        data-testid="tick-offer-yes"
      >
        {t('tickOffer.tick')} <kbd>T</kbd>
      </button>
      <button className="button button--small" type="button" onClick={onDismiss} data-testid="tick-offer-no">
        {t('tickOffer.notNow')} <kbd>{t('key.esc')}</kbd>
      </button>
    </div>
  );
}
