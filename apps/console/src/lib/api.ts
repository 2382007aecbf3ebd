import type { ApiError } from '@arc/shared/auth';
import { apiErrorMessage } from '../utils/error-text';
import { i18n } from './i18n/i18n';

const API_BASE = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A response contract: the zod schemas of `@arc/shared` fit it (only `safeParse` is used, so the
 * console needs no zod import of its own).
 */
export interface ResponseSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface ApiRequestOptions<TResponse = unknown> {
  method?: HttpMethod;
  body?: unknown;
  /** Bearer token; when omitted, the token source's current token (if any) is sent. */
  token?: string | null;
  signal?: AbortSignal;
  /**
   * The response's contract: a body that does not match is refused (ApiRequestError with status
   * 0, naming the path and the first mismatch) instead of reaching the screen half-understood.
   * A 204 has no body and is not checked.
   */
  schema?: ResponseSchema<Exclude<TResponse, undefined>>;
}

/**
 * Every failed call: `status` is the HTTP status, or 0 when the server could not be reached or
 * its answer did not match the response contract. `message` is in the language in force when
 * the call failed: the answer's messageKey (or code) in words, never the server's English on a
 * Swedish screen; `body` keeps the answer for wording it again (describeRequestError, messageOf).
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    message: string,
    readonly body: ApiError | null = null,
  ) {
    super(message);
  }
}

let tokenSource: () => string | null = () => null;

/**
 * The app layer tells the client where the session token lives, so feature code can call the
 * API without importing the auth feature.
 */
export function setTokenSource(source: () => string | null): void {
  tokenSource = source;
}

/** JSON request against the ARC API (same origin, `/api/v1` prefix). */
export async function apiRequest<TResponse>(
  path: string,
  { method = 'GET', body, token, signal, schema }: ApiRequestOptions<TResponse> = {},
): Promise<TResponse> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const bearer = token === undefined ? tokenSource() : token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, i18n.t('errors:network'));
  }

  if (!response.ok) {
    const apiError = await readJson<ApiError>(response);
    // Validation messages name fields by their path ("durationMinutes: …"): shown in words.
    throw new ApiRequestError(response.status, apiErrorMessage(response.status, apiError), apiError);
  }
  if (response.status === 204) return undefined as TResponse;
  const answer = await readJson<unknown>(response);
  if (!schema) return answer as TResponse;
  const checked = schema.safeParse(answer);
  if (!checked.success) throw new ApiRequestError(0, unexpectedAnswer(method, path, checked.error.issues));
  return checked.data;
}

/** "Unexpected answer from the server to GET /cases/…: summary.id: Invalid UUID". */
function unexpectedAnswer(
  method: HttpMethod,
  path: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  const words = {
    method,
    path: path.split('?')[0] ?? path,
    where,
    problem: first?.message ?? i18n.t('errors:notReadable'),
  };
  return issues.length > 1
    ? i18n.t('errors:unexpectedAnswerMore', { ...words, count: issues.length - 1 })
    : i18n.t('errors:unexpectedAnswer', words);
}

async function readJson<T>(response: Response): Promise<T | null> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
