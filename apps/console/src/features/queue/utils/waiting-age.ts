/** How long a case has waited, as the queue colours it. The legend above the queue says the same. */
export type WaitingAge = 'fresh' | 'amber' | 'red';

export const AMBER_AFTER_MS = 60_000;
export const RED_AFTER_MS = 3 * 60_000;

/** Under 1 minute normal, 1 to 3 minutes amber, over 3 minutes red. */
export function waitingAge(waitingMs: number): WaitingAge {
  if (waitingMs < AMBER_AFTER_MS) return 'fresh';
  if (waitingMs <= RED_AFTER_MS) return 'amber';
  return 'red';
}
