import { useThemeStore } from '../store/theme-store';

/** Switches between the dark and the day theme; the button names the theme it switches to. */
export function ThemeToggle() {
  const theme = useThemeStore((state) => state.theme);
  const toggle = useThemeStore((state) => state.toggle);
  const next = theme === 'dark' ? 'day' : 'dark';
  return (
    <button
      className="button theme-toggle"
      type="button"
      onClick={toggle}
      data-testid="theme-toggle"
      data-theme={theme}
      aria-label={`Switch to the ${next} theme`}
      title={`Switch to the ${next} theme (kept in this browser)`}
    >
      {theme === 'dark' ? 'Day theme' : 'Dark theme'}
    </button>
  );
}
