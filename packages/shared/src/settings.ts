import { z } from 'zod';

/**
 * GET /api/v1/settings: what the console must know of the server's configuration, so its forms
 * check the same limits the server enforces and every time is shown in the centre's time zone.
 * The server builds it from its validated configuration (one source of truth).
 */
export const CentreSettingsSchema = z.object({
  /** IANA time zone every time is shown in (CENTRE_TIME_ZONE, default Europe/Stockholm). */
  timeZone: z.string(),
  serviceMode: z.object({
    /** Used when a request names no duration. */
    defaultMinutes: z.number().int(),
    /** The longest service mode the server accepts. */
    maxMinutes: z.number().int(),
  }),
  verification: z.object({
    /** How long a verified caller may act for the site. */
    validMinutes: z.number().int(),
    /** Wrong passwords within windowMinutes that lock the person for lockMinutes. */
    maxFailures: z.number().int(),
    windowMinutes: z.number().int(),
    lockMinutes: z.number().int(),
  }),
  cases: z.object({
    /** A held case whose operator's console has gone this long goes back to the queue. */
    returnSeconds: z.number(),
  }),
  password: z.object({ minLength: z.number().int(), maxLength: z.number().int() }),
  shiftLog: z.object({
    /** Longest note text. */
    textMaxLength: z.number().int(),
    /** Notes of the last this many days are shown at login until read. */
    unreadDays: z.number().int(),
  }),
});
export type CentreSettings = z.infer<typeof CentreSettingsSchema>;

/** True when `zone` is a time zone this runtime knows (an IANA name such as Europe/Stockholm). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "12 hours (720 minutes)", "45 minutes", "7 days (10080 minutes)": a duration in words. */
export function minutesInWords(minutes: number): string {
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (minutes >= 1440 && minutes % 1440 === 0) return `${unit(minutes / 1440, 'day')} (${minutes} minutes)`;
  if (minutes >= 60 && minutes % 60 === 0) return `${unit(minutes / 60, 'hour')} (${minutes} minutes)`;
  return unit(minutes, 'minute');
}
