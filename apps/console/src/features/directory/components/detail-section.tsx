import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../../utils/request-state';

export interface DetailSectionProps {
  title: string;
  testId: string;
  /** Buttons shown beside the title (admins only). */
  actions?: ReactNode;
  children: ReactNode;
}

export function DetailSection({ title, testId, actions, children }: DetailSectionProps) {
  const headingId = useId();
  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid={testId}>
      <header className="detail-section__header">
        <h3 id={headingId} className="detail-section__title">
          {title}
        </h3>
        {actions}
      </header>
      {children}
    </section>
  );
}

export interface ConfirmButtonProps {
  label: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  testId: string;
}

/** Two-step destructive button: the first click asks, the second does it. */
export function ConfirmButton({ label, confirmLabel, onConfirm, testId }: ConfirmButtonProps) {
  const { t } = useTranslation(['directory', 'common']);
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(messageOf(caught, t('failed')));
    } finally {
      setBusy(false);
      setArmed(false);
    }
  };
  if (!armed) {
    return (
      <span className="confirm-button">
        <button className="button button--small" type="button" onClick={() => setArmed(true)} data-testid={testId}>
          {label}
        </button>
        {error && (
          <span className="field__error" role="alert">
            {error}
          </span>
        )}
      </span>
    );
  }
  return (
    <span className="confirm-button">
      <button
        className="button button--small button--danger"
        type="button"
        disabled={busy}
        onClick={() => void run()}
        data-testid={`${testId}-confirm`}
      >
        {confirmLabel}
      </button>
      <button className="button button--small" type="button" disabled={busy} onClick={() => setArmed(false)}>
        {t('common:action.cancel')}
      </button>
    </span>
  );
}
