import type { AlarmCategory } from '@arc/shared/alarm';
import type { CaseTitleKey, CaseTitleParams } from '@arc/shared/case-title';

/** What the case lifecycle takes in and reports back (inputs of openOrAppendMany, its changes). */
export interface OpenOrAppendInput {
  caseKey: string;
  siteId: string | null;
  account: string;
  category: AlarmCategory;
  priority: number;
  /** The English title, and its key and arguments for other languages (@arc/shared/case-title). */
  title: string;
  /** Null only for a title stored before titles had keys (a deferred alarm from then). */
  titleKey: CaseTitleKey | null;
  titleParams: CaseTitleParams | null;
  unknownTransmitter: boolean;
  /** A transmitter of the case sends more than the runaway threshold. */
  runaway?: boolean;
  /** The signal came unencrypted from a transmitter that has a key: the case is marked. */
  unencryptedFromKeyed?: boolean;
  /** The signal that joins the case; null for what the centre itself detects (missing test signal). */
  signalId: string | null;
  receivedAt: Date;
  /** Recorded in the case history instead of a plain CREATED / SIGNALS_APPENDED entry. */
  note?: { type: CaseEventType; data: Record<string, unknown> };
}

/** A restore to record on the open case of its key and category. */
export interface RestoreInput {
  signalId: string;
  caseKey: string;
  category: AlarmCategory;
  description: string;
}

/** A case history entry not written yet; `data` is JSON. */
export interface CaseEventDraft {
  caseId: string;
  type: string;
  signalId: string | null;
  data: string;
}

/** What the case history records besides CREATED, SIGNALS_APPENDED and RESTORE_RECEIVED. */
export type CaseEventType = 'SUPERVISION_MISSED' | 'RUNAWAY_DETECTED' | 'ACTIVE_AT_END' | 'DEFERRED_RAISED';

export interface CaseChange {
  caseId: string;
  created: boolean;
  priority: number;
  /** Created and given straight to the operator who works another case of its site: not queued. */
  held?: boolean;
  /**
   * Created while another case of its site was accepted by an operator (as read when it was
   * created): only then can `giveToHolders` give it to someone. Undefined: not known.
   */
  siteHeld?: boolean;
}
