import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Ingest routes are called by machines with an API key (header X-Api-Key), not by users. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: Buffer[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = config.ingest.apiKeys.map(digest);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers['x-api-key'];
    if (typeof header !== 'string' || header.length === 0) {
      throw new AppError('API_KEY_INVALID', 'Missing X-Api-Key header', { key: 'apiKeyMissing' });
    }
    // Compare digests in constant time so the key cannot be guessed byte by byte.
    const given = digest(header);
    const match = this.keys.reduce((found, key) => timingSafeEqual(key, given) || found, false);
    if (!match) throw new AppError('API_KEY_INVALID', 'Invalid API key', { key: 'apiKeyInvalid' });
    return true;
  }
}
