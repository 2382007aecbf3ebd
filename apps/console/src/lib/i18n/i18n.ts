import { CATALOGUES, DEFAULT_LOCALE, isLocale, LOCALES, NAMESPACES, type Locale } from '@arc/shared/i18n';
import i18next, { type Resource } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';

/**
 * The console's one i18next instance. Every text comes from the catalogues of @arc/shared/i18n
 * (ICU messages; docs/i18n.md); Swedish unless the user chose English. There is no fallback
 * language: the Swedish catalogue is complete by type, so a Swedish screen never shows English.
 */
export const LOCALE_STORAGE_KEY = 'arc.locale';

/** The language this browser last used (before sign-in the server's choice is not known yet). */
export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // Storage refused (private mode): the default.
  }
  return DEFAULT_LOCALE;
}

export const i18n = i18next.createInstance();

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: CATALOGUES as unknown as Resource,
    lng: storedLocale(),
    supportedLngs: [...LOCALES],
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
  });
