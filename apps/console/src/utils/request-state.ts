import { ApiRequestError } from '../lib/api';
import { i18n } from '../lib/i18n/i18n';
import { apiErrorMessage } from './error-text';

/** Where a read stands, for the screens that show "Loading…", the result or the failure. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface MessageOptions {
  /**
   * Only the server's refusal is worth showing in words; anything else (a network failure, a
   * bug) shows the fallback.
   */
  serverOnly?: boolean;
}

/**
 * The words to show for a failed request, in the language in force: the server's refusal (its
 * messageKey or code in words, never its English message on a Swedish screen), else the error's
 * message, else `fallback` (by default "Failed").
 */
export function messageOf(error: unknown, fallback?: string, options: MessageOptions = {}): string {
  if (error instanceof ApiRequestError) {
    return error.body ? apiErrorMessage(error.status, error.body, error.message) : error.message;
  }
  const otherwise = fallback ?? i18n.t('errors:failed');
  if (options.serverOnly) return otherwise;
  return error instanceof Error ? error.message : otherwise;
}

/** What to do with the answer of a read that is still the newest. */
export interface ReadHandlers<T> {
  ok: (data: T) => void;
  failed: (error: unknown) => void;
}

/**
 * A read of which only the newest answer counts: a detail fetched again after a socket push, a
 * search typed letter by letter, a case left for another. Starting a read supersedes the one in
 * flight: its request is aborted (the signal given to `read`) and neither its answer nor its
 * failure reaches the handlers, even when it arrives last. `cancel` supersedes it without a new
 * read (the screen moved on). One per piece of store state; the stores' only race guard.
 */
export interface LatestRead {
  /** Resolves once the read settled or was superseded; the handlers ran only in the first case. */
  run<T>(read: (signal: AbortSignal) => Promise<T>, handlers: ReadHandlers<T>): Promise<void>;
  cancel(): void;
}

export function createLatestRead(): LatestRead {
  let current: AbortController | null = null;
  const cancel = () => {
    current?.abort();
    current = null;
  };
  return {
    cancel,
    run: async <T>(read: (signal: AbortSignal) => Promise<T>, { ok, failed }: ReadHandlers<T>) => {
      cancel();
      const controller = new AbortController();
      current = controller;
      const superseded = new Promise<null>((resolve) =>
        controller.signal.addEventListener('abort', () => resolve(null), { once: true }),
      );
      let reading: Promise<T>;
      try {
        reading = read(controller.signal);
      } catch (error) {
        reading = Promise.reject(error);
      }
      // Settles at once when superseded, whether or not the aborted request ever answers.
      const settle = await Promise.race([
        reading.then(
          (data) => () => ok(data),
          (error: unknown) => () => failed(error),
        ),
        superseded,
      ]);
      if (settle === null || controller !== current) return;
      current = null;
      settle();
    },
  };
}
