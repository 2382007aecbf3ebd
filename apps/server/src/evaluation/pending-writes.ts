import type { AlarmCategory } from '@arc/shared/alarm';
import type { OpenOrAppendInput } from '../cases/index.js';
import type { Deferral, PendingRestore } from './deferrals.js';

/**
 * What a batch has decided but not yet written, and which cases and families that touches.
 * A signal must wait for the pending writes (a flush) when it depends on one of them.
 */
export class PendingWrites {
  private alarms: OpenOrAppendInput[] = [];
  private deferrals: Deferral[] = [];
  private restores: PendingRestore[] = [];
  private readonly alarmCases = new Set<string>();
  private readonly restoreCases = new Set<string>();
  private readonly deferralFamilies = new Set<string>();
  private readonly restoreFamilies = new Set<string>();

  /** An alarm after a restore of its case: the restore belongs to the case before the alarm. */
  mustWaitForAlarm(caseKey: string, category: AlarmCategory): boolean {
    return this.restoreCases.has(caseOf(caseKey, category));
  }

  /**
   * A restore after an alarm of its case (that may open it) or a waiting signal of its family
   * (that it settles); one restore per case and family at a time keeps the set-wise writes simple.
   */
  mustWaitForRestore(
    caseKey: string,
    category: AlarmCategory,
    family: { account: string; family: string } | null,
  ): boolean {
    const key = caseOf(caseKey, category);
    if (this.alarmCases.has(key) || this.restoreCases.has(key)) return true;
    if (!family) return false;
    const fam = familyOf(family.account, family.family);
    return this.deferralFamilies.has(fam) || this.restoreFamilies.has(fam);
  }

  /** A waiting signal after a restore of its family: that restore must not settle it. */
  mustWaitForDeferral(account: string, family: string): boolean {
    return this.restoreFamilies.has(familyOf(account, family));
  }

  addAlarm(alarm: OpenOrAppendInput): void {
    this.alarms.push(alarm);
    this.alarmCases.add(caseOf(alarm.caseKey, alarm.category));
  }

  addDeferral(deferral: Deferral): void {
    this.deferrals.push(deferral);
    this.deferralFamilies.add(familyOf(deferral.account, deferral.family));
  }

  addRestore(restore: PendingRestore): void {
    this.restores.push(restore);
    this.restoreCases.add(caseOf(restore.caseKey, restore.category));
    if (restore.family) this.restoreFamilies.add(familyOf(restore.family.account, restore.family.family));
  }

  /** Hands over what is pending, in the order it must be written: alarms, deferrals, restores. */
  take(): { alarms: OpenOrAppendInput[]; deferrals: Deferral[]; restores: PendingRestore[] } {
    const taken = { alarms: this.alarms, deferrals: this.deferrals, restores: this.restores };
    this.alarms = [];
    this.deferrals = [];
    this.restores = [];
    for (const set of [this.alarmCases, this.restoreCases, this.deferralFamilies, this.restoreFamilies]) set.clear();
    return taken;
  }
}

function caseOf(caseKey: string, category: AlarmCategory): string {
  return `${caseKey}\u0000${category}`;
}

function familyOf(account: string, family: string): string {
  return `${account}\u0000${family}`;
}
