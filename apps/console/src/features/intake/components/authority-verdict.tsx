import type { AlarmCategory } from '@arc/shared/alarm';
import type { IntakeAction } from '@arc/shared/intake';
import { refusalFor, type VerifiedCaller } from '../utils/authority';

export interface AuthorityVerdictProps {
  caller: VerifiedCaller;
  action: IntakeAction;
  categories: readonly AlarmCategory[];
  testId: string;
}

/**
 * The authority table's verdict before sending, from the table the server gave with the
 * verification. Only an explanation: the server checks again and decides.
 */
export function AuthorityVerdict({ caller, action, categories, testId }: AuthorityVerdictProps) {
  const refusal = refusalFor(caller.table, action, categories);
  return (
    <p
      className={refusal ? 'verdict verdict--refused' : 'verdict verdict--allowed'}
      data-testid={testId}
      data-allowed={refusal ? 'false' : 'true'}
      aria-live="polite"
    >
      {refusal
        ? `${caller.name} may not ask for this (${refusal.category}): ${refusal.reason}. The server will refuse it.`
        : `${caller.name} (level ${caller.level}) may ask for this.`}
    </p>
  );
}
