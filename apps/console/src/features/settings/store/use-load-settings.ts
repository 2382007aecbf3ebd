import { useEffect } from 'react';
import { useSettingsStore } from './settings-store';

/** Loads the server's settings once the user is signed in; returns the centre's time zone. */
export function useLoadSettings(userId: string | null): string {
  const load = useSettingsStore((state) => state.load);
  useEffect(() => {
    if (userId) void load();
  }, [userId, load]);
  return useSettingsStore((state) => state.settings.timeZone);
}
