import type { AlarmCategory } from '@arc/shared/alarm';
import type { IntakeAction } from '@arc/shared/intake';
import { useTranslation } from 'react-i18next';
import { refusalFor, type VerifiedCaller } from '../utils/authority';
import { categoryText } from '../utils/labels';

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
  const { t } = useTranslation('intake');
  const refusal = refusalFor(caller.table, action, categories);
  return (
    <p
      className={refusal ? 'verdict verdict--refused' : 'verdict verdict--allowed'}
      data-testid={testId}
      data-allowed={refusal ? 'false' : 'true'}
      aria-live="polite"
    >
      {refusal
        ? t('verdict.refused', {
            name: caller.name,
            category: categoryText(refusal.category),
            reason: refusal.reason,
          })
        : t('verdict.allowed', { name: caller.name, level: caller.level })}
    </p>
  );
}
