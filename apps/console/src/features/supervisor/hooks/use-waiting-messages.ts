import type { ManagerMessageEntry } from '@arc/shared/intake';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n/i18n';
import { messageOf } from '../../../utils/request-state';
import { fetchWaitingMessages, markMessageForwarded } from '../api/supervisor-api';

/** How often the waiting messages are read again while the screen is open. */
export const MESSAGES_REFRESH_MS = 30_000;

export interface WaitingMessages {
  messages: ManagerMessageEntry[] | null;
  /** The last read failed; the list shown is the one read before. */
  error: string | null;
  /** Records that a message was passed on; resolves with the server's refusal in words, or null. */
  forward: (id: string, note: string) => Promise<string | null>;
}

/** The messages for contract managers still to pass on, read when the screen opens and every 30 s. */
export function useWaitingMessages(): WaitingMessages {
  const [messages, setMessages] = useState<ManagerMessageEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback((signal?: AbortSignal) => {
    fetchWaitingMessages(signal).then(
      (list) => {
        setMessages(list);
        setError(null);
      },
      (e: unknown) => {
        if (!signal?.aborted) setError(messageOf(e, i18n.t('supervisor:messages.loadFailed'), { serverOnly: true }));
      },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    const timer = setInterval(() => load(controller.signal), MESSAGES_REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [load]);

  const forward = useCallback(
    async (id: string, note: string): Promise<string | null> => {
      try {
        await markMessageForwarded(id, note);
        setMessages((list) => list?.filter((m) => m.id !== id) ?? null);
        return null;
      } catch (e) {
        // Passed on by someone else meanwhile (409): the list read now no longer shows it.
        if (e instanceof ApiRequestError && e.status === 409) load();
        return messageOf(e, i18n.t('supervisor:messages.forwardFailed'), { serverOnly: true });
      }
    },
    [load],
  );

  return { messages, error, forward };
}
