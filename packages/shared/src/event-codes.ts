import type { AlarmCategory } from './alarm.js';

/**
 * What a signal means for the centre.
 * ALARM opens (or joins) a case, RESTORE closes the loop on an alarm,
 * LOG is stored only (open/close, bypass), TEST feeds supervision.
 */
export type SignalKind = 'ALARM' | 'RESTORE' | 'LOG' | 'TEST';

export type EventProtocol = 'SIA' | 'CID';

export interface EventClassification {
  protocol: EventProtocol;
  /** The event code without qualifier: SIA two letters, or Contact ID three digits. */
  code: string;
  kind: SignalKind;
  /** Set for ALARM and RESTORE. */
  category: AlarmCategory | null;
  description: string;
}

interface CodeEntry {
  kind: SignalKind;
  category: AlarmCategory | null;
  description: string;
}

const alarm = (category: AlarmCategory, description: string): CodeEntry => ({
  kind: 'ALARM',
  category,
  description,
});
const restore = (category: AlarmCategory, description: string): CodeEntry => ({
  kind: 'RESTORE',
  category,
  description,
});
const log = (description: string): CodeEntry => ({ kind: 'LOG', category: null, description });
const test = (description: string): CodeEntry => ({ kind: 'TEST', category: null, description });

/** SIA DC-03 two-letter codes used by the centre (docs/domain.md section 7). */
const SIA_CODES: Readonly<Record<string, CodeEntry>> = {
  FA: alarm('FIRE', 'Fire alarm'),
  FR: restore('FIRE', 'Fire restore'),
  FT: alarm('TECHNICAL', 'Fire trouble'),
  FJ: restore('TECHNICAL', 'Fire trouble restore'),
  PA: alarm('HOLDUP', 'Panic alarm'),
  PR: restore('HOLDUP', 'Panic restore'),
  HA: alarm('HOLDUP', 'Hold-up alarm'),
  HR: restore('HOLDUP', 'Hold-up restore'),
  BA: alarm('INTRUSION', 'Burglary alarm'),
  BV: alarm('INTRUSION', 'Verified burglary'),
  BR: restore('INTRUSION', 'Burglary restore'),
  TA: alarm('SERVICE', 'Tamper'),
  TR: restore('SERVICE', 'Tamper restore'),
  AT: alarm('SERVICE', 'AC power loss'),
  AR: restore('SERVICE', 'AC power restore'),
  YT: alarm('SERVICE', 'Low system battery'),
  YR: restore('SERVICE', 'System battery restore'),
  YC: alarm('TECHNICAL', 'Communication trouble'),
  YK: restore('TECHNICAL', 'Communication restore'),
  OI: alarm('TECHNICAL', 'Fail to open'),
  CI: alarm('TECHNICAL', 'Fail to close'),
  WA: alarm('TECHNICAL', 'Water alarm'),
  WH: restore('TECHNICAL', 'Water alarm restore'),
  KA: alarm('TECHNICAL', 'Heat alarm'),
  KH: restore('TECHNICAL', 'Heat alarm restore'),
  GA: alarm('TECHNICAL', 'Gas alarm'),
  GH: restore('TECHNICAL', 'Gas alarm restore'),
  OP: log('Opening by user'),
  CL: log('Closing by user'),
  OA: log('Automatic opening'),
  CA: log('Automatic closing'),
  BB: log('Zone bypass'),
  BU: log('Zone unbypass'),
  RX: test('Manual test'),
  RP: test('Periodic test'),
};

/** Contact ID event codes (the XYZ of QXYZ). */
const CID_CODES: Readonly<Record<string, CodeEntry>> = {
  '110': alarm('FIRE', 'Fire alarm'),
  '111': alarm('FIRE', 'Smoke alarm'),
  '120': alarm('HOLDUP', 'Panic alarm'),
  '121': alarm('HOLDUP', 'Duress'),
  '122': alarm('HOLDUP', 'Silent hold-up'),
  '130': alarm('INTRUSION', 'Burglary'),
  '131': alarm('INTRUSION', 'Perimeter burglary'),
  '132': alarm('INTRUSION', 'Interior burglary'),
  '133': alarm('INTRUSION', '24-hour burglary'),
  '134': alarm('INTRUSION', 'Entry/exit burglary'),
  '137': alarm('SERVICE', 'Tamper'),
  '144': alarm('SERVICE', 'Sensor tamper'),
  '301': alarm('SERVICE', 'AC power loss'),
  '302': alarm('SERVICE', 'Low system battery'),
  '350': alarm('TECHNICAL', 'Communication trouble'),
  '354': alarm('TECHNICAL', 'Failure to communicate'),
  '373': alarm('TECHNICAL', 'Fire trouble'),
  '453': alarm('TECHNICAL', 'Fail to open'),
  '454': alarm('TECHNICAL', 'Fail to close'),
  '401': log('Open/close by user'),
  '403': log('Automatic open/close'),
  '570': log('Zone bypass'),
  '601': test('Manual test'),
  '602': test('Periodic test'),
};

const SIA_PATTERN = /^[A-Z]{2}$/;
/** Contact ID as carried in DC-09: qualifier digit then the three-digit event. */
const CID_PATTERN = /^[136]\d{3}$/;

/**
 * Classifies an event code. SIA codes are two capital letters ("BA");
 * Contact ID codes are the qualifier and event ("1130": new burglary, "3130": its restore).
 * Returns null for a code the centre does not know.
 */
export function classifyEventCode(rawCode: string): EventClassification | null {
  if (SIA_PATTERN.test(rawCode)) {
    const entry = SIA_CODES[rawCode];
    return entry ? { protocol: 'SIA', code: rawCode, ...entry } : null;
  }
  if (CID_PATTERN.test(rawCode)) {
    const qualifier = rawCode[0];
    const code = rawCode.slice(1);
    const entry = CID_CODES[code];
    if (!entry) return null;
    // Qualifier 3 is a restore of an alarm event, or a closing for open/close events.
    if (qualifier === '3' && entry.kind === 'ALARM') {
      return {
        protocol: 'CID',
        code,
        kind: 'RESTORE',
        category: entry.category,
        description: `${entry.description} restore`,
      };
    }
    return { protocol: 'CID', code, ...entry };
  }
  return null;
}

/** True when the string has the shape of an SIA or Contact ID code, known or not. */
export function isEventCodeShape(rawCode: string): boolean {
  return SIA_PATTERN.test(rawCode) || CID_PATTERN.test(rawCode);
}
