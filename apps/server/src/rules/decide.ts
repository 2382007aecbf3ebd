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
  | { action: 'LOG_ONLY'; reason: 'LOG' | 'TEST' };

/** Where an unknown event code is shown: as a technical case that names the code. */
export const UNKNOWN_CODE_CATEGORY: AlarmCategory = 'TECHNICAL';

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
  const caseKey = caseKeyOf(facts);
  const zone = facts.zone ? `, zone ${facts.zone}` : '';
  const unknownTransmitter = facts.siteId === null;
  const prefix = unknownTransmitter ? 'Unknown transmitter: ' : '';
  if (!event) {
    // A code the centre does not know was still sent by a panel: a human must look at it.
    return {
      action: 'OPEN_OR_APPEND',
      caseKey,
      category: UNKNOWN_CODE_CATEGORY,
      priority: priorityOf(UNKNOWN_CODE_CATEGORY),
      title: `${prefix}Unknown event code ${facts.code}${zone}`,
      unknownTransmitter,
    };
  }
  switch (event.kind) {
    case 'ALARM': {
      const category = event.category!;
      return {
        action: 'OPEN_OR_APPEND',
        caseKey,
        category,
        priority: priorityOf(category),
        title: `${prefix}${event.description}${zone}`,
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
