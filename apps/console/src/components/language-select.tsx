import { LOCALES, type Locale } from '@arc/shared/i18n';
import { useTranslation } from 'react-i18next';

/** The language picker: each language named in itself, so anyone finds their own. */
export function LanguageSelect({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <label className="language-select">
      <span className="language-select__label">{t('language.label')}</span>
      <select
        className="language-select__input"
        value={value}
        onChange={(event) => onChange(event.target.value as Locale)}
        data-testid="language-select"
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
