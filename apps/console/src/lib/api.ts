import type { ApiError } from '@arc/shared';
import { serverMessageInWords } from '../utils/form-words';

const API_BASE = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  body?: unknown;
  /** Bearer token; when omitted, the token source's current token (if any) is sent. */
  token?: string | null;
  signal?: AbortSignal;
}

/** Every failed call: `status` is the HTTP status, or 0 when the server could not be reached. */
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
  { method = 'GET', body, token, signal }: ApiRequestOptions = {},
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
    throw new ApiRequestError(0, 'Cannot reach the server');
  }

  if (!response.ok) {
    const apiError = await readJson<ApiError>(response);
    // Validation messages name fields by their path ("durationMinutes: …"): shown in words.
    const message = apiError?.message ? serverMessageInWords(apiError.message) : `Request failed (${response.status})`;
    throw new ApiRequestError(response.status, message, apiError);
  }
  if (response.status === 204) return undefined as TResponse;
  return (await readJson<TResponse>(response)) as TResponse;
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
