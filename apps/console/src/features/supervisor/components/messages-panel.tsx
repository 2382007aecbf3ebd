import type { ManagerMessageEntry } from '@arc/shared/intake';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWaitingMessages } from '../hooks/use-waiting-messages';
import { formatWhen } from '../utils/format';

/**
 * Messages callers left for their contract manager (taken during intake calls): the supervisor
 * passes each on, by e-mail or phone, and records how. A message never waits unseen.
 */
export function MessagesPanel() {
  const { t } = useTranslation(['supervisor', 'common']);
  const { messages, error, forward } = useWaitingMessages();
  return (
    <section className="supervisor-panel" aria-labelledby="sv-messages-title" data-testid="messages-panel">
      <h3 className="supervisor-panel__title" id="sv-messages-title">
        {t('messages.title')}{' '}
        <span className="supervisor-panel__note" data-testid="messages-waiting">
          {messages === null ? '' : t('messages.toPassOn', { count: messages.length })}
        </span>
      </h3>
      {error && (
        <p className="form-error" role="alert" data-testid="messages-error">
          {error}
        </p>
      )}
      {messages === null ? (
        error ? null : (
          <p className="muted">{t('common:state.loading')}</p>
        )
      ) : messages.length === 0 ? (
        <p className="muted">{t('messages.none')}</p>
      ) : (
        <ul className="plain-list">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} forward={forward} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MessageItem({
  message,
  forward,
}: {
  message: ManagerMessageEntry;
  forward: (id: string, note: string) => Promise<string | null>;
}) {
  const { t } = useTranslation('supervisor');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const manager = message.contract;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await forward(message.id, note.trim());
    setBusy(false);
    setRefusal(answer);
  };

  return (
    <li className="supervisor-message" data-testid="message-item" data-message-id={message.id}>
      <p>
        <span className="mono">{formatWhen(message.at)}</span>{' '}
        {t('messages.from', { siteName: message.siteName, person: message.fromPerson.name })}{' '}
        <span className="muted">{t('messages.takenBy', { name: message.takenBy.name })}</span>
      </p>
      <blockquote className="supervisor-message__text" data-testid="message-text">
        {message.text}
      </blockquote>
      <p data-testid="message-manager">
        {manager ? (
          <>
            {t('messages.to', { name: manager.managerName, contractNo: manager.contractNo })}
            {manager.managerPhone && <>, {manager.managerPhone}</>}
            {manager.managerEmail && (
              <>
                , <a href={`mailto:${manager.managerEmail}`}>{manager.managerEmail}</a>
              </>
            )}
          </>
        ) : (
          t('messages.noContract')
        )}
      </p>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('messages.howPassedOn')}{' '}
          <input
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('messages.notePlaceholder')}
            maxLength={500}
            required
            data-testid="message-note"
          />
        </label>
        <button className="button" type="submit" disabled={busy || note.trim() === ''} data-testid="message-forwarded">
          {t('messages.passedOn')}
        </button>
      </form>
      {refusal && (
        <p className="form-error" role="alert" data-testid="message-refusal">
          {refusal}
        </p>
      )}
    </li>
  );
}
