import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@arc/shared/auth';
import type { Request, Response } from 'express';
import type { MessageParams, ServerMessageKey } from '@arc/shared/i18n';
import { AppError, fieldIssue, httpStatusOf, keyOf } from './app-error.js';
import { drainOrClose } from './request-body.js';

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Turns every error into one JSON shape (ApiError); internals never leak to the client. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    // Refused before its body was read (no token, wrong role, too large): that body is not
    // wanted, and an anonymous caller must not be able to make the server read it all.
    drainOrClose(host.switchToHttp().getRequest<Request>());
    if (body.statusCode >= 500) this.logger.error(exception);
    if (body.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof AppError) {
      const statusCode = httpStatusOf(exception.code);
      const result: ApiError = {
        statusCode,
        error: REASON[statusCode] ?? 'Error',
        message: exception.message,
        code: exception.code,
        messageKey: exception.details.key,
      };
      if (exception.details.params && Object.keys(exception.details.params).length > 0) {
        result.params = exception.details.params;
      }
      if (exception.details.issues) result.issues = exception.details.issues;
      if (exception.details.retryAfterSeconds !== undefined) {
        result.retryAfterSeconds = exception.details.retryAfterSeconds;
      }
      return result;
    }
    if (exception instanceof HttpException) {
      if (exception.cause instanceof SyntaxError && exception.getStatus() === 400) {
        return {
          statusCode: 400,
          error: REASON[400]!,
          message: 'Request body is not valid JSON',
          code: 'VALIDATION',
          messageKey: 'invalidJson',
        };
      }
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const raw = typeof payload === 'string' ? payload : (payload as { message?: unknown }).message;
      const messages = Array.isArray(raw) ? raw.map(String) : [String(raw ?? exception.message)];
      const result: ApiError = {
        statusCode,
        error: REASON[statusCode] ?? 'Error',
        message: messages.join('; '),
        ...httpMessageKey(exception, statusCode, messages[0] ?? ''),
      };
      if (statusCode === 400) result.code = 'VALIDATION';
      if (Array.isArray(raw)) {
        result.issues = messages.map((message) => {
          const colon = message.indexOf(': ');
          return colon > 0 ? fieldIssue(message.slice(0, colon), message.slice(colon + 2)) : fieldIssue('', message);
        });
      }
      return result;
    }
    // body-parser errors (invalid JSON, body too large) carry their own status.
    const status = (exception as { status?: unknown; type?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: unknown }).type;
      if (type === 'entity.parse.failed') {
        return {
          statusCode: status,
          error: REASON[status] ?? 'Error',
          message: 'Request body is not valid JSON',
          messageKey: 'invalidJson',
        };
      }
      if (type === 'entity.too.large') {
        return {
          statusCode: status,
          error: REASON[status] ?? 'Error',
          message: 'Request body is too large',
          messageKey: 'bodyTooLargeUnsized',
        };
      }
      return {
        statusCode: status,
        error: REASON[status] ?? 'Error',
        message: (exception as Error).message ?? 'Bad request',
        messageKey: 'requestRefused',
        params: { status },
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: REASON[500]!,
      message: 'Internal server error',
      messageKey: 'internal',
    };
  }
}

/**
 * The catalogue key of a Nest HttpException: the one `keyed` gave it (request-body.ts), else a
 * route that does not exist, else the status.
 */
function httpMessageKey(
  exception: HttpException,
  statusCode: number,
  message: string,
): { messageKey: ServerMessageKey; params?: MessageParams } {
  const keyed = keyOf(exception);
  if (keyed) return { messageKey: keyed.key, ...(keyed.params ? { params: keyed.params } : {}) };
  const route = statusCode === 404 ? /^Cannot (\w+) (.+)$/.exec(message) : null;
  if (route) return { messageKey: 'routeNotFound', params: { method: route[1]!, path: route[2]! } };
  if (statusCode === 400) return { messageKey: 'invalidInput' };
  if (statusCode >= 500) return { messageKey: 'internal' };
  return { messageKey: 'requestRefused', params: { status: statusCode } };
}
