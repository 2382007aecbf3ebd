import { z } from 'zod';
import type { AlarmCategory } from './alarm.js';
import { CaseTitleParamsSchema, runawaySignalReason, type CaseTitle, type CaseTitleParams } from './case-title.js';
import type { signalReasons } from './i18n/en/signal-reasons.js';

/**
 * Why the rules decided what they did with a signal: the English sentence the server stores as
 * `signal_decisions.reason` (API clients, logs and reports read it), and beside it a full catalogue key
 * (`signalReasons:*`, or `caseTitles:*` for a signal that opened or joined a case: its reason is
 * the case's title) with its arguments, so a console says it in its own language. Instants are
 * stored as ISO strings in the params (`until`, `dueAt`) and written in the centre's time in the
 * English sentence; signal-reason.spec.ts checks that the English catalogue message, formatted
 * with the params, is the sentence word for word. Signals evaluated before reasons had keys have
 * none: the console then shows the stored English.
 */

export type SignalReasonKey = keyof typeof signalReasons;

export const SIGNAL_REASON_KEYS = [
  'logged',
  'test',
  'restore',
  'suppressed',
  'deferred',
] as const satisfies readonly SignalReasonKey[];

// Every key of the catalogue is listed above (a key added there and not here fails here).
const everyKeyListed: Exclude<SignalReasonKey, (typeof SIGNAL_REASON_KEYS)[number]> extends never ? true : never = true;
void everyKeyListed;

/** The params that are instants (ISO strings): a console formats them, the English names the centre's time. */
export const SIGNAL_REASON_INSTANTS = ['until', 'dueAt'] as const;

export interface SignalReason {
  text: string;
  /** `signalReasons:<SignalReasonKey>` or `caseTitles:<CaseTitleKey>`. */
  key: string;
  params: CaseTitleParams;
}

/** The fields of a signal log entry that carry the reason's key (absent or null for old rows). */
export const signalReasonFields = {
  /** A full catalogue key: `signalReasons:*` or `caseTitles:*`; null: only the English `decisionReason` is known. */
  decisionReasonKey: z.string().nullable().optional(),
  /** The key's ICU arguments; `event` is the English event and `eventCode` lets a console word it itself. */
  decisionReasonParams: CaseTitleParamsSchema.nullable().optional(),
};

/** A known event of the code table: its code as received and its English description. */
export interface ReasonEvent {
  eventCode: string;
  description: string;
}

/** A service mode or block window that silenced the signal. */
export interface ReasonWindow {
  window: 'serviceMode' | 'blockWindow';
  /** The category it silences; null: every category of the transmitter. */
  category: AlarmCategory | null;
  endsAt: Date;
  /** The service mode's reason, or the block window's reference. */
  note: string;
  requestedBy: string;
}

/** Writes an instant in the English sentence (the server passes the centre's time with its zone). */
export type ClockText = (at: Date) => string;

const reason = (key: SignalReasonKey, text: string, params: CaseTitleParams): SignalReason => ({
  text,
  key: `signalReasons:${key}`,
  params,
});

const eventParams = (e: ReasonEvent) => ({ eventCode: e.eventCode, event: e.description });

/** "Opening by user". */
export function loggedReason(event: ReasonEvent): SignalReason {
  return reason('logged', event.description, eventParams(event));
}

/** "Periodic test: supervision timer restarted". */
export function testReason(event: ReasonEvent): SignalReason {
  return reason('test', `${event.description}: supervision timer restarted`, eventParams(event));
}

/** "Burglary restore; recorded on case 2026-0000012; settles 1 waiting signal(s): no case is raised for them". */
export function restoreReason(event: ReasonEvent, caseNo: string | null, settled: number): SignalReason {
  const parts = [
    event.description,
    caseNo ? `recorded on case ${caseNo}` : 'no open case',
    settled > 0 ? `settles ${settled} waiting signal(s): no case is raised for them` : null,
  ];
  return reason('restore', parts.filter(Boolean).join('; '), {
    ...eventParams(event),
    hasCase: caseNo !== null,
    caseNo: caseNo ?? '',
    settled,
  });
}

/** "Service mode (fire only) until 2026-11-22 12:00 (Europe/Stockholm): Installer at work (asked by Anna Berg)". */
export function suppressedReason(w: ReasonWindow, clock: ClockText): SignalReason {
  const what = w.window === 'serviceMode' ? 'Service mode' : 'Block window';
  const scope = w.category ? ` (${w.category.toLowerCase()} only)` : '';
  const note = w.window === 'serviceMode' ? w.note : `ref. ${w.note}`;
  return reason('suppressed', `${what}${scope} until ${clock(w.endsAt)}: ${note} (asked by ${w.requestedBy})`, {
    window: w.window,
    category: w.category ?? 'ALL',
    until: w.endsAt.toISOString(),
    note: w.note,
    requestedBy: w.requestedBy,
  });
}

/** "AC power loss: a case is raised at 2026-11-22 11:15 (Europe/Stockholm) unless it is restored before". */
export function deferredReason(event: ReasonEvent, dueAt: Date, clock: ClockText): SignalReason {
  return reason('deferred', `${event.description}: a case is raised at ${clock(dueAt)} unless it is restored before`, {
    ...eventParams(event),
    dueAt: dueAt.toISOString(),
  });
}

/** A signal that opened or joined a case: the case's title (with "(runaway transmitter)" when it ran away). */
export function caseReason(title: CaseTitle, runaway: boolean): SignalReason {
  return {
    text: runaway ? runawaySignalReason(title.title) : title.title,
    key: `caseTitles:${title.titleKey}`,
    params: runaway ? { ...title.titleParams, runaway: true } : title.titleParams,
  };
}
