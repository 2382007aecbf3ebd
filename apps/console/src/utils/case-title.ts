import { CASE_TITLE_KEYS, type CaseTitleKey, type CaseTitleParams } from '@arc/shared/case-title';
import { i18n } from '../lib/i18n/i18n';
import { eventLabel } from './event-label';

/** Anything that carries a case's title: a queue summary, a closed case, an earlier case, a history entry's data. */
export interface TitledCase {
  /** The English title the server stored. */
  title: string;
  /** Its key in the `caseTitles` catalogue; null or absent for cases made before titles had keys. */
  titleKey?: string | null;
  titleParams?: CaseTitleParams | null;
}

const KEYS: ReadonlySet<string> = new Set(CASE_TITLE_KEYS);

function isTitleKey(key: string): key is CaseTitleKey {
  return KEYS.has(key);
}

/**
 * A case's title in the language in force: the `caseTitles` message of its key with the params
 * the server stored, the signal's event worded through the `events` namespace (eventLabel) or, for
 * a code the centre does not know, as an unknown event code. A case without a key (made before
 * titles had keys), or with one this console does not know, shows the stored English title.
 */
export function caseTitle(summary: TitledCase): string {
  const { titleKey: key, titleParams: params } = summary;
  if (!key || !params || !isTitleKey(key)) return summary.title;
  const args: Record<string, string | number | boolean> = { ...params };
  if (typeof params.eventCode === 'string' && typeof params.event === 'string') {
    args.event =
      params.unknownEvent === true
        ? i18n.t('caseTitles:part.unknownEventCode', { code: params.eventCode })
        : eventLabel(params.eventCode, params.event);
  }
  const text = i18n.t(`caseTitles:${key}`, args);
  // Params that do not fit the message (a row another version wrote): i18next-icu then answers
  // the message itself, unformatted; the stored title is better.
  if (text === i18n.getResource(i18n.language, 'caseTitles', key)) return summary.title;
  return params.runaway === true ? i18n.t('caseTitles:part.runawaySignal', { title: text }) : text;
}
