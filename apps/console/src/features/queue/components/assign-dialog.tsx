import type { CaseSummary } from '@arc/shared/case';
import type { OperatorPresence } from '@arc/shared/case-handling';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { compareText } from '../../../lib/i18n/format';
import { i18n } from '../../../lib/i18n/i18n';
import { caseTitle } from '../../../utils/case-title';
import { messageOf } from '../../../utils/request-state';
import { assignCase, listOperators } from '../api/queue-api';

export interface AssignDialogProps {
  summary: CaseSummary;
  onClose: () => void;
}

/** Supervisor: gives a case to an operator (online ones first). Esc or Cancel closes it. */
export function AssignDialog({ summary, onClose }: AssignDialogProps) {
  const { t } = useTranslation(['queue', 'case', 'common']);
  const [operators, setOperators] = useState<OperatorPresence[] | null>(null);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    listOperators(controller.signal).then(
      (list) => {
        const sorted = [...list].sort(
          (a, b) => Number(b.online) - Number(a.online) || a.holding - b.holding || compareText(a.name, b.name),
        );
        setOperators(sorted);
        const first = sorted.find((o) => o.userId !== summary.heldBy?.userId);
        setUserId(first?.userId ?? '');
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setOperators([]);
        setError(messageOf(caught, i18n.t('queue:assign.loadFailed')));
      },
    );
    return () => controller.abort();
  }, [summary.heldBy?.userId]);

  const submit = async () => {
    if (!userId) {
      setError(t('assign.chooseOperator'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await assignCase(summary.id, { userId });
      onClose();
    } catch (caught) {
      setError(messageOf(caught, t('assign.failed')));
      setPending(false);
    }
  };

  return (
    <Dialog
      title={t('assign.title', { caseNo: summary.caseNo, title: caseTitle(summary) })}
      onEscape={onClose}
      onSubmit={() => void submit()}
      data-testid="assign-dialog"
    >
      {operators === null ? (
        <p className="muted">{t('assign.loading')}</p>
      ) : operators.length === 0 ? (
        <p className="muted">{t('assign.none')}</p>
      ) : (
        <label className="field">
          <span className="field__label">{t('assign.operator')}</span>
          <select
            className="field__input"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
            autoFocus
            data-testid="assign-operator"
          >
            {operators.map((operator) => (
              <option key={operator.userId} value={operator.userId}>
                {operatorLabel(operator, summary)}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="assign-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          className="button button--primary"
          type="submit"
          disabled={pending || !operators?.length}
          data-testid="assign-save"
        >
          {pending ? t('assign.assigning') : t('assign.assign')}
        </button>
        <button className="button" type="button" onClick={onClose} disabled={pending} data-testid="assign-cancel">
          {t('common:action.cancel')} <kbd>{t('case:key.esc')}</kbd>
        </button>
      </div>
    </Dialog>
  );
}

function operatorLabel(operator: OperatorPresence, summary: CaseSummary): string {
  const parts = [
    operator.name,
    operator.online ? i18n.t('queue:assign.online') : i18n.t('queue:assign.offline'),
    i18n.t('queue:assign.holds', { count: operator.holding }),
  ];
  if (operator.userId === summary.heldBy?.userId) parts.push(i18n.t('queue:assign.hasThisCase'));
  return parts.join(' · ');
}
