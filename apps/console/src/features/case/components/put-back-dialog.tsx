import { PutBackInputSchema, type CaseDetail } from '@arc/shared/case-handling';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { putBackCase } from '../api/case-api';
import { messageOf } from '../../../utils/request-state';

export interface PutBackDialogProps {
  detail: CaseDetail;
  onCancel: () => void;
  onPutBack: () => void;
}

/** Gives the case back to the queue with a reason the next operator sees. */
export function PutBackDialog({ detail, onCancel, onPutBack }: PutBackDialogProps) {
  const { t } = useTranslation(['case', 'common']);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = PutBackInputSchema.safeParse({ reason });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message;
      setError(message ? t('putBack.reasonWithMessage', { message }) : t('putBack.reasonInvalid'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await putBackCase(detail.summary.id, parsed.data);
      onPutBack();
    } catch (caught) {
      setError(messageOf(caught, t('putBack.failed')));
      setPending(false);
    }
  };

  return (
    <Dialog
      title={t('putBack.title', { caseNo: detail.summary.caseNo })}
      onEscape={onCancel}
      onSubmit={() => void submit()}
      data-testid="put-back-dialog"
    >
      <label className="field">
        <span className="field__label">{t('putBack.reason')}</span>
        <input
          className="field__input"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          autoFocus
          data-testid="put-back-reason"
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="put-back-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={pending} data-testid="put-back-save">
          {pending ? t('putBack.putting') : t('putBack.save')}
        </button>
        <button className="button" type="button" onClick={onCancel} disabled={pending} data-testid="put-back-cancel">
          {t('common:action.cancel')} <kbd>{t('key.esc')}</kbd>
        </button>
      </div>
    </Dialog>
  );
}
