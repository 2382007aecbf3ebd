import { centreTimeZone } from '../../../utils/time';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How far the zone's wall clock is ahead of UTC at `t` (ms). */
function zoneOffset(t: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in the centre's time zone; `plusDays` moves to a
 * later day first (1: the end of the day, for an inclusive "to"). Null for a text that is no day.
 */
export function centreDayStart(day: string, plusDays = 0, zone: string = centreTimeZone()): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  if (Number.isNaN(wall)) return null;
  // Twice: the offset at the guess may differ from the offset at the answer around a DST change.
  let t = wall - zoneOffset(wall, zone);
  t = wall - zoneOffset(t, zone);
  return new Date(t);
}
