import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmBoxProps {
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}

/** "Delete X?" with the dangerous button first focused, so Enter or Escape-by-Tab decides it. */
export function ConfirmBox({ question, confirmLabel, pending, onConfirm, onCancel, testId }: ConfirmBoxProps) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="registry-confirm" role="group" aria-label={question} data-testid={testId}>
      <p className="registry-confirm__question">{question}</p>
      <button
        ref={ref}
        type="button"
        className="button button--danger button--small"
        onClick={onConfirm}
        disabled={pending}
        data-testid={`${testId}-yes`}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={onCancel}
        disabled={pending}
        data-testid={`${testId}-no`}
      >
        {t('action.cancel')}
      </button>
    </div>
  );
}
