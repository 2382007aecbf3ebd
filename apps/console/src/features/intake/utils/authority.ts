import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type AuthorityLevel } from '@arc/shared/authority';
import { type AllowedActions, type IntakeAction } from '@arc/shared/intake';
import { refusalReasonText } from '../../../utils/error-text';

/** A caller the server verified, as the action forms need them. */
export interface VerifiedCaller {
  verificationId: string;
  name: string;
  level: AuthorityLevel;
  /** The authority table the server answered the verification with. */
  table: readonly AllowedActions[];
}

/**
 * The categories a service mode or block window silences, as the server counts them: one
 * category, else the transmitter's declared one, else (undeclared) every category.
 */
export function categoriesCovered(
  category: AlarmCategory | null,
  transmitterInputCategory: AlarmCategory | null,
): AlarmCategory[] {
  const scope = category ?? transmitterInputCategory;
  return scope === null ? [...ALARM_CATEGORIES] : [scope];
}

/**
 * Why the verified caller may not ask for `action` on these categories, from the table the
 * server answered the verification with; null when every category allows it. Categories the
 * table does not cover are not judged here: the server decides those.
 */
export function refusalFor(
  table: readonly AllowedActions[],
  action: IntakeAction,
  categories: readonly AlarmCategory[],
): { category: AlarmCategory; reason: string } | null {
  for (const category of categories) {
    const refused = table.find((row) => row.category === category)?.refused.find((r) => r.action === action);
    if (refused) return { category, reason: refusalReasonText(refused) };
  }
  return null;
}
