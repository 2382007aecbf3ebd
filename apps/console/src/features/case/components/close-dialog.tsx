import {
  CASE_RESULTS,
  CloseCaseInputSchema,
  closeResultProblem,
  type CaseDetail,
  type CaseResult,
} from '@arc/shared/case-handling';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { closeCase } from '../api/case-api';
import { openMandatorySteps } from '../utils/call-targets';
import { messageOf } from '../../../utils/request-state';
import { resultLabel } from '../../../utils/labels';

export interface CloseDialogProps {
  detail: CaseDetail;
  onCancel: () => void;
  /** The server closed the case. */
  onClosed: (result: CaseResult) => void;
}

/**
 * Close with a result code and a note. With mandatory steps still open a reason is asked for; a
 * result the category may not use (hold-up cancelled by caller) is offered but disabled, with why.
 */
export function CloseDialog({ detail, onCancel, onClosed }: CloseDialogProps) {
  const [result, setResult] = useState<CaseResult | ''>('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ result?: string; reason?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const category = detail.summary.category;
  const openSteps = openMandatorySteps(detail.steps);
  const refusals = CASE_RESULTS.map((code) => closeResultProblem(category, code)).filter((p) => p !== null);

  const submit = async () => {
    if (result === '') {
      setErrors({ result: 'Choose a result' });
      return;
    }
    const problem = closeResultProblem(category, result);
    if (problem) {
      setErrors({ result: problem });
      return;
    }
    if (openSteps.length > 0 && reason.trim() === '') {
      setErrors({ reason: `Give a reason: ${countSteps(openSteps.length)} not done` });
      return;
    }
    const parsed = CloseCaseInputSchema.safeParse({
      result,
      note,
      openStepsReason: openSteps.length > 0 ? reason : null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setErrors({ form: issue ? `${issue.path.join('.')}: ${issue.message}` : 'Check the form' });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await closeCase(detail.summary.id, parsed.data);
      onClosed(result);
    } catch (caught) {
      // The server has the last word (e.g. a step was un-ticked, or a rule the console lacks).
      setErrors({ form: messageOf(caught, 'Closing failed') });
      setPending(false);
    }
  };

  return (
    <Dialog
      title={`Close ${detail.summary.caseNo}`}
      onEscape={onCancel}
      onSubmit={() => void submit()}
      data-testid="close-dialog"
    >
      <label className="field">
        <span className="field__label">Result</span>
        <select
          className="field__input"
          value={result}
          onChange={(event) => setResult(event.target.value as CaseResult | '')}
          aria-invalid={Boolean(errors.result)}
          autoFocus
          data-testid="close-result"
        >
          <option value="">Choose a result…</option>
          {CASE_RESULTS.map((code) => {
            const problem = closeResultProblem(category, code);
            return (
              <option key={code} value={code} disabled={problem !== null} title={problem ?? undefined}>
                {resultLabel(code)}
                {problem ? ' (not allowed)' : ''}
              </option>
            );
          })}
        </select>
        {errors.result && (
          <span className="field__error" data-testid="close-result-error">
            {errors.result}
          </span>
        )}
      </label>
      {refusals.length > 0 && (
        <p className="muted" data-testid="close-result-rule">
          {refusals.map((text) => capitalise(text)).join('. ')}.
        </p>
      )}
      <label className="field">
        <span className="field__label">Note</span>
        <textarea
          className="field__input"
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          data-testid="close-note"
        />
      </label>
      {openSteps.length > 0 && (
        <label className="field">
          <span className="field__label">
            Why {countSteps(openSteps.length)} {openSteps.length === 1 ? 'is' : 'are'} not done
          </span>
          <input
            className="field__input"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={Boolean(errors.reason)}
            data-testid="close-reason"
          />
          {errors.reason && (
            <span className="field__error" data-testid="close-reason-error">
              {errors.reason}
            </span>
          )}
        </label>
      )}
      {errors.form && (
        <p className="form-error" role="alert" data-testid="close-error">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={pending} data-testid="close-save">
          {pending ? 'Closing…' : 'Close case'}
        </button>
        <button className="button" type="button" onClick={onCancel} disabled={pending} data-testid="close-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}

function countSteps(count: number): string {
  return count === 1 ? '1 mandatory step' : `${count} mandatory steps`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
