import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { ALARM_CATEGORIES } from '../alarm.js';
import { AUTHORITY_LEVELS, type ApprovalKind } from '../authority.js';
import { INTAKE_ACTIONS, intakeActionProblem, intakeActionRefusal } from '../intake.js';
import { windowRequesterProblem, windowRequesterRefusal } from '../rules.js';
import { minutesInWords } from '../settings.js';
import { CATALOGUES, EN_MESSAGES, INTL_TAG, LOCALES } from '../i18n.js';
import { catalogueText, errorAnswerProblems } from './error-answers.js';
import {
  describeIssue,
  durationRef,
  intakeRefusalOf,
  intakeRefusalText,
  messageArguments,
  requesterRefusalOf,
  schemaMessage,
  type MessageParam,
} from './error-messages.js';
import { z } from 'zod';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

interface AstElement {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstElement[] }>;
}

function astArguments(elements: readonly AstElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') into.add(element.value);
    for (const option of Object.values(element.options ?? {})) astArguments(option.value, into);
  }
  return into;
}

const format = (text: string, params: Record<string, MessageParam>, locale: 'en' | 'sv' = 'en') =>
  String(new IntlMessageFormat(text, INTL_TAG[locale]).format(params));

describe('messageArguments', () => {
  it('finds the arguments intl-messageformat finds, in every message of every catalogue', () => {
    for (const locale of LOCALES) {
      for (const [ns, tree] of Object.entries(CATALOGUES[locale])) {
        for (const [key, text] of flatten(tree as Tree, `${ns}:`)) {
          const expected = astArguments(new IntlMessageFormat(text, INTL_TAG[locale]).getAst() as AstElement[]);
          expect([...messageArguments(text)].sort(), `${locale} ${key}`).toEqual([...expected].sort());
        }
      }
    }
  });
});

/** Every literal in the shared modules that reads like a validation message ("must …", "is …"). */
function schemaLiterals(): { file: string; text: string }[] {
  const dir = join(import.meta.dirname, '..');
  const found: { file: string; text: string }[] = [];
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const source = readFileSync(join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const raw = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, '7');
      if (raw === 'keys 7') continue; // keys ${reason}: the reason is one of the others
      if (
        /^(must|is|needs|has|give|say|at most|zone|area|account|username|password|keys|A contact|An on-call|Instruction text|Write the note|The note|the period|that week) /.test(
          raw,
        )
      ) {
        found.push({ file, text: raw });
      }
    }
  }
  return found;
}

describe('schemaMessage', () => {
  it('knows every message the shared schemas and rules give in English', () => {
    const literals = schemaLiterals();
    expect(literals.length).toBeGreaterThan(40);
    const unknown = literals.filter(({ text }) => schemaMessage(text) === null);
    expect(unknown).toEqual([]);
  });

  it('words each message in English exactly as the schema does', () => {
    for (const { text } of schemaLiterals()) {
      const found = schemaMessage(text)!;
      if (!found.key.startsWith('schema.')) continue;
      const params = Object.fromEntries(
        Object.entries(found.params).map(([name, value]) =>
          typeof value === 'object'
            ? [name, format(catalogueText('en', value.key)!, { ...value.params })]
            : [name, value],
        ),
      );
      expect(format(catalogueText('en', `errors:${found.key}`)!, params), text).toBe(text);
    }
  });

  it('reads the arguments back out of a message', () => {
    expect(schemaMessage('must be at least 12 characters')).toEqual({
      key: 'schema.minCharacters',
      params: { minimum: 12 },
    });
    expect(schemaMessage('must be a Swedish postcode like 722 15')).toEqual({ key: 'schema.postcode', params: {} });
    expect(schemaMessage('must not contain control characters (found U+0007)')).toEqual({
      key: 'schema.control',
      params: { codePoint: 'U+0007' },
    });
    expect(schemaMessage('keys must not contain the NUL character (U+0000)')).toEqual({
      key: 'schema.keys',
      params: { reason: { key: 'errors:schema.nul', params: {} } },
    });
    expect(schemaMessage('must be an id')).toEqual({ key: 'issue.chosen', params: {} });
    expect(schemaMessage('Too big: expected number to be <=10080')).toBeNull();
  });
});

