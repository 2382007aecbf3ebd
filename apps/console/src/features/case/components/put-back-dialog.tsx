import { PutBackInputSchema, type CaseDetail } from '@arc/shared/case-handling';
import { useState } from 'react';
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
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = PutBackInputSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(`Reason ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await putBackCase(detail.summary.id, parsed.data);
      onPutBack();
    } catch (caught) {
      setError(messageOf(caught, 'Putting back failed'));
      setPending(false);
    }
  };

  return (
    <Dialog
      title={`Put ${detail.summary.caseNo} back in the queue`}
      onEscape={onCancel}
      onSubmit={() => void submit()}
      data-testid="put-back-dialog"
    >
      <label className="field">
        <span className="field__label">Reason</span>
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
          {pending ? 'Putting back…' : 'Put back'}
        </button>
        <button className="button" type="button" onClick={onCancel} disabled={pending} data-testid="put-back-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
