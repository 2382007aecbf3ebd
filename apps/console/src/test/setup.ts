import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../lib/i18n/i18n';
import { applyLocale } from '../lib/i18n/locale';

// The console's own tests read English texts; the Swedish screens are checked by the catalogue
// tests and the browser tests in both languages. A test that switches language is reset here.
beforeEach(() => {
  if (i18n.language !== 'en') applyLocale('en');
});

afterEach(() => {
  cleanup();
});
