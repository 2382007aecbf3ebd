import { classifyEventCode } from '@arc/shared/event-codes';

/**
 * Which alarm a restore closes. Contact ID restores carry the alarm's own code with qualifier 3;
 * SIA restores have their own letters (FA → FR, BA and BV → BR). Codes without a restore
 * ("fail to open") are events, not states, and have no family.
 */
const SIA_FAMILIES: Readonly<Record<string, string>> = {
  FA: 'FA',
  FR: 'FA',
  FT: 'FT',
  FJ: 'FT',
  PA: 'PA',
  PR: 'PA',
  HA: 'HA',
  HR: 'HA',
  BA: 'BA',
  BV: 'BA',
  BR: 'BA',
  TA: 'TA',
  TR: 'TA',
  AT: 'AT',
  AR: 'AT',
  YT: 'YT',
  YR: 'YT',
  YC: 'YC',
  YK: 'YC',
  WA: 'WA',
  WH: 'WA',
  KA: 'KA',
  KH: 'KA',
  GA: 'GA',
  GH: 'GA',
};

/** Contact ID events that have a restore (qualifier 3 of the same code). */
const CID_WITH_RESTORE = new Set([
  '110',
  '111',
  '120',
  '121',
  '122',
  '130',
  '131',
  '132',
  '133',
  '134',
  '137',
  '144',
  '301',
  '302',
  '350',
  '354',
  '373',
]);

/** The family shared by an alarm code and its restore code, or null when the code has no restore. */
export function restoreFamilyOf(code: string): string | null {
  const event = classifyEventCode(code);
  if (!event || (event.kind !== 'ALARM' && event.kind !== 'RESTORE')) return null;
  if (event.protocol === 'SIA') {
    const family = SIA_FAMILIES[event.code];
    return family ? `SIA:${family}` : null;
  }
  return CID_WITH_RESTORE.has(event.code) ? `CID:${event.code}` : null;
}

/** Service signals that raise a case only if not restored within the delay (AC power loss). */
export const DELAYED_FAMILIES: ReadonlySet<string> = new Set(['SIA:AT', 'CID:301']);
