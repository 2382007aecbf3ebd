import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeRequestError } from '../../../utils/form-errors';

export interface ConfirmDeleteProps {
  /** The button's text ("Delete customer"). */
  label: string;
  /** Its accessible name when the text alone does not say what is deleted. */
  ariaLabel?: string;
  /** The question asked before anything is deleted. */
  question: string;
  onConfirm: () => Promise<void>;
  testId: string;
}

/**
 * A delete that asks first, in place: the question with "Yes, delete" (which takes the focus) and
 * Cancel (which gives it back). A refusal (409: still in use) is shown in words under the question.
 */
export function ConfirmDelete({ label, ariaLabel, question, onConfirm, testId }: ConfirmDeleteProps) {
  const { t } = useTranslation(['customers', 'common']);
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const cancel = () => {
    setAsking(false);
    setError(null);
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(describeRequestError(failure).message);
    } finally {
      setPending(false);
    }
  };

  if (!asking) {
    return (
      <button
        ref={openerRef}
        type="button"
        className="button button--small"
        aria-label={ariaLabel}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      className="admin-confirm"
      role="group"
      aria-label={question}
      data-testid={`${testId}-question`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          cancel();
        }
      }}
    >
      <p className="admin-confirm__question">{question}</p>
      <div className="form-actions">
        <button
          ref={confirmRef}
          type="button"
          className="button button--small button--danger"
          disabled={pending}
          onClick={() => void confirm()}
          data-testid={`${testId}-confirm`}
        >
          {t('confirmDelete')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={pending}
          onClick={cancel}
          data-testid={`${testId}-cancel`}
        >
          {t('common:action.cancel')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
