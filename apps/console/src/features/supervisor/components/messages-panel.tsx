import type { ManagerMessageEntry } from '@arc/shared/intake';
import { useState, type FormEvent } from 'react';
import { useWaitingMessages } from '../hooks/use-waiting-messages';
import { formatWhen } from '../utils/format';

/**
 * Messages callers left for their contract manager (taken during intake calls): the supervisor
 * passes each on, by e-mail or phone, and records how. A message never waits unseen.
 */
export function MessagesPanel() {
  const { messages, error, forward } = useWaitingMessages();
  return (
    <section className="supervisor-panel" aria-labelledby="sv-messages-title" data-testid="messages-panel">
      <h3 className="supervisor-panel__title" id="sv-messages-title">
        Messages for contract managers{' '}
        <span className="supervisor-panel__note" data-testid="messages-waiting">
          {messages === null ? '' : `${messages.length} to pass on`}
        </span>
      </h3>
      {error && (
        <p className="form-error" role="alert" data-testid="messages-error">
          {error}
        </p>
      )}
      {messages === null ? (
        error ? null : (
          <p className="muted">Loading…</p>
        )
      ) : messages.length === 0 ? (
        <p className="muted">No messages waiting.</p>
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
        <span className="mono">{formatWhen(message.at)}</span> {message.siteName}: from {message.fromPerson.name}{' '}
        <span className="muted">(taken by {message.takenBy.name})</span>
      </p>
      <blockquote className="supervisor-message__text" data-testid="message-text">
        {message.text}
      </blockquote>
      <p data-testid="message-manager">
        {manager ? (
          <>
            To {manager.managerName} (contract {manager.contractNo})
            {manager.managerPhone && <>, {manager.managerPhone}</>}
            {manager.managerEmail && (
              <>
                , <a href={`mailto:${manager.managerEmail}`}>{manager.managerEmail}</a>
              </>
            )}
          </>
        ) : (
          'The site has no contract: no contract manager to pass it to.'
        )}
      </p>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label>
          How it was passed on{' '}
          <input
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder="e.g. e-mailed"
            maxLength={500}
            required
            data-testid="message-note"
          />
        </label>
        <button className="button" type="submit" disabled={busy || note.trim() === ''} data-testid="message-forwarded">
          Passed on
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
