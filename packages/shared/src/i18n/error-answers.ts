/**
 * Checks that an error answer can be worded in every language: its messageKey (and the keys of
 * its issues and of its params' catalogue texts) exist in every catalogue, and its params give
 * every argument those texts use. The server's tests run it on every error answer they get.
 */
import { en } from './en/index.js';
import { isMessageRef, messageArguments, type MessageParams } from './error-messages.js';
import { LOCALES, type Locale } from './locales.js';
import { sv } from './sv/index.js';

type Tree = { readonly [key: string]: string | Tree };

const TREES: Readonly<Record<Locale, Tree>> = { en: en as unknown as Tree, sv: sv as unknown as Tree };

/** The text of a full key ("errors:server.caseClosed") in one language; undefined when there is none. */
export function catalogueText(locale: Locale, fullKey: string): string | undefined {
  const colon = fullKey.indexOf(':');
  if (colon <= 0) return undefined;
  let node: string | Tree | undefined = TREES[locale][fullKey.slice(0, colon)];
  for (const part of fullKey.slice(colon + 1).split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whatever keeps a text from being worded: a missing key, or an argument params do not give. */
function textProblems(fullKey: string, params: MessageParams | undefined, where: string): string[] {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const text = catalogueText(locale, fullKey);
    if (text === undefined) {
      problems.push(`${where}: ${fullKey} is not in the ${locale} catalogue`);
      continue;
    }
    for (const name of messageArguments(text)) {
      if (!params || !(name in params)) problems.push(`${where}: ${fullKey} (${locale}) needs the argument ${name}`);
    }
  }
  for (const [name, value] of Object.entries(params ?? {})) {
    if (isMessageRef(value)) problems.push(...textProblems(value.key, value.params, `${where} param ${name}`));
  }
  return problems;
}

export interface KeyedErrorAnswer {
  readonly messageKey?: string;
  readonly params?: MessageParams;
  readonly issues?: readonly { readonly path: string; readonly messageKey?: string; readonly params?: MessageParams }[];
}

/** Empty when every text of the answer can be worded in every language. */
export function errorAnswerProblems(answer: KeyedErrorAnswer): string[] {
  const problems: string[] = [];
  if (answer.messageKey !== undefined) {
    problems.push(...textProblems(`errors:server.${answer.messageKey}`, answer.params, 'messageKey'));
  }
  for (const issue of answer.issues ?? []) {
    if (issue.messageKey !== undefined) {
      problems.push(...textProblems(`errors:${issue.messageKey}`, issue.params, `issue ${issue.path}`));
    }
  }
  return problems;
}
