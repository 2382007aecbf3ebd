import type { Locale } from '@arc/shared/i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../components/language-select';
import { savePreferences } from '../features/auth/api/auth-api';
import { applyLocale, useLocale } from '../lib/i18n/locale';

/** The signed-in user's language: in force at once, and remembered on the server for their next sign-in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [unsaved, setUnsaved] = useState(false);
  const choose = (next: Locale) => {
    applyLocale(next);
    setUnsaved(false);
    savePreferences({ locale: next }).catch(() => setUnsaved(true));
  };
  return (
    <span className="language-switch">
      <LanguageSelect value={locale} onChange={choose} />
      {unsaved && (
        <span className="language-switch__warning" role="status" data-testid="language-unsaved">
          {t('language.saveFailed')}
        </span>
      )}
    </span>
  );
}
