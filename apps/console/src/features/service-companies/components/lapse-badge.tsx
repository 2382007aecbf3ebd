import { useTranslation } from 'react-i18next';
import { lapseWords } from '../utils/company-words';
import type { LapseStatus } from '../utils/lapse-status';

const ICONS: Partial<Record<LapseStatus['kind'], string>> = { expiring: '⚠', expired: '✖', valid: '✓' };

/**
 * A validity in words ("Expires in 12 days (2026-12-02)", "Lapsed 2026-11-19") with a shape
 * beside it: a warning sign before the lapse, a cross once lapsed. Colour only repeats it.
 */
export function LapseBadge({ status, testId = 'lapse' }: { status: LapseStatus; testId?: string }) {
  const { t } = useTranslation('serviceCompanies');
  const icon = ICONS[status.kind];
  // "Expires in 12 days" is a warning: said so to a screen reader as the sign says it to the eye.
  const iconLabel = status.kind === 'expiring' ? t('lapse.iconExpiring') : null;
  return (
    <span className={`lapse lapse--${status.kind}`} data-testid={testId} data-lapse={status.kind}>
      {icon && (
        <span className="lapse__icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {iconLabel && <span className="registry-visually-hidden">{iconLabel}: </span>}
      <span className="lapse__text">{lapseWords(status)}</span>
    </span>
  );
}
