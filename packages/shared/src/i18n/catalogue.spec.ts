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

  it('is followed: no Swedish message uses a word the glossary says to avoid', () => {
    const offences: string[] = [];
    for (const [key, text] of flat.sv) {
      const present = words(text);
      for (const term of GLOSSARY) {
        for (const avoided of term.avoid) {
          if (present.has(avoided.toLocaleLowerCase('sv'))) offences.push(`${key}: "${avoided}" (use "${term.sv}")`);
        }
      }
    }
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
