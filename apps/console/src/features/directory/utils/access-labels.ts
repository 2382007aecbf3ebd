import type { AlarmCategory } from '@arc/shared/alarm';
import { i18n } from '../../../lib/i18n/i18n';

/** Labels of the access and window sections, in the language in force (namespaces `access`, `windows`). */

/** A category as shown beside a transmitter's account or in a service mode ("FIRE" / "Brand"). */
export function windowCategoryLabel(category: AlarmCategory): string {
  return i18n.t(`windows:category.${category}`);
}

/** "12 hours (720 minutes)", "2 days (2,880 minutes)", "45 minutes" ("12 timmar (720 minuter)"), in the language in force. */
export function durationInWords(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0)
    return i18n.t('windows:duration.days', { days: minutes / 1440, minutes });
  if (minutes >= 60 && minutes % 60 === 0) return i18n.t('windows:duration.hours', { hours: minutes / 60, minutes });
  return i18n.t('windows:duration.minutes', { minutes });
}
