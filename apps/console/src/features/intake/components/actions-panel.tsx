import type { SiteDetail } from '@arc/shared/directory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../../../hooks/use-now';
import { i18n } from '../../../lib/i18n/i18n';
import { useIntakeStore } from '../store/intake-store';
import type { VerifiedCaller } from '../utils/authority';
import { actionLabel } from '../utils/labels';
import { BlockWindowForm } from './block-window-form';
import { EndServiceModeList } from './end-service-mode-list';
import { MessageForm } from './message-form';
import { ServiceModeForm } from './service-mode-form';
import { StatusPanel } from './status-panel';

const PANEL_ACTIONS = ['SERVICE_MODE', 'END_SERVICE_MODE', 'BLOCK_WINDOW', 'STATUS', 'MESSAGE'] as const;
type PanelAction = (typeof PANEL_ACTIONS)[number];

/**
 * Step 3: what the verified caller asks for. Each form says beforehand when the authority table
 * refuses it, and shows the server's own refusal in words when the server refuses; the server
 * decides. Cancelling an alarm is offered on the open cases the status lists.
 */
export function ActionsPanel() {
  const { t } = useTranslation('intake');
  const { verification, detail } = useIntakeStore(
    useShallow((state) => ({ verification: state.verification, detail: state.detail })),
  );
  const [open, setOpen] = useState<PanelAction>('SERVICE_MODE');
  const verified = verification?.result === 'VERIFIED' && verification.verificationId && verification.person;
  const now = useNow(Boolean(verified));

  if (!verified || !verification.verificationId || !verification.person) {
    return (
      <section className="detail-section intake__step" aria-labelledby="intake-actions-heading">
        <h3 id="intake-actions-heading" className="detail-section__title">
          {t('actions.titleLocked')}
        </h3>
        <p className="muted" data-testid="intake-actions-locked">
          {t('actions.locked')}
        </p>
      </section>
    );
  }
  const expired = verification.expiresAt !== null && Date.parse(verification.expiresAt) <= now;
  const caller: VerifiedCaller = {
    verificationId: verification.verificationId,
    name: verification.person.name,
    level: verification.person.level,
    table: verification.actions,
  };

  return (
    <section
      className="detail-section intake__step"
      aria-labelledby="intake-actions-heading"
      data-testid="intake-actions"
    >
      <h3 id="intake-actions-heading" className="detail-section__title">
        {t('actions.title', { name: caller.name, level: caller.level })}
      </h3>
      {expired ? (
        <p className="form-error" role="alert" data-testid="intake-actions-expired">
          {t('actions.expired')}
        </p>
      ) : !detail ? (
        <p className="muted">{t('site.loading')}</p>
      ) : (
        <>
          <div className="intake-actions__tabs" role="group" aria-label={t('actions.tabs')}>
            {PANEL_ACTIONS.map((action) => (
              <button
                key={action}
                type="button"
                className={action === open ? 'button button--small button--primary' : 'button button--small'}
                aria-pressed={action === open}
                onClick={() => setOpen(action)}
                data-testid={`intake-action-${action.toLowerCase().replaceAll('_', '-')}`}
              >
                {tabLabel(action)}
              </button>
            ))}
          </div>
          <ActionForm action={open} caller={caller} detail={detail} />
        </>
      )}
    </section>
  );
}

function ActionForm({ action, caller, detail }: { action: PanelAction; caller: VerifiedCaller; detail: SiteDetail }) {
  switch (action) {
    case 'SERVICE_MODE':
      return <ServiceModeForm caller={caller} transmitters={detail.transmitters} />;
    case 'END_SERVICE_MODE':
      return <EndServiceModeList caller={caller} detail={detail} />;
    case 'BLOCK_WINDOW':
      return <BlockWindowForm caller={caller} transmitters={detail.transmitters} />;
    case 'STATUS':
      return <StatusPanel caller={caller} />;
    case 'MESSAGE':
      return <MessageForm caller={caller} managerName={detail.contract?.managerName ?? null} />;
    default: {
      const unexpected: never = action;
      return String(unexpected);
    }
  }
}

function tabLabel(action: PanelAction): string {
  if (action === 'STATUS') return i18n.t('intake:actions.tabStatus');
  if (action === 'MESSAGE') return i18n.t('intake:actions.tabMessage');
  return actionLabel(action);
}
