import { Controller, Get } from '@nestjs/common';
import { Public } from '../common/auth/auth.decorators.js';
import { openApiDocument } from './openapi-document.js';

@Controller()
export class OpenApiController {
  private readonly document = openApiDocument();

  /** Public on purpose: client generators and the console fetch it without a session. */
  @Public()
  @Get('openapi.json')
  get(): Record<string, unknown> {
    return this.document;
  }
}
