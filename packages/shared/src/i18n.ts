/**
 * The message catalogues of every text the centre's software shows or sends (console, e-mail,
 * SMS, reports, portal), one module per namespace and language, as ICU messages. The English
 * catalogue is the reference; `Shape` makes a missing or extra Swedish key a compile error, and
 * catalogue.spec.ts checks that every message parses and uses the same arguments in both
 * languages. The words follow docs/glossary.md (GLOSSARY below).
 */
import { en } from './i18n/en/index.js';
import type { Locale } from './i18n/locales.js';
import type { Shape } from './i18n/shape.js';
import { sv } from './i18n/sv/index.js';

export { DEFAULT_LOCALE, INTL_TAG, isLocale, LOCALES, type Locale } from './i18n/locales.js';
export type { Shape } from './i18n/shape.js';
export { GLOSSARY, type GlossaryTerm } from './i18n/glossary.js';
export * from './i18n/error-messages.js';
export * from './i18n/error-answers.js';

/** The type of a complete catalogue: every namespace and key of the English one. */
export type Messages = typeof en;
export type Namespace = keyof Messages;

export const CATALOGUES: Readonly<Record<Locale, Shape<Messages>>> = { sv, en };
export const NAMESPACES = Object.keys(en) as Namespace[];
export { en as EN_MESSAGES };
