import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialTheme, THEME_STORAGE_KEY, useThemeStore } from './theme-store';

function preferLight(light: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({ matches: light && query === '(prefers-color-scheme: light)', media: query })),
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('theme store', () => {
  it('is dark by default (even when the system prefers light), and the stored choice after that', () => {
    preferLight(true);
    expect(initialTheme()).toBe('dark');
    localStorage.setItem(THEME_STORAGE_KEY, 'day');
    expect(initialTheme()).toBe('day');
    localStorage.setItem(THEME_STORAGE_KEY, 'neon');
    expect(initialTheme()).toBe('dark');
  });

  it('toggles, sets the document theme and keeps it in this browser', () => {
    useThemeStore.getState().setTheme('dark');
    useThemeStore.getState().toggle();
    expect(useThemeStore.getState().theme).toBe('day');
    expect(document.documentElement.dataset.theme).toBe('day');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('day');
    preferLight(false);
    expect(initialTheme()).toBe('day');
    useThemeStore.getState().toggle();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });
});
