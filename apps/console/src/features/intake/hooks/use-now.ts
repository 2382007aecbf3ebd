import { useEffect, useState } from 'react';

/** Current time in ms, updated every second while `active`; for the call timer and expiry countdown. */
export function useNow(active = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
