import {
  CASE_RESULTS,
  CloseCaseInputSchema,
  closeResultProblem,
  type CaseDetail,
  type CaseResult,
} from '@arc/shared/case-handling';
import type { AlarmCategory } from '@arc/shared/alarm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { closeCase } from '../api/case-api';
import { openMandatorySteps } from '../utils/call-targets';
import { messageOf } from '../../../utils/request-state';
import { i18n } from '../../../lib/i18n/i18n';
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
  const { t } = useTranslation(['case', 'common']);
  const [result, setResult] = useState<CaseResult | ''>('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ result?: string; reason?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const category = detail.summary.category;
  const openSteps = openMandatorySteps(detail.steps);
  const refusals = CASE_RESULTS.map((code) => resultProblem(category, code)).filter((p) => p !== null);

  const submit = async () => {
    if (result === '') {
      setErrors({ result: t('close.resultRequired') });
      return;
    }
    const problem = resultProblem(category, result);
    if (problem) {
      setErrors({ result: problem });
      return;
    }
    if (openSteps.length > 0 && reason.trim() === '') {
      setErrors({ reason: t('close.reasonRequired', { count: openSteps.length }) });
      return;
    }
    const parsed = CloseCaseInputSchema.safeParse({
      result,
      note,
      openStepsReason: openSteps.length > 0 ? reason : null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setErrors({ form: issue ? `${issue.path.join('.')}: ${issue.message}` : t('close.checkForm') });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await closeCase(detail.summary.id, parsed.data);
      onClosed(result);
    } catch (caught) {
      // The server has the last word (e.g. a step was un-ticked, or a rule the console lacks).
      setErrors({ form: messageOf(caught, t('close.failed')) });
      setPending(false);
    }
  };

  return (
    <Dialog
      title={t('close.title', { caseNo: detail.summary.caseNo })}
      onEscape={onCancel}
      onSubmit={() => void submit()}
      data-testid="close-dialog"
    >
      <label className="field">
        <span className="field__label">{t('close.result')}</span>
        <select
          className="field__input"
          value={result}
          onChange={(event) => setResult(event.target.value as CaseResult | '')}
          aria-invalid={Boolean(errors.result)}
          autoFocus
          data-testid="close-result"
        >
          <option value="">{t('close.chooseResult')}</option>
          {CASE_RESULTS.map((code) => {
            const problem = resultProblem(category, code);
            return (
              <option key={code} value={code} disabled={problem !== null} title={problem ?? undefined}>
                {problem ? t('close.resultNotAllowed', { result: resultLabel(code) }) : resultLabel(code)}
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
        <span className="field__label">{t('close.note')}</span>
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
          <span className="field__label">{t('close.reasonLabel', { count: openSteps.length })}</span>
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
          {pending ? t('close.closing') : t('close.save')}
        </button>
        <button className="button" type="button" onClick={onCancel} disabled={pending} data-testid="close-cancel">
          {t('common:action.cancel')} <kbd>{t('key.esc')}</kbd>
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Why a result may not close a case of this category (closeResultProblem's rule), in the language in
 * force; null when it may.
 */
function resultProblem(category: AlarmCategory, result: CaseResult): string | null {
  const problem = closeResultProblem(category, result);
  if (problem === null) return null;
  if (category === 'HOLDUP' && result === 'CANCELLED_BY_CALLER') return i18n.t('case:close.holdupNotCancelled');
  return problem;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
