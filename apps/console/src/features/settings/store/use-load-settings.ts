import { useEffect } from 'react';
import { useSettingsStore } from '../../../lib/settings/settings-store';
import { fetchSettings } from '../api/settings-api';

/** Loads the server's settings once the user is signed in; returns the centre's time zone. */
export function useLoadSettings(userId: string | null): string {
  useEffect(() => {
    if (userId) void loadSettings();
  }, [userId]);
  return useSettingsStore((state) => state.settings.timeZone);
}

/** Loads the settings (again); a failure keeps what is known (the defaults, or the settings loaded before). */
export async function loadSettings(): Promise<void> {
  try {
    useSettingsStore.getState().apply(await fetchSettings());
  } catch {
    // Kept.
  }
}
