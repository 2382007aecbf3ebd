import {
  ContactAttemptInputSchema,
  type CaseDetail,
  type ContactAttempt,
  type ContactOutcome,
} from '@arc/shared/case-handling';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordAttempt } from '../api/case-api';
import { useCaseStore } from '../store/case-store';
import type { CallTarget } from '../utils/call-targets';
import { outcomeKey, outcomesFor } from '../utils/call-targets';
import { formatTime, outcomeLabel, routeKindLabel } from '../utils/labels';
import { messageOf } from '../../../utils/request-state';
import { CaseSection } from './case-section';

export interface RecordingState {
  targetKey: string;
  outcome: ContactOutcome;
}

export interface ContactsPanelProps {
  detail: CaseDetail;
  targets: readonly CallTarget[];
  /** The route the digit keys record for. */
  selectedKey: string | null;
  onSelect: (key: string) => void;
  recording: RecordingState | null;
  onRecord: (recording: RecordingState | null) => void;
  /** After a saved attempt; the screen moves on to the next route unless someone answered. */
  onRecorded: (target: CallTarget, outcome: ContactOutcome) => void;
  editable: boolean;
}

/** The contacts in call order with each route, the on-call person, and "record call" on each. */
export function ContactsPanel({
  detail,
  targets,
  selectedKey,
  onSelect,
  recording,
  onRecord,
  onRecorded,
  editable,
}: ContactsPanelProps) {
  const { t } = useTranslation(['case', 'common']);
  return (
    <CaseSection title={t('contacts.title')} data-testid="case-contacts">
      {targets.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <ol className="call-list" aria-label={t('contacts.list')}>
          {targets.map((target, index) => {
            const selected = target.key === selectedKey;
            const first = index === 0 || targets[index - 1]?.name !== target.name;
            const last = lastAttempt(detail.attempts, target);
            return (
              <li
                key={target.key}
                className="call-target"
                data-testid="call-target"
                data-target-key={target.key}
                data-selected={selected ? 'true' : undefined}
                aria-current={selected ? 'true' : undefined}
              >
                <button
                  type="button"
                  className="call-target__select"
                  onClick={() => onSelect(target.key)}
                  aria-pressed={selected}
                >
                  <span className="call-target__name">
                    {first ? target.name : ''}
                    {target.contactId === null && <span className="tag">{t('contacts.onCall')}</span>}
                  </span>
                  <span className="call-target__route">
                    <span className="muted">{routeKindLabel(target.routeKind)}</span>{' '}
                    <span className="mono">{target.routeValue}</span>
                  </span>
                  {last && (
                    <span className="call-target__last" data-outcome={last.outcome}>
                      {outcomeLabel(last.outcome)} {formatTime(last.at)}
                    </span>
                  )}
                </button>
                {editable && recording?.targetKey !== target.key && (
                  <button
                    className="button button--small"
                    type="button"
                    onClick={() => {
                      onSelect(target.key);
                      onRecord({ targetKey: target.key, outcome: outcomesFor(target)[0]! });
                    }}
                    data-testid="record-call"
                  >
                    {target.routeKind === 'PHONE' ? t('contacts.recordCall') : t('contacts.recordMessage')}
                  </button>
                )}
                {editable && recording?.targetKey === target.key && (
                  <RecordCallForm
                    target={target}
                    outcome={recording.outcome}
                    onOutcome={(outcome) => onRecord({ targetKey: target.key, outcome })}
                    onCancel={() => onRecord(null)}
                    onSaved={(outcome) => onRecorded(target, outcome)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {detail.onCall.some((o) => !o.member) && (
        <p className="muted">
          {t('contacts.nobodyOnCall', {
            rosters: detail.onCall
              .filter((o) => !o.member)
              .map((o) => o.rosterName)
              .join(', '),
          })}
        </p>
      )}
    </CaseSection>
  );
}

interface RecordCallFormProps {
  target: CallTarget;
  outcome: ContactOutcome;
  onOutcome: (outcome: ContactOutcome) => void;
  onCancel: () => void;
  onSaved: (outcome: ContactOutcome) => void;
}

/** Outcome (the digit keys pick it too; a phone's call outcomes, an SMS's or e-mail's "sent") and a note; Enter saves, Esc cancels. */
export function RecordCallForm({ target, outcome, onOutcome, onCancel, onSaved }: RecordCallFormProps) {
  const { t } = useTranslation(['case', 'common']);
  const mutate = useCaseStore((state) => state.mutate);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = ContactAttemptInputSchema.safeParse({
      contactId: target.contactId,
      name: target.name,
      routeKind: target.routeKind,
      routeValue: target.routeValue,
      outcome,
      note,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue ? `${issue.path.join('.') || t('record.callField')}: ${issue.message}` : t('record.checkCall'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await mutate((caseId) => recordAttempt(caseId, parsed.data));
      onSaved(outcome);
    } catch (caught) {
      setError(messageOf(caught, t('record.failed')));
      setPending(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="inline-form record-call"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      aria-label={
        target.routeKind === 'PHONE'
          ? t('record.callTo', { name: target.name })
          : t('record.messageTo', { name: target.name })
      }
      data-testid="record-call-form"
    >
      <fieldset className="outcomes">
        <legend className="field__label">{t('record.outcome')}</legend>
        {outcomesFor(target).map((option) => (
          <label key={option} className="outcome" data-outcome={option}>
            <input
              type="radio"
              name="outcome"
              value={option}
              checked={outcome === option}
              onChange={() => onOutcome(option)}
              data-testid={`outcome-${option}`}
            />
            <kbd>{outcomeKey(option, target)}</kbd> {outcomeLabel(option)}
          </label>
        ))}
      </fieldset>
      <input
        className="field__input"
        placeholder={t('record.notePlaceholder')}
        aria-label={t('record.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        autoFocus
        data-testid="record-note"
      />
      <button className="button button--primary" type="submit" disabled={pending} data-testid="record-save">
        {pending
          ? t('common:action.saving')
          : target.routeKind === 'PHONE'
            ? t('record.saveCall')
            : t('common:action.save')}
      </button>
      <button className="button" type="button" onClick={onCancel} disabled={pending} data-testid="record-cancel">
        {t('common:action.cancel')} <kbd>{t('key.esc')}</kbd>
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="record-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function AttemptsSection({ attempts }: { attempts: readonly ContactAttempt[] }) {
  const { t } = useTranslation(['case', 'common']);
  return (
    <CaseSection title={t('attempts.title', { count: attempts.length })} data-testid="case-attempts">
      {attempts.length === 0 ? (
        <p className="muted">{t('attempts.none')}</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">{t('attempts.time')}</th>
              <th scope="col">{t('attempts.called')}</th>
              <th scope="col">{t('attempts.route')}</th>
              <th scope="col">{t('attempts.outcome')}</th>
              <th scope="col">{t('attempts.note')}</th>
              <th scope="col">{t('attempts.by')}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((attempt) => (
              <tr key={attempt.id} data-testid="attempt" data-outcome={attempt.outcome}>
                <td>{formatTime(attempt.at)}</td>
                <td>{attempt.name}</td>
                <td>
                  <span className="muted">{routeKindLabel(attempt.routeKind)}</span>{' '}
                  <span className="mono">{attempt.routeValue}</span>
                </td>
                <td>{outcomeLabel(attempt.outcome)}</td>
                <td>{attempt.note ?? ''}</td>
                <td>{attempt.by.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </CaseSection>
  );
}

function lastAttempt(attempts: readonly ContactAttempt[], target: CallTarget): ContactAttempt | undefined {
  for (let i = attempts.length - 1; i >= 0; i -= 1) {
    const attempt = attempts[i];
    if (attempt && attempt.routeValue === target.routeValue && attempt.name === target.name) return attempt;
  }
  return undefined;
}
