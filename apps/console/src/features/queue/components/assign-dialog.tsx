import type { CaseSummary } from '@arc/shared/case';
import type { OperatorPresence } from '@arc/shared/case-handling';
import { useEffect, useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { messageOf } from '../../../utils/request-state';
import { assignCase, listOperators } from '../api/queue-api';

export interface AssignDialogProps {
  summary: CaseSummary;
  onClose: () => void;
}

/** Supervisor: gives a case to an operator (online ones first). Esc or Cancel closes it. */
export function AssignDialog({ summary, onClose }: AssignDialogProps) {
  const [operators, setOperators] = useState<OperatorPresence[] | null>(null);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    listOperators(controller.signal).then(
      (list) => {
        const sorted = [...list].sort(
          (a, b) => Number(b.online) - Number(a.online) || a.holding - b.holding || a.name.localeCompare(b.name),
        );
        setOperators(sorted);
        const first = sorted.find((o) => o.userId !== summary.heldBy?.userId);
        setUserId(first?.userId ?? '');
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setOperators([]);
        setError(messageOf(caught, 'Could not load the operators'));
      },
    );
    return () => controller.abort();
  }, [summary.heldBy?.userId]);

  const submit = async () => {
    if (!userId) {
      setError('Choose an operator');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await assignCase(summary.id, { userId });
      onClose();
    } catch (caught) {
      setError(messageOf(caught, 'Assigning failed'));
      setPending(false);
    }
  };

  return (
    <Dialog
      title={`Assign ${summary.caseNo} · ${summary.title}`}
      onEscape={onClose}
      onSubmit={() => void submit()}
      data-testid="assign-dialog"
    >
      {operators === null ? (
        <p className="muted">Loading operators…</p>
      ) : operators.length === 0 ? (
        <p className="muted">No operators to assign to.</p>
      ) : (
        <label className="field">
          <span className="field__label">Operator</span>
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
          {pending ? 'Assigning…' : 'Assign'}
        </button>
        <button className="button" type="button" onClick={onClose} disabled={pending} data-testid="assign-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}

function operatorLabel(operator: OperatorPresence, summary: CaseSummary): string {
  const parts = [operator.name, operator.online ? 'online' : 'offline', `holds ${operator.holding}`];
  if (operator.userId === summary.heldBy?.userId) parts.push('has this case');
  return parts.join(' · ');
}
