import { create } from 'zustand';

/** The console's colour theme: dark for the control room (default), day for a bright room. */
export type Theme = 'dark' | 'day';

export const THEME_STORAGE_KEY = 'arc.theme';

/**
 * The theme kept in this browser, else dark: the console is made for a dimmed control room, so a
 * system preference for light does not switch it (the day theme is one click away).
 */
export function initialTheme(): Theme {
  try {
    const stored = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    if (stored === 'dark' || stored === 'day') return stored;
  } catch {
    // No storage: the default.
  }
  return 'dark';
}

/** Sets the theme on the document root, where styles.css reads it (`[data-theme='day']`). */
export function applyTheme(theme: Theme): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.theme = theme;
}

export interface ThemeState {
  theme: Theme;
  setTheme: (theme: Theme) => void;
  toggle: () => void;
}

export const useThemeStore = create<ThemeState>()((set, get) => ({
  theme: initialTheme(),
  setTheme: (theme) => {
    try {
      globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // Private mode: the theme holds for this page.
    }
    applyTheme(theme);
    set({ theme });
  },
  toggle: () => get().setTheme(get().theme === 'dark' ? 'day' : 'dark'),
}));
