import { type OnCallRoster, weekStartAt } from '@arc/shared/directory';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCentreSettings } from '../../../lib/settings/settings-store';
import { useNow } from '../../../hooks/use-now';
import { fetchRosters } from '../api/rosters-api';

export const ROSTERS_KEY = ['on-call-rosters'] as const;

/** Every on-call roster (one page holds them all). */
export function useRosters() {
  return useQuery({ queryKey: ROSTERS_KEY, queryFn: ({ signal }) => fetchRosters(signal) });
}

/** After a write: put the server's answer in the cache at once, then read the list again. */
export function useRosterCache() {
  const client = useQueryClient();
  return {
    put(roster: OnCallRoster) {
      client.setQueryData(ROSTERS_KEY, (page: Awaited<ReturnType<typeof fetchRosters>> | undefined) => {
        if (!page) return page;
        const known = page.items.some((r) => r.id === roster.id);
        return {
          ...page,
          items: known ? page.items.map((r) => (r.id === roster.id ? roster : r)) : [...page.items, roster],
        };
      });
      void client.invalidateQueries({ queryKey: ROSTERS_KEY });
    },
    refresh() {
      return client.invalidateQueries({ queryKey: ROSTERS_KEY });
    },
  };
}

/** The Monday of the week in force now in the centre's time zone (weeks change Monday 00:00 local). */
export function useCurrentWeek(): { week: string; timeZone: string } {
  const { timeZone } = useCentreSettings();
  const now = useNow();
  return { week: weekStartAt(new Date(now), timeZone), timeZone };
}
