import { type ArgumentMetadata, BadRequestException, Injectable, StandardSchemaValidationPipe } from '@nestjs/common';
import { findUnsafeText } from '@arc/shared/safe-input';

/**
 * Nest's schema pipe, plus one last net: whatever a schema let through (or a parameter without a
 * schema) may still not carry text PostgreSQL would refuse or alter (NUL, lone surrogates,
 * control characters). The shared schemas refuse these themselves with `safeString`, so this
 * only catches a schema that forgot; the message names the field all the same.
 */
@Injectable()
export class SafeInputValidationPipe extends StandardSchemaValidationPipe {
  override async transform<T = unknown>(value: T, metadata: ArgumentMetadata): Promise<T> {
    const result = await super.transform(value, metadata);
    if (metadata.type === 'custom') return result;
    const found = findUnsafeText(result);
    if (found) {
      const field = [metadata.type === 'param' ? metadata.data : undefined, found.path].filter(Boolean).join('.');
      throw new BadRequestException([field ? `${field}: ${found.reason}` : found.reason]);
    }
    return result;
  }
}
