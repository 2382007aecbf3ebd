import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type CaseSummary } from '@arc/shared/case';
import { i18n } from '../../../lib/i18n/i18n';

/** Which cases the queue shows: state, categories (none ticked: all) and a search text. */
export type QueueStateFilter = 'all' | 'waiting' | 'held';

export interface QueueFilter {
  categories: readonly AlarmCategory[];
  state: QueueStateFilter;
  text: string;
}

export const NO_FILTER: QueueFilter = { categories: [], state: 'all', text: '' };

/** Cases a filter must never hide without saying so: a waiting fire or hold-up. */
export function isUrgentWaiting(summary: CaseSummary): boolean {
  return summary.status === 'QUEUED' && (summary.category === 'FIRE' || summary.category === 'HOLDUP');
}

export function isFilterActive(filter: QueueFilter): boolean {
  return filter.categories.length > 0 || filter.state !== 'all' || filter.text.trim() !== '';
}

/** Lower case without diacritics, so "bjorken" finds "Björken". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Does the case pass the filter? The search text is looked for in site name, account and case number. */
export function matchesFilter(summary: CaseSummary, filter: QueueFilter): boolean {
  if (filter.categories.length > 0 && !filter.categories.includes(summary.category)) return false;
  if (filter.state === 'waiting' && summary.status !== 'QUEUED') return false;
  if (filter.state === 'held' && summary.status !== 'ACCEPTED') return false;
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(`${summary.siteName ?? ''} ${summary.account} ${summary.caseNo}`);
  return words.every((word) => haystack.includes(word));
}

export interface FilteredQueue {
  shown: readonly CaseSummary[];
  total: number;
  /** Waiting fire and hold-up cases the filter hides, by category. */
  hiddenUrgent: { FIRE: number; HOLDUP: number };
}

/** The cases (in queue order) a filter shows, and what it hides that must not go unnoticed. */
export function applyQueueFilter(cases: readonly CaseSummary[], filter: QueueFilter): FilteredQueue {
  const hiddenUrgent = { FIRE: 0, HOLDUP: 0 };
  if (!isFilterActive(filter)) return { shown: cases, total: cases.length, hiddenUrgent };
  const shown: CaseSummary[] = [];
  for (const summary of cases) {
    if (matchesFilter(summary, filter)) shown.push(summary);
    else if (isUrgentWaiting(summary)) hiddenUrgent[summary.category as 'FIRE' | 'HOLDUP'] += 1;
  }
  return { shown, total: cases.length, hiddenUrgent };
}

/** A stored filter read back: anything unexpected (an older version, a hand edit) is dropped. */
export function parseQueueFilter(raw: unknown): QueueFilter {
  if (typeof raw !== 'object' || raw === null) return NO_FILTER;
  const value = raw as Record<string, unknown>;
  const categories = Array.isArray(value.categories)
    ? ALARM_CATEGORIES.filter((c) => (value.categories as unknown[]).includes(c))
    : [];
  const state: QueueStateFilter =
    value.state === 'waiting' || value.state === 'held' || value.state === 'all' ? value.state : 'all';
  const text = typeof value.text === 'string' ? value.text.slice(0, 100) : '';
  return { categories, state, text };
}

/** A row of the queue list: a site's group header, or a case (indented when under a header). */
export type QueueItem =
  | {
      kind: 'group';
      key: string;
      siteName: string;
      /** Its cases' categories, most urgent first, each once. */
      categories: AlarmCategory[];
      count: number;
    }
  | { kind: 'case'; key: string; summary: CaseSummary; grouped: boolean };

function siteKey(summary: CaseSummary): string {
  return summary.siteId ? `site:${summary.siteId}` : `account:${summary.account}`;
}

/**
 * Puts the open cases of one site together under a header (site, count, most urgent category
 * first). A group stands where its first case stands in the queue order (its most urgent case);
 * its cases follow in queue order; everything else keeps the queue order. A site with one case
 * gets no header.
 */
export function groupBySite(sorted: readonly CaseSummary[]): QueueItem[] {
  const bySite = new Map<string, CaseSummary[]>();
  for (const summary of sorted) {
    const key = siteKey(summary);
    const list = bySite.get(key);
    if (list) list.push(summary);
    else bySite.set(key, [summary]);
  }
  const items: QueueItem[] = [];
  for (const [key, list] of bySite) {
    if (list.length === 1) {
      items.push({ kind: 'case', key: list[0]!.id, summary: list[0]!, grouped: false });
      continue;
    }
    const first = list[0]!;
    const categories = [...new Set([...list].sort((a, b) => a.priority - b.priority).map((c) => c.category))];
    items.push({
      kind: 'group',
      key: `group:${key}`,
      siteName:
        first.siteName ??
        (first.unknownTransmitter
          ? i18n.t('queue:row.unknownTransmitter', { account: first.account })
          : i18n.t('queue:row.account', { account: first.account })),
      categories,
      count: list.length,
    });
    for (const summary of list) items.push({ kind: 'case', key: summary.id, summary, grouped: true });
  }
  return items;
}
