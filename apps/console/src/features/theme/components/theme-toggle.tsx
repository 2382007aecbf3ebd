import { useTranslation } from 'react-i18next';
import { useThemeStore } from '../store/theme-store';

/** Switches between the dark and the day theme; the button names the theme it switches to. */
export function ThemeToggle() {
  const { t } = useTranslation('app');
  const theme = useThemeStore((state) => state.theme);
  const toggle = useThemeStore((state) => state.toggle);
  const toDay = theme === 'dark';
  return (
    <button
      className="button theme-toggle"
      type="button"
      onClick={toggle}
      data-testid="theme-toggle"
      data-theme={theme}
      aria-label={toDay ? t('theme.toDay') : t('theme.toDark')}
      title={toDay ? t('theme.toDayTitle') : t('theme.toDarkTitle')}
    >
      {toDay ? t('theme.day') : t('theme.dark')}
    </button>
  );
}
