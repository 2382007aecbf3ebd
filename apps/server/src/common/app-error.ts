import { describeIssue, type IssueMessageKey, type MessageParams, type ServerMessageKey } from '@arc/shared/i18n';

/** Every failure a client can cause, with one HTTP status each (mapped in the exception filter). */
export type AppErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'TOKEN_INVALID'
  | 'API_KEY_INVALID'
  | 'FORBIDDEN_ROLE'
  | 'UNKNOWN_EVENT_CODE'
  | 'STORAGE_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'VALIDATION'
  | 'CURRENT_PASSWORD_INVALID'
  | 'TOTP_INVALID'
  | 'TOTP_ALREADY_ENROLLED'
  | 'TOTP_NOT_STARTED'
  | 'LAST_ADMIN'
  | 'SELF_DEACTIVATION'
  | 'ACCOUNT_LOCKED'
  | 'LOGIN_THROTTLED'
  | 'OPERATOR_NOT_AVAILABLE'
  | 'NOT_HOLDER';

/** A field at fault, as the ApiError body carries it (ApiIssueSchema in @arc/shared/auth). */
export interface AppErrorIssue {
  path: string;
  /** In English, for API clients and logs. */
  message: string;
  /** zod's issue code, or 'custom'. */
  code?: string;
  /** The text in the errors catalogue (issue.* or schema.*). */
  messageKey?: IssueMessageKey;
  params?: MessageParams;
}

export interface AppErrorDetails {
  /**
   * The text for screens: a key of the `errors.server` catalogue (an unknown key does not
   * compile) and the values of its arguments (docs/i18n.md, "Server errors").
   */
  key: ServerMessageKey;
  params?: MessageParams;
  /** VALIDATION: the fields at fault. */
  issues?: AppErrorIssue[];
  /** 429: when another attempt may succeed (the Retry-After header). */
  retryAfterSeconds?: number;
}

/**
 * Every failure a client causes: its code (the HTTP status), an English message for API clients
 * and logs, and the catalogue key and params a screen words it with in the user's language.
 */
export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly details: AppErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'CURRENT_PASSWORD_INVALID':
      return 400;
    case 'INVALID_CREDENTIALS':
    case 'TOTP_INVALID':
    case 'TOKEN_INVALID':
    case 'API_KEY_INVALID':
      return 401;
    case 'FORBIDDEN_ROLE':
    case 'NOT_HOLDER':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'TOTP_ALREADY_ENROLLED':
    case 'TOTP_NOT_STARTED':
    case 'LAST_ADMIN':
    case 'SELF_DEACTIVATION':
    case 'OPERATOR_NOT_AVAILABLE':
      return 409;
    case 'ACCOUNT_LOCKED':
    case 'LOGIN_THROTTLED':
      return 429;
    case 'UNKNOWN_EVENT_CODE':
    case 'UNPROCESSABLE':
      return 422;
    case 'STORAGE_UNAVAILABLE':
      return 503;
  }
}

/** One field's issue from an English message of the shared rules ("must not contain the username"). */
export function fieldIssue(path: string, message: string): AppErrorIssue {
  const known = describeIssue({ message });
  return known
    ? { path, message, code: 'custom', messageKey: known.key, params: known.params }
    : { path, message, code: 'custom' };
}

/** A VALIDATION error for one field, shaped like the validation pipe's ("password: must be …"). */
export function fieldError(path: string, messages: string[]): AppError {
  return new AppError('VALIDATION', messages.map((message) => `${path}: ${message}`).join('; '), {
    key: 'invalidInput',
    issues: messages.map((message) => fieldIssue(path, message)),
  });
}

const MESSAGE_KEY = Symbol('arc.messageKey');

/** Gives a Nest HttpException (thrown outside the services: body reading) its catalogue key. */
export function keyed<E extends object>(exception: E, key: ServerMessageKey, params?: MessageParams): E {
  Object.defineProperty(exception, MESSAGE_KEY, { value: { key, params }, enumerable: false });
  return exception;
}

/** The key `keyed` gave an exception, if any. */
export function keyOf(exception: object): { key: ServerMessageKey; params?: MessageParams } | undefined {
  return (exception as { [MESSAGE_KEY]?: { key: ServerMessageKey; params?: MessageParams } })[MESSAGE_KEY];
}
