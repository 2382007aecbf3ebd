import { afterEach, describe, expect, it } from 'vitest';
import { i18n, LOCALE_STORAGE_KEY, storedLocale } from './i18n';
import { applyLocale, chooseBeforeSignIn, currentLocale, settleLocaleAtSignIn } from './locale';
import { compareText, formatNumber, sortByText } from './format';

afterEach(() => {
  localStorage.clear();
  applyLocale('en');
});

describe('the language in force', () => {
  it('changes the texts, <html lang> and the browser memory together', () => {
    applyLocale('sv');
    expect(i18n.t('common:action.save')).toBe('Spara');
    expect(document.documentElement.lang).toBe('sv');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('sv');
    expect(storedLocale()).toBe('sv');
    applyLocale('en');
    expect(i18n.t('common:action.save')).toBe('Save');
    expect(document.documentElement.lang).toBe('en');
  });

  it('is Swedish when nothing (or nonsense) is remembered', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');
    expect(storedLocale()).toBe('sv');
    localStorage.removeItem(LOCALE_STORAGE_KEY);
    expect(storedLocale()).toBe('sv');
  });

  it('formats ICU plurals per language', () => {
    applyLocale('sv');
    expect(i18n.t('common:count.cases', { count: 1 })).toBe('1 ärende');
    expect(i18n.t('common:count.cases', { count: 4 })).toBe('4 ärenden');
    applyLocale('en');
    expect(i18n.t('common:count.cases', { count: 4 })).toBe('4 cases');
  });
});

describe('at sign-in', () => {
  it("takes the server's language, and remembers nothing new", () => {
    applyLocale('en');
    expect(settleLocaleAtSignIn('sv')).toBeNull();
    expect(currentLocale()).toBe('sv');
  });

  it('keeps a language picked on the sign-in page and asks to remember it', () => {
    chooseBeforeSignIn('en');
    expect(settleLocaleAtSignIn('sv')).toBe('en');
    expect(currentLocale()).toBe('en');
    // The pick counts once: the next sign-in follows the server again.
    expect(settleLocaleAtSignIn('sv')).toBeNull();
    expect(currentLocale()).toBe('sv');
  });

  it('keeps the language in use for a user who never chose, and asks to remember it', () => {
    applyLocale('sv');
    expect(settleLocaleAtSignIn(null)).toBe('sv');
    expect(currentLocale()).toBe('sv');
  });
});

describe('sorting and numbers', () => {
  it('sorts å ä ö after z in Swedish, and with a and o in English', () => {
    const names = ['Örebro', 'Zeta', 'Ängby', 'Åre', 'Alby', 'Oxie'];
    applyLocale('sv');
    expect(sortByText(names, (n) => n)).toEqual(['Alby', 'Oxie', 'Zeta', 'Åre', 'Ängby', 'Örebro']);
    applyLocale('en');
    expect(sortByText(names, (n) => n)).toEqual(['Alby', 'Ängby', 'Åre', 'Örebro', 'Oxie', 'Zeta']);
    expect(compareText('objekt 9', 'objekt 10')).toBeLessThan(0);
  });

  it('groups and separates digits per language', () => {
    applyLocale('sv');
    expect(formatNumber(12345.5)).toBe('12\u00a0345,5');
    applyLocale('en');
    expect(formatNumber(12345.5)).toBe('12,345.5');
  });
});
