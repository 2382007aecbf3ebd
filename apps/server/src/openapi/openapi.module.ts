import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller.js';

/**
 * GET /api/v1/openapi.json. The document is assembled from each module's `<module>.openapi.ts`
 * (shared schemas and the Route type only, never services), so this module depends on no other.
 */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
