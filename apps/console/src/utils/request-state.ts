import { ApiRequestError } from '../lib/api';

/** Where a read stands, for the screens that show "Loading…", the result or the failure. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface MessageOptions {
  /**
   * Only the server's refusal is worth showing in words; anything else (a network failure, a
   * bug) shows the fallback.
   */
  serverOnly?: boolean;
}

/** The words to show for a failed request: the server's refusal, else the error's message, else `fallback`. */
export function messageOf(error: unknown, fallback = 'Failed', options: MessageOptions = {}): string {
  if (error instanceof ApiRequestError) return error.message;
  if (options.serverOnly) return fallback;
  return error instanceof Error ? error.message : fallback;
}
