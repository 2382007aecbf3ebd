import * as shared from '@arc/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as intakeParams from './intake-params.js';

describe('the intake list queries', () => {
  // The OpenAPI document describes the intake list queries from the shared contract; intake/
  // must validate with the same schemas.
  it.each([
    'CallListQuerySchema',
    'VerificationListQuerySchema',
    'MessageListQuerySchema',
    'StatusQuerySchema',
  ] as const)('documents %s as intake validates it', (name) => {
    const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    expect(json(shared[name])).toEqual(json(intakeParams[name]));
  });
});
