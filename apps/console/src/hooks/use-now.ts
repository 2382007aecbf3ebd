import { useEffect, useState } from 'react';

/**
 * Current time in ms, updated every second while `active`. All callers share one interval, so
 * every waiting time, age and countdown on screen ticks in step and a long queue does not start a
 * timer per row.
 */
export function useNow(active = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => (active ? subscribe(setNow) : undefined), [active]);
  return now;
}

const TICK_MS = 1000;
const listeners = new Set<(now: number) => void>();
let interval: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: (now: number) => void): () => void {
  listeners.add(listener);
  if (interval === undefined) interval = setInterval(tick, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

function tick(): void {
  const now = Date.now();
  for (const listener of listeners) listener(now);
}
