import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@arc/shared/auth';
import type { Request, Response } from 'express';
import { AppError, httpStatusOf } from './app-error.js';
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
      };
      if (exception.details.issues) result.issues = exception.details.issues;
      if (exception.details.retryAfterSeconds !== undefined) {
        result.retryAfterSeconds = exception.details.retryAfterSeconds;
      }
      return result;
    }
    if (exception instanceof HttpException) {
      if (exception.cause instanceof SyntaxError && exception.getStatus() === 400) {
        return { statusCode: 400, error: REASON[400]!, message: 'Request body is not valid JSON', code: 'VALIDATION' };
      }
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const raw = typeof payload === 'string' ? payload : (payload as { message?: unknown }).message;
      const messages = Array.isArray(raw) ? raw.map(String) : [String(raw ?? exception.message)];
      const result: ApiError = {
        statusCode,
        error: REASON[statusCode] ?? 'Error',
        message: messages.join('; '),
      };
      if (statusCode === 400) result.code = 'VALIDATION';
      if (Array.isArray(raw)) {
        result.issues = messages.map((message) => {
          const colon = message.indexOf(': ');
          return colon > 0
            ? { path: message.slice(0, colon), message: message.slice(colon + 2) }
            : { path: '', message };
        });
      }
      return result;
    }
    // body-parser errors (invalid JSON, body too large) carry their own status.
    const status = (exception as { status?: unknown; type?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: unknown }).type;
      const message =
        type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'Request body is too large'
            : ((exception as Error).message ?? 'Bad request');
      return { statusCode: status, error: REASON[status] ?? 'Error', message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: REASON[500]!, message: 'Internal server error' };
  }
}
