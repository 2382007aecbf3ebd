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

export interface AppErrorDetails {
  /** VALIDATION: the fields at fault. */
  issues?: { path: string; message: string }[];
  /** 429: when another attempt may succeed (the Retry-After header). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly details: AppErrorDetails = {},
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

/** A VALIDATION error for one field, shaped like the validation pipe's ("password: must be …"). */
export function fieldError(path: string, messages: string[]): AppError {
  return new AppError('VALIDATION', messages.map((message) => `${path}: ${message}`).join('; '), {
    issues: messages.map((message) => ({ path, message })),
  });
}
