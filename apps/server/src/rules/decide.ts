import { classifyEventCode, priorityOf, type AlarmCategory } from '@arc/shared';

/** What the evaluator needs to know about one stored signal. */
export interface SignalFacts {
  account: string;
  code: string;
  zone: string | null;
  siteId: string | null;
}

export type Decision =
  | {
      action: 'OPEN_OR_APPEND';
      caseKey: string;
      category: AlarmCategory;
      priority: number;
      title: string;
      unknownTransmitter: boolean;
    }
  | { action: 'RESTORE'; caseKey: string; category: AlarmCategory; description: string }
  | { action: 'LOG_ONLY'; reason: 'LOG' | 'TEST' | 'UNKNOWN_CODE' };

/** The key under which a site's cases are unique per category. */
export function caseKeyOf(facts: Pick<SignalFacts, 'account' | 'siteId'>): string {
  return facts.siteId ? `site:${facts.siteId}` : `account:${facts.account}`;
}

/**
 * Decides what a signal means for the queue. Pure: the same facts give the same decision,
 * so it can be re-run at start-up for signals stored but never evaluated.
 */
export function decide(facts: SignalFacts): Decision {
  const event = classifyEventCode(facts.code);
  if (!event) return { action: 'LOG_ONLY', reason: 'UNKNOWN_CODE' };
  const caseKey = caseKeyOf(facts);
  switch (event.kind) {
    case 'ALARM': {
      const category = event.category!;
      const zone = facts.zone ? `, zone ${facts.zone}` : '';
      const unknownTransmitter = facts.siteId === null;
      return {
        action: 'OPEN_OR_APPEND',
        caseKey,
        category,
        priority: priorityOf(category),
        title: `${unknownTransmitter ? 'Unknown transmitter: ' : ''}${event.description}${zone}`,
        unknownTransmitter,
      };
    }
    case 'RESTORE':
      return { action: 'RESTORE', caseKey, category: event.category!, description: event.description };
    case 'LOG':
      return { action: 'LOG_ONLY', reason: 'LOG' };
    case 'TEST':
      return { action: 'LOG_ONLY', reason: 'TEST' };
  }
}
