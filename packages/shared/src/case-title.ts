import { z } from 'zod';
import type { caseTitles } from './i18n/en/case-titles.js';

/**
 * A case's title, composed by the rules: the English sentence the server stores as `title` (API
 * clients, logs and search read it), and beside it a key of the `caseTitles` catalogue with its
 * arguments (`titleKey`, `titleParams`), so a console says the same title in its own language.
 * Every producer of a title (the rules' decision, deferred AC losses, the end of a service mode or
 * block window, supervision, runaway transmitters) builds it here, and
 * case-title.spec.ts checks that the catalogue's English message, formatted with the params,
 * is the title word for word. Rows written before titles had keys have no key: the console then
 * shows the stored English title.
 */

/** The keys of `caseTitles` that are titles (`part` holds pieces of titles). */
export type CaseTitleKey = Exclude<keyof typeof caseTitles, 'part'>;

export const CASE_TITLE_KEYS = [
  'alarm',
  'alarmInZone',
  'activeAtEnd',
  'activeAtEndInZone',
  'notRestored',
  'notRestoredInZone',
  'testMissing',
  'testMissingNever',
  'runawayTransmitter',
] as const satisfies readonly CaseTitleKey[];

// Every title key of the catalogue is listed above (a key added there and not here fails here).
const everyKeyListed: Exclude<CaseTitleKey, (typeof CASE_TITLE_KEYS)[number]> extends never ? true : never = true;
void everyKeyListed;

/** The ICU arguments of a title: plain values, so the catalogue's messages take them as they are. */
export const CaseTitleParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type CaseTitleParams = z.infer<typeof CaseTitleParamsSchema>;

/**
 * The structured title beside `title` in a case summary (and every other answer that carries a
 * case's title). Absent or null for cases made before titles had keys.
 */
export const caseTitleFields = {
  /** A key of the `caseTitles` catalogue (CASE_TITLE_KEYS); null: only the English `title` is known. */
  titleKey: z.string().nullable().optional(),
  /** The key's ICU arguments; `event` is the English event, `eventCode` lets a console word it itself. */
  titleParams: CaseTitleParamsSchema.nullable().optional(),
};

export interface CaseTitle {
  title: string;
  titleKey: CaseTitleKey;
  titleParams: CaseTitleParams;
}

/** What a title says about the signal that raised the case. */
export interface TitleEvent {
  /** The event code as received ("FA", "1130", "ZZ"). */
  eventCode: string;
  /** Its description in the event-code table; null for a code the centre does not know. */
  description: string | null;
  zone: string | null;
  /** The account is not in the directory. */
  unknownTransmitter: boolean;
}

/** What ended with an alarm still active. */
export type EndedWindow = 'serviceMode' | 'blockWindow';

/** The `{event}` of a code the centre does not know. */
export function unknownEventCodeText(code: string): string {
  return `Unknown event code ${code}`;
}

/** A signal's decision reason when its transmitter runs away (`caseTitles:part.runawaySignal`). */
export function runawaySignalReason(title: string): string {
  return `${title} (runaway transmitter)`;
}

/** "Fire alarm, zone 012"; "Unknown transmitter: Burglary"; "Unknown event code ZZ, zone 4". */
export function alarmTitle(facts: TitleEvent): CaseTitle {
  const { text, zone, params } = eventParts(facts);
  return titled(facts.zone ? 'alarmInZone' : 'alarm', `${prefix(facts)}${text}${zone}`, params);
}

/** "Active at end of service mode: Fire alarm, zone 012". */
export function activeAtEndTitle(facts: TitleEvent & { ended: EndedWindow }): CaseTitle {
  const { text, zone, params } = eventParts(facts);
  const what = facts.ended === 'serviceMode' ? 'service mode' : 'block window';
  return titled(
    facts.zone ? 'activeAtEndInZone' : 'activeAtEnd',
    `${prefix(facts)}Active at end of ${what}: ${text}${zone}`,
    {
      ...params,
      ended: facts.ended,
    },
  );
}

/** "AC power loss (not restored within 15 min)": a deferred alarm whose restore did not come in time. */
export function notRestoredTitle(facts: TitleEvent & { delaySeconds: number }): CaseTitle {
  const { text, zone, params } = eventParts(facts);
  const { delay, unit } = durationOf(facts.delaySeconds);
  return titled(
    facts.zone ? 'notRestoredInZone' : 'notRestored',
    `${prefix(facts)}${text}${zone} (not restored within ${delay} ${unit})`,
    { ...params, delay, unit },
  );
}

/** "Test signal missing from 1234 (last heard 2026-12-01 15:05 (Europe/Stockholm))"; null: never heard. */
export function testMissingTitle(account: string, lastHeard: string | null): CaseTitle {
  return lastHeard === null
    ? titled('testMissingNever', `Test signal missing from ${account} (last heard never)`, { account })
    : titled('testMissing', `Test signal missing from ${account} (last heard ${lastHeard})`, { account, lastHeard });
}

/** "Runaway transmitter 1234: more than 30 signals in 60 s". */
export function runawayTransmitterTitle(account: string, threshold: number, windowSeconds: number): CaseTitle {
  return titled(
    'runawayTransmitter',
    `Runaway transmitter ${account}: more than ${threshold} signals in ${windowSeconds} s`,
    { account, threshold, window: windowSeconds },
  );
}

function titled(titleKey: CaseTitleKey, title: string, titleParams: CaseTitleParams): CaseTitle {
  return { title, titleKey, titleParams };
}

function prefix(facts: TitleEvent): string {
  return facts.unknownTransmitter ? 'Unknown transmitter: ' : '';
}

function eventParts(facts: TitleEvent): { text: string; zone: string; params: CaseTitleParams } {
  const text = facts.description ?? unknownEventCodeText(facts.eventCode);
  return {
    text,
    zone: facts.zone ? `, zone ${facts.zone}` : '',
    params: {
      unknownTransmitter: facts.unknownTransmitter,
      eventCode: facts.eventCode,
      event: text,
      unknownEvent: facts.description === null,
      ...(facts.zone ? { zone: facts.zone } : {}),
    },
  };
}

/** 900 → 15 min, 3600 → 1 h, 90 → 90 s (whole hours, else whole minutes, else seconds). */
function durationOf(seconds: number): { delay: number; unit: 'h' | 'min' | 's' } {
  if (seconds % 3600 === 0) return { delay: seconds / 3600, unit: 'h' };
  if (seconds % 60 === 0) return { delay: seconds / 60, unit: 'min' };
  return { delay: seconds, unit: 's' };
}
