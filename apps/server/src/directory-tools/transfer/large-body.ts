import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';

/** A whole directory of 10,000 sites is about 15 MB of JSON; more than this is not a directory. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * The global JSON parser stops at its default limit (100 kB), far below a real directory, and it
 * only reads `application/json`. So an import may also be sent with any other content type
 * (e.g. `application/octet-stream`); such a body is left unread by the global parsers and is
 * read here with a limit that fits a directory.
 */
export async function readLargeJsonBody(request: Request, parsed: unknown): Promise<unknown> {
  if ((request as { _body?: boolean })._body || request.readableEnded) return parsed;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) throw new PayloadTooLargeException('The import file is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BadRequestException('Request body is not valid JSON');
  }
}
