import { IntakeCancelCaseInputSchema, type SiteStatus } from '@arc/shared/intake';
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { refusalFor, type VerifiedCaller } from '../utils/authority';
import { describeRequestError } from '../../../utils/form-errors';
import { formatDateTime } from '../utils/labels';
import { TextField, FormError } from '../../../components/form-field';

type OpenCase = SiteStatus['openCases'][number];

/**
 * What the operator reads out: open cases, service modes in force and block windows not yet
 * ended. An open case can be cancelled as a false alarm from here, never a hold-up.
 */
export function StatusPanel({ caller }: { caller: VerifiedCaller }) {
  const { status, loading, loadStatus } = useIntakeStore(
    useShallow((state) => ({ status: state.status, loading: state.statusLoading, loadStatus: state.loadStatus })),
  );
  const [error, setError] = useState<string | null>(null);
  const read = async () => {
    setError(null);
    try {
      await loadStatus();
    } catch (caught) {
      setError(describeRequestError(caught).message);
    }
  };

  return (
    <div className="edit-form intake-status" data-testid="intake-status">
      <div className="form-actions">
        <button
          className="button button--primary"
          type="button"
          disabled={loading}
          onClick={() => void read()}
          data-testid="intake-status-load"
        >
          {loading ? 'Reading…' : status ? 'Read the status again' : 'Read the status'}
        </button>
      </div>
      <FormError message={error} testId="intake-status-error" />
      {status && <StatusFacts status={status} caller={caller} />}
    </div>
  );
}

function StatusFacts({ status, caller }: { status: SiteStatus; caller: VerifiedCaller }) {
  return (
    <>
      <h4 className="intake-status__title">Open cases</h4>
      {status.openCases.length === 0 ? (
        <p className="muted" data-testid="intake-status-no-cases">
          No open cases.
        </p>
      ) : (
        <ul className="plain-list intake-status__list">
          {status.openCases.map((c) => (
            <OpenCaseRow key={c.id} openCase={c} caller={caller} />
          ))}
        </ul>
      )}
      <h4 className="intake-status__title">Service modes in force</h4>
      {status.serviceModes.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list intake-status__list">
          {status.serviceModes.map((mode) => (
            <li key={mode.id} data-testid="intake-status-service-mode" data-account={mode.account}>
              <span className="tag tag--service">SERVICE MODE</span> <span className="mono">{mode.account}</span>{' '}
              {mode.category ?? 'all categories'} until {formatDateTime(mode.endsAt)}
            </li>
          ))}
        </ul>
      )}
      <h4 className="intake-status__title">Block windows</h4>
      {status.blockWindows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list intake-status__list">
          {status.blockWindows.map((w) => (
            <li key={w.id} data-testid="intake-status-block-window" data-account={w.account}>
              <span className="mono">{w.account}</span> {formatDateTime(w.startsAt)} – {formatDateTime(w.endsAt)}{' '}
              <span className="muted">({w.state.toLowerCase()})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OpenCaseRow({ openCase, caller }: { openCase: OpenCase; caller: VerifiedCaller }) {
  const cancelCase = useIntakeStore((state) => state.cancelCase);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const form = useSchemaForm(IntakeCancelCaseInputSchema, cancelCase);
  const refusal = refusalFor(caller.table, 'CANCEL_FALSE_ALARM', [openCase.category]);
  const holdup = openCase.category === 'HOLDUP';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ verificationId: caller.verificationId, caseId: openCase.id, note });
  };

  return (
    <li
      className="intake-case"
      data-testid="intake-status-case"
      data-case-id={openCase.id}
      data-category={openCase.category}
    >
      <span className="category-badge category-badge--small" data-category={openCase.category}>
        {openCase.category}
      </span>{' '}
      <span className="mono">{openCase.caseNo}</span> {openCase.title}{' '}
      <span className="muted">
        ({openCase.status.toLowerCase()}, since {formatDateTime(openCase.queuedAt)})
      </span>
      {holdup ? (
        // Not offered at all: a hold-up may be a caller under duress.
        <p className="verdict verdict--refused" data-testid="intake-cancel-holdup">
          A hold-up alarm is never cancelled by a caller.
        </p>
      ) : confirming ? (
        <form className="inline-form" onSubmit={onSubmit} noValidate aria-label={`Cancel case ${openCase.caseNo}`}>
          {refusal && (
            <p className="verdict verdict--refused" data-testid="intake-cancel-verdict">
              {caller.name} may not cancel it: {refusal.reason}. The server will refuse it.
            </p>
          )}
          <TextField label="Note (optional)" testId="intake-cancel-note" value={note} onChange={setNote} />
          <FormError message={form.formError} testId="intake-cancel-error" />
          <div className="form-actions">
            <button
              className="button button--danger"
              type="submit"
              disabled={form.pending}
              data-testid="intake-cancel-confirm"
            >
              {form.pending ? 'Cancelling…' : 'Cancel as false alarm'}
            </button>
            <button className="button" type="button" onClick={() => setConfirming(false)} disabled={form.pending}>
              Keep it open
            </button>
          </div>
        </form>
      ) : (
        <button
          className="button button--small"
          type="button"
          onClick={() => setConfirming(true)}
          data-testid="intake-cancel-case"
        >
          Cancel as false alarm…
        </button>
      )}
    </li>
  );
}
