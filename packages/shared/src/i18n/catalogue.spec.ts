import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, EN_MESSAGES, GLOSSARY, INTL_TAG, LOCALES, NAMESPACES, type Locale } from '../i18n.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every message of a catalogue as "namespace:dotted.key" → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? (prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`) : `${key}:`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

interface AstElement {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
}

/** The words a person reads in an ICU message: its literal parts, without argument names. */
function literalText(elements: readonly AstElement[]): string {
  let text = '';
  for (const element of elements) {
    if (element.type === 0 && typeof element.value === 'string') text += element.value;
    for (const option of Object.values(element.options ?? {})) text += ` ${literalText(option.value)} `;
    if (element.children) text += ` ${literalText(element.children)} `;
    text += ' ';
  }
  return text;
}

/** The argument names an ICU message uses ({name}, {count, plural, …}, <b>…</b> tags). */
function argumentsOf(elements: readonly AstElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') into.add(element.value);
    for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, into);
    if (element.children) argumentsOf(element.children, into);
  }
  return into;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(CATALOGUES[locale] as Tree)])) as Record<
  Locale,
  Map<string, string>
>;

describe('message catalogues', () => {
  it('have the same namespaces and keys in every language', () => {
    const reference = [...flat.en.keys()].sort();
    expect(reference.length).toBeGreaterThan(0);
    for (const locale of LOCALES) expect([...flat[locale].keys()].sort()).toEqual(reference);
    expect(Object.keys(EN_MESSAGES)).toEqual(NAMESPACES);
  });

  it('hold no empty message and no surrounding white space', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of flat[locale]) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(text, `${locale} ${key}`).toBe(text.trim());
      }
    }
  });

  it('parse as ICU messages with the same arguments in every language', () => {
    for (const [key, english] of flat.en) {
      const expected = [...argumentsOf(new IntlMessageFormat(english, INTL_TAG.en).getAst() as AstElement[])].sort();
      for (const locale of LOCALES) {
        const text = flat[locale].get(key)!;
        let ast: AstElement[];
        try {
          ast = new IntlMessageFormat(text, INTL_TAG[locale]).getAst() as AstElement[];
        } catch (error) {
          throw new Error(`${locale} ${key} is not a valid ICU message: ${String(error)}`, { cause: error });
        }
        expect([...argumentsOf(ast)].sort(), `${locale} ${key}`).toEqual(expected);
      }
    }
  });

  it('format plurals by each language’s rules', () => {
    const sv = new IntlMessageFormat(CATALOGUES.sv.common.count.cases, INTL_TAG.sv);
    const en = new IntlMessageFormat(CATALOGUES.en.common.count.cases, INTL_TAG.en);
    expect([sv.format({ count: 1 }), sv.format({ count: 3 })]).toEqual(['1 ärende', '3 ärenden']);
    expect([en.format({ count: 1 }), en.format({ count: 3 })]).toEqual(['1 case', '3 cases']);
  });
});

describe('glossary', () => {
  const words = (text: string) => new Set(text.toLocaleLowerCase('sv').split(/[^\p{L}-]+/u));

  /** The glossary's avoided words a Swedish ICU message uses in its readable text. */
  const avoidedIn = (text: string): string[] => {
    const present = words(literalText(new IntlMessageFormat(text, INTL_TAG.sv).getAst() as AstElement[]));
    return GLOSSARY.flatMap((term) =>
      term.avoid
        .filter((avoided) => present.has(avoided.toLocaleLowerCase('sv')))
        .map((a) => `"${a}" (use "${term.sv}")`),
    );
  };

  it('finds avoided words in text but not in argument names', () => {
    expect(avoidedIn('Larmet från {site} kom via en sändare')).toEqual(['"sändare" (use "larmsändare")']);
    expect(avoidedIn('{count, plural, one {# Alarm} other {# larm}}')).toEqual(['"alarm" (use "larm")']);
    expect(avoidedIn('Larmsändaren på {site} är i serviceläge')).toEqual([]);
  });

  it('is followed: no Swedish message uses a word the glossary says to avoid', () => {
    const offences = [...flat.sv].flatMap(([key, text]) => avoidedIn(text).map((found) => `${key}: ${found}`));
    expect(offences).toEqual([]);
  });

  it('is the list docs/glossary.md gives the translators', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../../docs/glossary.md'), 'utf8');
    for (const term of GLOSSARY) {
      expect(doc, term.sv).toContain(`| ${term.sv} `);
      expect(doc, term.en).toContain(` ${term.en} `);
      for (const avoided of term.avoid) expect(doc, `${term.sv} avoid ${avoided}`).toContain(avoided);
    }
  });
});
