import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '@arc/shared/auth';
import { allowedActions } from '@arc/shared/intake';
import { ServiceModeInputSchema } from '@arc/shared/rules';
import { apiRequest, ApiRequestError } from '../lib/api';
import { applyLocale } from '../lib/i18n/locale';
import { refusalReasonText, requesterProblemText } from './error-text';
import { describeRequestError, issuesToFieldErrors } from './form-errors';
import { fieldMessage, serverMessageInWords } from './form-words';
import { messageOf } from './request-state';
import { serviceModeDurationProblem } from './service-mode-limits';

/** The English words of the answers below, none of which may reach a Swedish screen. */
const ENGLISH = /\b(Case|is closed|Refused for|level|may not|transmitter|must|required|Conflict|Check the form)\b/;

function refused(status: number, body: Omit<ApiError, 'statusCode' | 'error'>): ApiRequestError {
  return new ApiRequestError(status, body.message, { statusCode: status, error: 'Error', ...body });
}

const closed = () =>
  refused(409, {
    message: 'Case 2026-000123 is closed',
    code: 'CONFLICT',
    messageKey: 'caseClosed',
    params: { caseNo: '2026-000123' },
  });

const authority = () =>
  refused(422, {
    message:
      'Refused for Cia Carlsson (level C), FIRE: level C may not put a fire transmitter in service mode; it needs level A or B',
    code: 'UNPROCESSABLE',
    messageKey: 'authorityRefused',
    params: {
      name: 'Cia Carlsson',
      level: 'C',
      category: 'FIRE',
      reason: { key: 'authority:intake.levelFireServiceMode', params: { level: 'C' } },
    },
  });

const tooLong = () =>
  refused(400, {
    message: 'durationMinutes: Too big: expected number to be <=10080',
    code: 'VALIDATION',
    messageKey: 'invalidInput',
    issues: [
      {
        path: 'durationMinutes',
        message: 'Too big: expected number to be <=10080',
        code: 'too_big',
        messageKey: 'issue.tooBigNumber',
        params: { maximum: 10080, origin: 'number' },
      },
    ],
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a refused request in Swedish', () => {
  it('shows the catalogue text of its messageKey, never the English message', () => {
    applyLocale('sv');
    const described = describeRequestError(closed());
    expect(described.message).toBe('Konflikt: Ärende 2026-000123 är stängt');
    expect(described.message).not.toMatch(ENGLISH);
    expect(messageOf(closed())).toBe('Ärende 2026-000123 är stängt');
  });

  it('words an authority refusal with its reason and category in Swedish', () => {
    applyLocale('sv');
    const { message } = describeRequestError(authority());
    expect(message).toBe(
      'Nekat för Cia Carlsson (behörighet C), brand: behörighet C får inte sätta en larmsändare för brandlarm i serviceläge; det krävs behörighet A eller B',
    );
    expect(message).not.toMatch(ENGLISH);
  });

  it('puts validation issues beside their fields in Swedish', () => {
    applyLocale('sv');
    expect(describeRequestError(tooLong())).toEqual({
      message: 'Varaktighet får vara högst 10080',
      fields: { durationMinutes: 'Varaktighet får vara högst 10080' },
    });
  });

  it('falls back to the code, then the status, for an answer without a key', () => {
    applyLocale('sv');
    const old = refused(409, { message: 'Case 1 is held by Bo', code: 'CONFLICT' });
    expect(describeRequestError(old).message).not.toMatch(ENGLISH);
    expect(describeRequestError(old).message).toMatch(/^Konflikt: /);
    const bare = new ApiRequestError(503, 'Service Unavailable', { statusCode: 503, error: 'x', message: 'Down' });
    expect(messageOf(bare)).toBe('Servern kan inte utföra detta just nu; försök igen om en stund');
    expect(serverMessageInWords('durationMinutes: Too big: expected number to be <=10080')).toBe(
      'Varaktighet får vara högst 10080',
    );
    expect(serverMessageInWords('The queue is not ready yet')).toBe('Begäran misslyckades');
  });

  it('forms the message of a failed call in Swedish (apiRequest)', async () => {
    applyLocale('sv');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ statusCode: 409, error: 'Conflict', ...closed().body }, { status: 409 })),
    );
    await expect(apiRequest('/cases/c1/take', { method: 'POST' })).rejects.toMatchObject({
      status: 409,
      message: 'Ärende 2026-000123 är stängt',
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/x')).rejects.toMatchObject({ status: 0, message: 'Servern går inte att nå' });
  });

  it("words the shared schemas' own messages and zod's in Swedish", () => {
    applyLocale('sv');
    const parsed = ServiceModeInputSchema.safeParse({
      transmitterId: 'x',
      requestedByPersonId: '00000000-0000-4000-8000-000000000002',
      durationMinutes: 20_000,
      reason: '',
    });
    const fields = issuesToFieldErrors(parsed.error!.issues);
    expect(fields).toEqual({
      transmitterId: 'Larmsändare måste väljas',
      durationMinutes: 'får vara högst 7 dygn (10080 minuter)',
      reason: 'krävs',
    });
    expect(fieldMessage('postcode', 'must be a Swedish postcode like 722 15')).toBe(
      'måste vara ett svenskt postnummer som 722 15',
    );
  });

  it("words the authority table's reasons and the requester rule in Swedish", () => {
    applyLocale('sv');
    const [fire] = allowedActions({ level: 'C', installerApprovals: null }, ['FIRE']);
    const refusal = fire!.refused.find((r) => r.action === 'SERVICE_MODE')!;
    expect(refusalReasonText(refusal)).toBe(
      'behörighet C får inte sätta en larmsändare för brandlarm i serviceläge; det krävs behörighet A eller B',
    );
    // An answer from before the keys: read back from its English reason.
    expect(refusalReasonText({ reason: refusal.reason })).toBe(refusalReasonText(refusal));
    const facts = { level: 'A' as const, listCoversSite: true, validToday: false, installerApprovals: null };
    expect(requesterProblemText(facts, false, false)).toBe('är inte giltig i dag');
  });
});

describe('the same in English keeps the wording of the server', () => {
  it('words keyed answers as the messages read', () => {
    expect(describeRequestError(closed()).message).toBe('Conflict: Case 2026-000123 is closed');
    expect(describeRequestError(authority()).message).toBe(
      'Refused for Cia Carlsson (level C), FIRE: level C may not put a fire transmitter in service mode; it needs level A or B',
    );
    expect(describeRequestError(tooLong()).message).toBe('Duration must be at most 10080');
    const [fire] = allowedActions({ level: 'C', installerApprovals: null }, ['FIRE']);
    const refusal = fire!.refused.find((r) => r.action === 'SERVICE_MODE')!;
    expect(refusalReasonText(refusal)).toBe(refusal.reason);
  });
});

describe('the longest service mode', () => {
  it('is worded in the language in force', () => {
    expect(serviceModeDurationProblem(721, 720)).toBe('Duration must be at most 12 hours (720 minutes)');
    applyLocale('sv');
    expect(serviceModeDurationProblem(721, 720)).toBe('Varaktighet får vara högst 12 timmar (720 minuter)');
    expect(serviceModeDurationProblem(720, 720)).toBeNull();
  });
});
