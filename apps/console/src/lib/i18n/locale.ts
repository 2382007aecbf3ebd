import { INTL_TAG, type Locale } from '@arc/shared/i18n';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { i18n, LOCALE_STORAGE_KEY } from './i18n';

/** The language in force. */
export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** The language in force, re-rendering when it changes. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'sv';
}

/** The BCP 47 tag for Intl in the language in force (sv-SE, en-GB). */
export function intlTag(locale: Locale = currentLocale()): string {
  return INTL_TAG[locale];
}

let chosenBeforeSignIn: Locale | null = null;

/**
 * Puts a language in force: texts, `<html lang>`, the browser's memory of it and the client-side
 * validation messages (zod's own locale). Remembering it on the server is the caller's part
 * (PUT /auth/preferences once signed in).
 */
export function applyLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  z.config(locale === 'sv' ? z.locales.sv() : z.locales.en());
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered in this browser; the server still remembers it after sign-in.
  }
}

/** The user picked a language on the sign-in page: it wins over the server's at sign-in. */
export function chooseBeforeSignIn(locale: Locale): void {
  chosenBeforeSignIn = locale;
  applyLocale(locale);
}

/**
 * At sign-in: the language picked on the sign-in page, if any, else the server's, else (a user who
 * never chose) the one in use. Returns the language for the caller to remember on the server when
 * the server's differs, else null.
 */
export function settleLocaleAtSignIn(serverLocale: Locale | null): Locale | null {
  const picked = chosenBeforeSignIn;
  chosenBeforeSignIn = null;
  const locale = picked ?? serverLocale ?? currentLocale();
  applyLocale(locale);
  return locale !== serverLocale ? locale : null;
}

applyLocale(currentLocale());
