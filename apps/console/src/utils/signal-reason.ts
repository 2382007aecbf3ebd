import type { CaseTitleParams } from '@arc/shared/case-title';
import { SIGNAL_REASON_INSTANTS, SIGNAL_REASON_KEYS, type SignalReasonKey } from '@arc/shared/signal-reason';
import { i18n } from '../lib/i18n/i18n';
import { caseTitle } from './case-title';
import { eventLabel } from './event-label';
import { formatDateTime } from './time';

/** What a signal log entry says about its decision's reason. */
export interface ReasonedSignal {
  /** The English reason the server stored; null while the signal waits for evaluation. */
  decisionReason: string | null;
  decisionReasonKey?: string | null;
  decisionReasonParams?: CaseTitleParams | null;
}

const KEYS: ReadonlySet<string> = new Set(SIGNAL_REASON_KEYS);

/**
 * A signal's decision reason in the language in force: a `caseTitles` key is the case's title
 * (caseTitle, "(runaway transmitter)" included); a `signalReasons` key is its message with the
 * event worded through the `events` namespace and the instants in this console's format. A signal
 * without a key (evaluated before reasons had keys), or with one this console does not know,
 * shows the stored English.
 */
export function signalReason(entry: ReasonedSignal): string {
  const stored = entry.decisionReason ?? '';
  const { decisionReasonKey: key, decisionReasonParams: params } = entry;
  if (!key || !params) return stored;
  const [ns, name = ''] = key.split(':');
  if (ns === 'caseTitles') return caseTitle({ title: stored, titleKey: name, titleParams: params });
  if (ns !== 'signalReasons' || !KEYS.has(name)) return stored;
  const args: Record<string, string | number | boolean> = { ...params };
  if (typeof params.eventCode === 'string' && typeof params.event === 'string') {
    args.event = eventLabel(params.eventCode, params.event);
  }
  for (const instant of SIGNAL_REASON_INSTANTS) {
    const value = params[instant];
    if (typeof value === 'string') args[instant] = formatDateTime(value);
  }
  const reasonKey = name as SignalReasonKey;
  // Each message has its own arguments: params that do not fit fall back to the English below.
  const translate = i18n.t as (key: `signalReasons:${SignalReasonKey}`, options: typeof args) => string;
  const text = translate(`signalReasons:${reasonKey}`, args);
  // Params that do not fit the message (a row another version wrote): i18next-icu then answers
  // the message itself, unformatted; the stored English is better.
  return text === i18n.getResource(i18n.language, 'signalReasons', reasonKey) ? stored : text;
}
