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
  | 'UNPROCESSABLE';

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  switch (code) {
    case 'INVALID_CREDENTIALS':
    case 'TOKEN_INVALID':
    case 'API_KEY_INVALID':
      return 401;
    case 'FORBIDDEN_ROLE':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'UNKNOWN_EVENT_CODE':
    case 'UNPROCESSABLE':
      return 422;
    case 'STORAGE_UNAVAILABLE':
      return 503;
  }
}
