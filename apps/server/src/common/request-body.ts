import { isUtf8 } from 'node:buffer';
import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  RequestTimeoutException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import getRawBody from 'raw-body';
import { keyed } from './app-error.js';

/**
 * What a caller can make the server hold before anyone knows who they are. Every body is read
 * here, before authentication, except the few routes listed in LARGE_BODY_ROUTES: those are
 * read by their handler, which Nest runs only after the guards let the caller through.
 */
export const BODY_LIMIT_BYTES = 100 * 1024;
/** A small body that takes longer than this to arrive is a slow-body attack, not a client. */
export const BODY_READ_TIMEOUT_MS = 10_000;
/** A whole directory of 10,000 sites is about 15 MB of JSON; more than this is not a directory. */
export const IMPORT_LIMIT_BYTES = 200 * 1024 * 1024;

/** Routes whose handler reads its own (large) body after authentication, with their limit. */
const LARGE_BODY_ROUTES = new Map<string, number>([['POST /api/v1/directory/import', IMPORT_LIMIT_BYTES]]);

/** After a refused body: at most this much more is read and dropped, so the client sees the answer. */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 2_000;

const BODY_READ = Symbol('arc.bodyRead');
type BodyRequest = Request & { [BODY_READ]?: true };

/**
 * The JSON body parser of every route. A declared Content-Length over the limit is refused at
 * once (413) without reading the body; a body that grows over it while being read is refused
 * at the limit. Only UTF-8 JSON is taken: another media type or charset is 415, bytes that are
 * not UTF-8 are 400 (JSON.parse would quietly turn them into U+FFFD).
 */
export function jsonBodies(): RequestHandler {
  return (request: BodyRequest, response: Response, next: NextFunction): void => {
    if (!hasBody(request)) {
      next();
      return;
    }
    const large = LARGE_BODY_ROUTES.get(`${request.method} ${request.path}`);
    const limit = large ?? BODY_LIMIT_BYTES;
    const declared = Number(request.headers['content-length'] ?? Number.NaN);
    if (declared > limit) {
      refuseBody(request, response, next, tooLarge(limit));
      return;
    }
    if (large !== undefined) {
      next();
      return;
    }
    const unsupported = unsupportedEncoding(request) ?? (request.is(['json', '+json']) ? null : 'media');
    if (unsupported) {
      refuseBody(
        request,
        response,
        next,
        unsupported === 'media'
          ? keyed(
              new UnsupportedMediaTypeException('Request body must be JSON (Content-Type: application/json)'),
              'bodyNotJson',
            )
          : keyed(
              new UnsupportedMediaTypeException('Request body must be UTF-8 JSON without content encoding'),
              'bodyEncoding',
            ),
      );
      return;
    }
    readBody(request, limit, BODY_READ_TIMEOUT_MS).then(
      (bytes) => {
        try {
          request.body = parseJson(bytes);
          next();
        } catch (error) {
          next(error);
        }
      },
      (error: unknown) => refuseBody(request, response, next, error),
    );
  };
}

/**
 * The body of a LARGE_BODY_ROUTES route, read by its handler (so after the guards), as JSON.
 * Any content type is taken: a directory file may be sent as application/octet-stream.
 */
export async function readLargeJsonBody(request: Request, limit: number): Promise<unknown> {
  const bodyRequest = request as BodyRequest;
  // A path spelled differently (trailing slash, capitals) was read by jsonBodies with the small limit.
  if (bodyRequest[BODY_READ] || request.readableEnded) return request.body as unknown;
  return parseJson(await readBody(request, limit, null));
}

/**
 * Answers a request whose body nobody will read: drops at most LINGER_BYTES more of it for at
 * most LINGER_MS, so a client still sending sees the answer rather than a reset, then closes
 * the connection. Called by the exception filter for every answer to an unfinished request.
 */
export function drainOrClose(request: Request): void {
  if (request.complete || request.listenerCount('data') > 0) return;
  let dropped = 0;
  const close = (): void => {
    request.socket.destroy();
  };
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) {
      clearTimeout(timer);
      close();
    }
  });
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
  request.resume();
}

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

function unsupportedEncoding(request: Request): 'encoding' | null {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  return encoding !== 'identity' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    ? 'encoding'
    : null;
}

async function readBody(request: Request, limit: number, timeoutMs: number | null): Promise<Buffer> {
  (request as BodyRequest)[BODY_READ] = true;
  const reading = getRawBody(request, { length: request.headers['content-length'], limit });
  // Settles after a timeout has already answered; nobody waits for it then.
  reading.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    if (timeoutMs === null) return await reading;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        request.pause();
        reject(
          keyed(
            new RequestTimeoutException(`Request body did not arrive within ${timeoutMs / 1000} s`),
            'bodyTimeout',
            {
              seconds: timeoutMs / 1000,
            },
          ),
        );
      }, timeoutMs);
    });
    return await Promise.race([reading, timeout]);
  } catch (error) {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') throw tooLarge(limit);
    if (error instanceof HttpException) throw error;
    throw keyed(
      new BadRequestException('Request body could not be read (aborted or shorter than its Content-Length)'),
      'bodyUnreadable',
    );
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) throw keyed(new BadRequestException('Request body is not valid UTF-8'), 'bodyNotUtf8');
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw keyed(new BadRequestException('Request body is not valid JSON'), 'invalidJson');
  }
}

function tooLarge(limit: number): PayloadTooLargeException {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} kB`;
  return keyed(new PayloadTooLargeException(`Request body is larger than ${size}`), 'bodyTooLarge', { size });
}

function refuseBody(request: Request, response: Response, next: NextFunction, error: unknown): void {
  // A body too slow to arrive in time is not waited for any longer: close once answered.
  if (error instanceof RequestTimeoutException) response.once('finish', () => request.socket.destroy());
  else drainOrClose(request);
  next(error);
}
