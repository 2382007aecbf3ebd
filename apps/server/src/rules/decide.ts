import { priorityOf, type AlarmCategory } from '@arc/shared/alarm';
import {
  activeAtEndTitle,
  alarmTitle,
  notRestoredTitle,
  type CaseTitleKey,
  type CaseTitleParams,
  type TitleEvent,
} from '@arc/shared/case-title';
import { classifyEventCode } from '@arc/shared/event-codes';
import { isWithin } from '@arc/shared/rules';
import {
  deferredReason,
  loggedReason,
  suppressedReason,
  testReason,
  type SignalReason,
} from '@arc/shared/signal-reason';
import { DELAYED_FAMILIES, restoreFamilyOf } from './restore-family.js';
import { centreMinuteNamed } from '../common/centre-time.js';

/** What the evaluator needs to know about one stored signal. */
export interface SignalFacts {
  account: string;
  code: string;
  zone: string | null;
  siteId: string | null;
  receivedAt: Date;
}

/** A service mode or block window of the signal's transmitter. */
export interface Suppression {
  kind: 'SERVICE_MODE' | 'BLOCK_WINDOW';
  id: string;
  /** Null: every category of the transmitter (block windows always). */
  category: AlarmCategory | null;
  startsAt: Date;
  endsAt: Date;
  /** The service mode's reason, or the block window's request reference. */
  note: string;
  /** Who asked for it, as recorded. */
  requestedBy: string;
  /** Its end check already ran: an alarm from its period evaluated only now is raised directly. */
  finished?: boolean;
}

/** The transmitter's state when the signal was received, read once per batch. */
export interface TransmitterSnapshot {
  suppressions: readonly Suppression[];
  /** Signals of the account within the runaway window, this one included. */
  recentSignals: number;
}

export interface RuleSettings {
  runawayThreshold: number;
  runawayWindowSeconds: number;
  acLossDelaySeconds: number;
}

export type Decision =
  | {
      action: 'OPEN_OR_APPEND';
      caseKey: string;
      category: AlarmCategory;
      priority: number;
      /** The English title; `titleKey` and `titleParams` say it in any language (@arc/shared/case-title). */
      title: string;
      titleKey: CaseTitleKey;
      titleParams: CaseTitleParams;
      unknownTransmitter: boolean;
      runaway: boolean;
    }
  | {
      action: 'RESTORE';
      caseKey: string;
      category: AlarmCategory;
      description: string;
      family: string | null;
    }
  | {
      action: 'SUPPRESS';
      suppression: Suppression;
      category: AlarmCategory;
      reason: SignalReason;
    }
  | {
      action: 'DEFER';
      caseKey: string;
      category: AlarmCategory;
      family: string;
      title: string;
      titleKey: CaseTitleKey;
      titleParams: CaseTitleParams;
      dueAt: Date;
      reason: SignalReason;
    }
  | { action: 'LOG_ONLY'; reason: SignalReason };

/** Where an unknown event code is shown: as a technical case that names the code. */
export const UNKNOWN_CODE_CATEGORY: AlarmCategory = 'TECHNICAL';

/** The key under which a site's cases are unique per category. */
export function caseKeyOf(facts: Pick<SignalFacts, 'account' | 'siteId'>): string {
  return facts.siteId ? `site:${facts.siteId}` : `account:${facts.account}`;
}

/**
 * Decides what a stored signal means for the queue (docs/domain.md section 4). Pure: the same facts
 * and snapshot give the same decision, so signals stored but never evaluated are decided the
 * same way at start-up. Order of the rules: suppression (service mode, block window) beats
 * everything that would raise a case; restores and logs are never suppressed, because they
 * raise nothing and the end-of-service-mode check needs the restores.
 */
export function decide(facts: SignalFacts, snapshot: TransmitterSnapshot, settings: RuleSettings): Decision {
  const event = classifyEventCode(facts.code);
  const caseKey = caseKeyOf(facts);
  const unknownTransmitter = facts.siteId === null;
  const runaway = snapshot.recentSignals > settings.runawayThreshold;

  const known = event ? { eventCode: facts.code, description: event.description } : null;
  if (event?.kind === 'LOG') return { action: 'LOG_ONLY', reason: loggedReason(known!) };
  if (event?.kind === 'TEST') return { action: 'LOG_ONLY', reason: testReason(known!) };
  if (event?.kind === 'RESTORE') {
    return {
      action: 'RESTORE',
      caseKey,
      category: event.category!,
      description: event.description,
      family: restoreFamilyOf(facts.code),
    };
  }

  // An alarm, or a code the centre does not know (a human must look at it, as a technical case).
  const category = event ? event.category! : UNKNOWN_CODE_CATEGORY;
  // The title names the event (or the code the centre does not know), the zone and the transmitter.
  const titled: TitleEvent = {
    eventCode: facts.code,
    description: event ? event.description : null,
    zone: facts.zone,
    unknownTransmitter,
  };
  const suppression = activeSuppression(snapshot.suppressions, category, facts.receivedAt);
  if (suppression && !suppression.finished) {
    return { action: 'SUPPRESS', suppression, category, reason: suppressionReason(suppression) };
  }
  if (suppression) {
    // Received during the window but evaluated after its end check (a signal still in flight
    // when the window was ended early): it can no longer be restored in time, so raise it now.
    const ended = suppression.kind === 'SERVICE_MODE' ? 'serviceMode' : 'blockWindow';
    return {
      action: 'OPEN_OR_APPEND',
      caseKey,
      category,
      priority: priorityOf(category),
      ...activeAtEndTitle({ ...titled, ended }),
      unknownTransmitter,
      runaway,
    };
  }
  const family = event ? restoreFamilyOf(facts.code) : null;
  if (family && DELAYED_FAMILIES.has(family) && settings.acLossDelaySeconds > 0) {
    const dueAt = new Date(facts.receivedAt.getTime() + settings.acLossDelaySeconds * 1000);
    return {
      action: 'DEFER',
      caseKey,
      category,
      family,
      ...notRestoredTitle({ ...titled, delaySeconds: settings.acLossDelaySeconds }),
      dueAt,
      reason: deferredReason(known!, dueAt, clock),
    };
  }
  return {
    action: 'OPEN_OR_APPEND',
    caseKey,
    category,
    priority: priorityOf(category),
    ...alarmTitle(titled),
    unknownTransmitter,
    runaway,
  };
}

/** The window that silences this category at that moment: start inclusive, end exclusive. */
export function activeSuppression(
  suppressions: readonly Suppression[],
  category: AlarmCategory,
  at: Date,
): Suppression | null {
  return suppressions.find((s) => (s.category === null || s.category === category) && isWithin(s, at)) ?? null;
}

function suppressionReason(s: Suppression): SignalReason {
  const window = s.kind === 'SERVICE_MODE' ? 'serviceMode' : 'blockWindow';
  return suppressedReason(
    { window, category: s.category, endsAt: s.endsAt, note: s.note, requestedBy: s.requestedBy },
    clock,
  );
}

/** "2026-12-01 15:05 (Europe/Stockholm)": the text is stored with the signal, so it names its zone. */
export function clock(at: Date): string {
  return centreMinuteNamed(at);
}