describe('describeIssue', () => {
  const issuesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues;

  it("words zod's own issues by their code and parameters", () => {
    expect(describeIssue(issuesOf(z.number().max(10), 11)[0]!)).toEqual({
      key: 'issue.tooBigNumber',
      params: { maximum: 10 },
    });
    expect(describeIssue(issuesOf(z.string().max(5), 'abcdefg')[0]!)).toEqual({
      key: 'issue.tooBigString',
      params: { maximum: 5 },
    });
    expect(describeIssue(issuesOf(z.string().min(1), '')[0]!)).toEqual({ key: 'issue.required', params: {} });
    expect(describeIssue(issuesOf(z.object({ a: z.string() }), {})[0]!)).toEqual({ key: 'issue.required', params: {} });
    expect(describeIssue(issuesOf(z.number().int(), 1.5)[0]!)).toEqual({ key: 'issue.wholeNumber', params: {} });
    expect(describeIssue(issuesOf(z.uuid(), 'x')[0]!)).toEqual({ key: 'issue.chosen', params: {} });
    expect(describeIssue(issuesOf(z.enum(['A', 'B']), 'C')[0]!)).toEqual({ key: 'issue.oneOf', params: {} });
    expect(describeIssue(issuesOf(z.object({}).strict(), { x: 1 })[0]!)).toEqual({
      key: 'issue.unknownField',
      params: {},
    });
  });

  it("prefers the schema's own message", () => {
    expect(describeIssue(issuesOf(z.string().min(1, 'is required'), '')[0]!)).toEqual({
      key: 'schema.required',
      params: {},
    });
  });

  it('says nothing of a message and code it does not know', () => {
    expect(describeIssue({ message: 'something else' })).toBeNull();
  });
});

describe('authority refusals', () => {
  const approvals: (ApprovalKind[] | null)[] = [null, [], ['FIRE_CERTIFICATE'], ['POLICE_INTRUSION']];

  it('word the intake table in English as before, and read back from it', () => {
    let refusals = 0;
    for (const level of AUTHORITY_LEVELS) {
      for (const installerApprovals of approvals) {
        for (const action of INTAKE_ACTIONS) {
          for (const category of ALARM_CATEGORIES) {
            const caller = { level, installerApprovals };
            const refusal = intakeActionRefusal(caller, action, category);
            const problem = intakeActionProblem(caller, action, category);
            if (!refusal) {
              expect(problem).toBeNull();
              continue;
            }
            refusals += 1;
            expect(problem).toBe(intakeRefusalText(refusal));
            expect(problem).toBe(format(EN_MESSAGES.authority.intake[refusal.key], refusal.params));
            expect(intakeRefusalOf(problem!)).toEqual(refusal);
            expect(format(CATALOGUES.sv.authority.intake[refusal.key], refusal.params, 'sv')).not.toBe(problem);
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(50);
  });

  it('word the requester rule in English as before', () => {
    const facts = { level: 'C' as const, listCoversSite: true, validToday: true, installerApprovals: null };
    expect(windowRequesterProblem(facts, true, false)).toBe('has authority level C; fire needs level A or B');
    expect(windowRequesterRefusal(facts, true, false)).toEqual({ key: 'levelCFire', params: {} });
    expect(windowRequesterRefusal({ ...facts, listCoversSite: false }, false, false)?.key).toBe('notOnList');
    expect(requesterRefusalOf('is not valid today')).toEqual({ key: 'notValidToday', params: {} });
  });
});

describe('durationRef', () => {
  it('words a duration as minutesInWords does, in English', () => {
    for (const minutes of [1, 45, 60, 90, 720, 1440, 10_080, 1500]) {
      const ref = durationRef(minutes);
      expect(format(catalogueText('en', ref.key)!, { ...ref.params }), String(minutes)).toBe(minutesInWords(minutes));
    }
    const sv = durationRef(720);
    expect(format(catalogueText('sv', sv.key)!, { ...sv.params }, 'sv')).toBe('12 timmar (720 minuter)');
  });
});

describe('errorAnswerProblems', () => {
  it('accepts an answer whose texts exist with all their arguments', () => {
    expect(errorAnswerProblems({ messageKey: 'caseClosed', params: { caseNo: '2026-1' } })).toEqual([]);
    expect(
      errorAnswerProblems({
        messageKey: 'authorityRefused',
        params: {
          name: 'Cia',
          level: 'C',
          category: 'FIRE',
          reason: { key: 'authority:intake.levelFireServiceMode', params: { level: 'C' } },
        },
        issues: [{ path: 'reason', messageKey: 'issue.tooBigString', params: { maximum: 5 } }],
      }),
    ).toEqual([]);
  });

  it('names a missing key and a missing argument', () => {
    expect(errorAnswerProblems({ messageKey: 'noSuchKey' })).toHaveLength(2);
    expect(errorAnswerProblems({ messageKey: 'caseClosed', params: {} })).toEqual([
      'messageKey: errors:server.caseClosed (sv) needs the argument caseNo',
      'messageKey: errors:server.caseClosed (en) needs the argument caseNo',
    ]);
    expect(
      errorAnswerProblems({ messageKey: 'requesterRefused', params: { name: 'A', reason: { key: 'authority:nope' } } }),
    ).toHaveLength(2);
  });
});
