import type { CentreSettings } from '@arc/shared/settings';
import { create } from 'zustand';
import { setCentreTimeZone } from '../../utils/time';

/**
 * The server's settings, loaded once after login (features/settings): every time shown is in `timeZone`, and the
 * forms check the limits the server enforces. Until they are loaded (or when loading fails) the
 * defaults below are used; the server checks again in any case.
 */
export const DEFAULT_SETTINGS: CentreSettings = {
  timeZone: 'Europe/Stockholm',
  serviceMode: { defaultMinutes: 60, maxMinutes: 720 },
  verification: { validMinutes: 10, maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  cases: { returnSeconds: 30 },
  password: { minLength: 12, maxLength: 256 },
  shiftLog: { textMaxLength: 2000, unreadDays: 7 },
};

export interface SettingsState {
  settings: CentreSettings;
  loaded: boolean;
  /** Puts settings in force (after loading them; in tests). */
  apply: (settings: CentreSettings) => void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  apply: (settings) => {
    setCentreTimeZone(settings.timeZone);
    set({ settings, loaded: true });
  },
}));

/** The settings in force (defaults until loaded). */
export function useCentreSettings(): CentreSettings {
  return useSettingsStore((state) => state.settings);
}
