import { IntakeCancelCaseInputSchema, type SiteStatus } from '@arc/shared/intake';
import { BLOCK_WINDOW_STATES, type BlockWindowState } from '@arc/shared/rules';
import { CASE_STATUSES, type CaseStatus } from '@arc/shared/case';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { refusalFor, type VerifiedCaller } from '../utils/authority';
import { caseTitle } from '../../../utils/case-title';
import { describeRequestError } from '../../../utils/form-errors';
import { categoryText, formatDateTime, scopeText } from '../utils/labels';
import { i18n } from '../../../lib/i18n/i18n';
import { TextField, FormError } from '../../../components/form-field';

/** The test ids this file passes to shared components (code, not text). */
const TEST_ID = {
  statusError: 'intake-status-error',
  cancelNote: 'intake-cancel-note',
  cancelError: 'intake-cancel-error',
} as const;

type OpenCase = SiteStatus['openCases'][number];

/**
 * What the operator reads out: open cases, service modes in force and block windows not yet
 * ended. An open case can be cancelled as a false alarm from here, never a hold-up.
 */
export function StatusPanel({ caller }: { caller: VerifiedCaller }) {
  const { t } = useTranslation('intake');
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
          {loading ? t('status.reading') : status ? t('status.readAgain') : t('status.read')}
        </button>
      </div>
      <FormError message={error} testId={TEST_ID.statusError} />
      {status && <StatusFacts status={status} caller={caller} />}
    </div>
  );
}

function StatusFacts({ status, caller }: { status: SiteStatus; caller: VerifiedCaller }) {
  const { t } = useTranslation('intake');
  return (
    <>
      <h4 className="intake-status__title">{t('status.openCases')}</h4>
      {status.openCases.length === 0 ? (
        <p className="muted" data-testid="intake-status-no-cases">
          {t('status.noCases')}
        </p>
      ) : (
        <ul className="plain-list intake-status__list">
          {status.openCases.map((c) => (
            <OpenCaseRow key={c.id} openCase={c} caller={caller} />
          ))}
        </ul>
      )}
      <h4 className="intake-status__title">{t('status.serviceModes')}</h4>
      {status.serviceModes.length === 0 ? (
        <p className="muted">{t('status.none')}</p>
      ) : (
        <ul className="plain-list intake-status__list">
          {status.serviceModes.map((mode) => (
            <li key={mode.id} data-testid="intake-status-service-mode" data-account={mode.account}>
              <span className="tag tag--service">{t('status.serviceModeTag')}</span>{' '}
              <span className="mono">{mode.account}</span>{' '}
              {t('status.until', { category: scopeText(mode.category), endsAt: formatDateTime(mode.endsAt) })}
            </li>
          ))}
        </ul>
      )}
      <h4 className="intake-status__title">{t('status.blockWindows')}</h4>
      {status.blockWindows.length === 0 ? (
        <p className="muted">{t('status.none')}</p>
      ) : (
        <ul className="plain-list intake-status__list">
          {status.blockWindows.map((w) => (
            <li key={w.id} data-testid="intake-status-block-window" data-account={w.account}>
              <span className="mono">{w.account}</span> {formatDateTime(w.startsAt)} – {formatDateTime(w.endsAt)}{' '}
              <span className="muted">({blockWindowStateText(w.state)})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OpenCaseRow({ openCase, caller }: { openCase: OpenCase; caller: VerifiedCaller }) {
  const { t } = useTranslation('intake');
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
        {categoryText(openCase.category)}
      </span>{' '}
      <span className="mono">{openCase.caseNo}</span> {caseTitle(openCase)}{' '}
      <span className="muted">
        {t('status.caseSince', {
          status: caseStatusText(openCase.status),
          queuedAt: formatDateTime(openCase.queuedAt),
        })}
      </span>
      {holdup ? (
        // Not offered at all: a hold-up may be a caller under duress.
        <p className="verdict verdict--refused" data-testid="intake-cancel-holdup">
          {t('status.holdup')}
        </p>
      ) : confirming ? (
        <form
          className="inline-form"
          onSubmit={onSubmit}
          noValidate
          aria-label={t('status.cancelForm', { caseNo: openCase.caseNo })}
        >
          {refusal && (
            <p className="verdict verdict--refused" data-testid="intake-cancel-verdict">
              {t('status.cancelRefused', { name: caller.name, reason: refusal.reason })}
            </p>
          )}
          <TextField label={t('status.note')} testId={TEST_ID.cancelNote} value={note} onChange={setNote} />
          <FormError message={form.formError} testId={TEST_ID.cancelError} />
          <div className="form-actions">
            <button
              className="button button--danger"
              type="submit"
              disabled={form.pending}
              data-testid="intake-cancel-confirm"
            >
              {form.pending ? t('status.cancelling') : t('status.cancel')}
            </button>
            <button className="button" type="button" onClick={() => setConfirming(false)} disabled={form.pending}>
              {t('status.keepOpen')}
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
          {t('status.cancelStart')}
        </button>
      )}
    </li>
  );
}

/** A block window's state in words ("scheduled"); an unknown state as the server wrote it. */
function blockWindowStateText(state: string): string {
  return (BLOCK_WINDOW_STATES as readonly string[]).includes(state)
    ? i18n.t(`intake:status.blockWindowState.${state as BlockWindowState}`)
    : state.toLowerCase();
}

/** An open case's status in words ("queued"); an unknown status as the server wrote it. */
function caseStatusText(status: string): string {
  return (CASE_STATUSES as readonly string[]).includes(status)
    ? i18n.t(`intake:status.caseStatus.${status as CaseStatus}`)
    : status.toLowerCase();
}
