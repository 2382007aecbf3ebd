import type { OperatorLoad } from '@arc/shared/supervisor';
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../../utils/request-state';
import { fetchMyOperatorState, setMyOperatorState } from '../api/supervisor-api';
import { useSupervisorStore } from '../store/supervisor-store';

type Chosen = { state: 'AVAILABLE' } | { state: 'AWAY'; reason: string };

/** Offered in the reason field; any other text is fine too. */
const COMMON_REASONS = ['break', 'lunch', 'meeting', 'training', 'admin'] as const;

/**
 * "Available / Away (reason)" for every logged-in user, for the shell's header. The server
 * derives "on a case" and "on a call" itself; this only sets what the person chooses.
 *
 * It starts from the state the server kept (a reload or a new login shows it again); given
 * `userId`, a supervisor's control also follows the state the snapshot reports.
 */
export function OperatorStateControl({ userId, availableSince }: { userId?: string; availableSince?: number | null }) {
  const { t } = useTranslation('supervisor');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonsId = useId();
  const reported = useSupervisorStore((state) =>
    userId ? state.snapshot?.operators.find((o) => o.userId === userId) : undefined,
  );
  const current = chosen ?? fromSnapshot(reported);

  // Set available elsewhere (confirmed with take next while away): shown at once.
  const [seenAvailable, setSeenAvailable] = useState(availableSince);
  if (availableSince !== seenAvailable) {
    setSeenAvailable(availableSince);
    if (availableSince) setChosen({ state: 'AVAILABLE' });
  }

  useEffect(() => {
    const controller = new AbortController();
    fetchMyOperatorState(controller.signal)
      .then((own) => {
        if (own.state === 'AVAILABLE') setChosen((was) => was ?? { state: 'AVAILABLE' });
        else if (own.state === 'AWAY') setChosen((was) => was ?? { state: 'AWAY', reason: own.reason ?? '' });
      })
      .catch(() => undefined); // shown as "State not set"; choosing one still works
    return () => controller.abort();
  }, []);

  const submit = async (input: Chosen) => {
    setBusy(true);
    setError(null);
    try {
      await setMyOperatorState(input);
      setChosen(input);
      setEditing(false);
      setReason('');
    } catch (e) {
      setError(messageOf(e, t('own.setFailed'), { serverOnly: true }));
    } finally {
      setBusy(false);
    }
  };

  const submitAway = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t('own.sayWhy'));
      return;
    }
    void submit({ state: 'AWAY', reason: trimmed });
  };

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setEditing(false);
    setError(null);
  };

  return (
    <div className="operator-state" data-testid="operator-state" data-state={current?.state ?? 'unknown'}>
      <span className="operator-state__current" data-testid="operator-state-current">
        {current === null
          ? t('own.notSet')
          : current.state === 'AVAILABLE'
            ? t('own.available')
            : t('own.awayWithReason', { reason: current.reason })}
      </span>
      <button
        className="button button--small"
        type="button"
        aria-pressed={current?.state === 'AVAILABLE'}
        disabled={busy}
        onClick={() => void submit({ state: 'AVAILABLE' })}
        data-testid="operator-state-available"
      >
        {t('own.available')}
      </button>
      <button
        className="button button--small"
        type="button"
        aria-pressed={current?.state === 'AWAY'}
        aria-expanded={editing}
        disabled={busy}
        onClick={() => {
          setEditing((open) => !open);
          setError(null);
        }}
        data-testid="operator-state-away"
      >
        {t('own.away')}
      </button>
      {editing && (
        <form className="operator-state__form" onSubmit={submitAway} onKeyDown={cancelOnEscape}>
          <input
            className="field__input"
            aria-label={t('own.reasonLabel')}
            placeholder={t('own.reasonPlaceholder')}
            list={reasonsId}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            data-testid="operator-state-reason"
          />
          <datalist id={reasonsId}>
            {COMMON_REASONS.map((r) => (
              <option key={r} value={t(`own.reasons.${r}`)} />
            ))}
          </datalist>
          <button className="button button--small" type="submit" disabled={busy} data-testid="operator-state-save">
            {t('own.setAway')}
          </button>
        </form>
      )}
      {error && (
        <span className="field__error" role="alert" data-testid="operator-state-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Only the two states a person chooses; "on a case" hides which of them lies underneath. */
function fromSnapshot(load: OperatorLoad | undefined): Chosen | null {
  if (load?.state === 'AVAILABLE') return { state: 'AVAILABLE' };
  if (load?.state === 'AWAY') return { state: 'AWAY', reason: load.awayReason ?? '' };
  return null;
}
