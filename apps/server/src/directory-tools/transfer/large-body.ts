import type { Request } from 'express';
import { IMPORT_LIMIT_BYTES, readLargeJsonBody } from '../../common/request-body.js';

/**
 * The import's body: not read by the global parser (its 100 kB limit is far below a real
 * directory, and it would be read before authentication), but here, after the guards let an
 * administrator through. Any content type is taken, e.g. application/octet-stream.
 */
export function readImportBody(request: Request): Promise<unknown> {
  return readLargeJsonBody(request, IMPORT_LIMIT_BYTES);
}
