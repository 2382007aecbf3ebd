/** The languages of the console, the e-mails, the SMS and the reports. Swedish is the default. */
export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sv';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag used for Intl formatting and sorting in each language. */
export const INTL_TAG: Readonly<Record<Locale, string>> = { sv: 'sv-SE', en: 'en-GB' };
