/** Alarm categories in priority order, highest first (docs/domain.md section 4). */
export const ALARM_CATEGORIES = ['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'] as const;

export type AlarmCategory = (typeof ALARM_CATEGORIES)[number];

/**
 * Queue priority of a category: 1 is the most urgent. The numbers are also the
 * BullMQ job priorities (lower runs first), so they must stay small positive integers.
 */
export const CATEGORY_PRIORITY: Readonly<Record<AlarmCategory, number>> = {
  FIRE: 1,
  HOLDUP: 2,
  INTRUSION: 3,
  TECHNICAL: 4,
  SERVICE: 5,
};

export function priorityOf(category: AlarmCategory): number {
  return CATEGORY_PRIORITY[category];
}

export function isAlarmCategory(value: string): value is AlarmCategory {
  return (ALARM_CATEGORIES as readonly string[]).includes(value);
}

/** Orders waiting cases: higher priority first, then oldest first. */
export function compareQueueOrder(
  a: { priority: number; queuedAt: string },
  b: { priority: number; queuedAt: string },
): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  return Date.parse(a.queuedAt) - Date.parse(b.queuedAt);
}
