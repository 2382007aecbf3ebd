import { describe, expect, it } from 'vitest';
import { ServiceModeInputSchema } from '@arc/shared/rules';
import { ApiRequestError } from '../lib/api';
import { describeRequestError, issuesToFieldErrors } from './form-errors';
import { fieldLabel, fieldMessage, issueText, serverMessageInWords } from './form-words';
import { passwordProblems } from '@arc/shared/users';
import { applyLocale } from '../lib/i18n/locale';

describe('validation messages in words', () => {
  it("turns zod's own wording into sentences with the field's label", () => {
    expect(fieldMessage('durationMinutes', 'Too big: expected number to be <=10080')).toBe(
      'Duration must be at most 10080',
    );
    expect(fieldMessage('durationMinutes', 'Too small: expected number to be >=1')).toBe('Duration must be at least 1');
    expect(fieldMessage('reason', 'Too small: expected string to have >=1 characters')).toBe('Reason is required');
    expect(fieldMessage('reason', 'Invalid input: expected string, received undefined')).toBe('Reason is required');
    expect(fieldMessage('durationMinutes', 'Invalid input: expected number, received NaN')).toBe(
      'Duration must be a number',
    );
    expect(fieldMessage('steps.0.instruction', 'is required for INSTRUCTION')).toBe(
      'Instruction text is required for an instruction step',
    );
  });

  it("keeps the schemas' own short messages beside their field", () => {
    expect(fieldMessage('postcode', 'must be a Swedish postcode like 722 15')).toBe(
      'must be a Swedish postcode like 722 15',
    );
    expect(fieldLabel('steps.2.contactId')).toBe('Contact');
    expect(fieldLabel('someNewField')).toBe('Some new field');
  });

  it('never shows a field path or raw schema text in a server message', () => {
    expect(serverMessageInWords('durationMinutes: Too big: expected number to be <=10080')).toBe(
      'Duration must be at most 10080',
    );
    expect(serverMessageInWords('steps.1.instruction: is required for INSTRUCTION; name: is required')).toBe(
      'Step 2: Instruction text is required for an instruction step; Name is required',
    );
    expect(
      serverMessageInWords('Refused for Cia (level C), FIRE: level C may not set service mode; it needs level A or B'),
    ).toBe('Refused for Cia (level C), FIRE: level C may not set service mode; it needs level A or B');
  });

  it('form errors: from the schema and from a refused request', () => {
    const parsed = ServiceModeInputSchema.safeParse({
      transmitterId: '00000000-0000-4000-8000-000000000001',
      requestedByPersonId: '00000000-0000-4000-8000-000000000002',
      durationMinutes: 20_000,
      reason: 'x',
    });
    expect(parsed.success).toBe(false);
    const fields = issuesToFieldErrors(parsed.error!.issues);
    expect(fields.durationMinutes).toBe('must be at most 7 days (10080 minutes)');
    expect(fields.durationMinutes).not.toMatch(/Too big|<=/);

    const refused = new ApiRequestError(400, 'durationMinutes: Too big: expected number to be <=10080', {
      statusCode: 400,
      error: 'Bad Request',
      message: 'durationMinutes: Too big: expected number to be <=10080',
      issues: [{ path: 'durationMinutes', message: 'Too big: expected number to be <=10080' }],
    });
    expect(describeRequestError(refused)).toEqual({
      message: 'Duration must be at most 10080',
      fields: { durationMinutes: 'Duration must be at most 10080' },
    });
  });
});

describe('the password policy in the language in force', () => {
  it('words every problem passwordProblems finds, in Swedish too', () => {
    const problems = passwordProblems('anna', 'anna');
    expect(problems.map((message) => issueText({ message }))).toEqual(problems);
    applyLocale('sv');
    const swedish = problems.map((message) => issueText({ message }));
    expect(swedish).toHaveLength(problems.length);
    for (const [i, text] of swedish.entries()) expect(text, problems[i]).not.toBe(problems[i]);
    applyLocale('en');
  });
});
