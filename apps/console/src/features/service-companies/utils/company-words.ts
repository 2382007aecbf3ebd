import { i18n } from '../../../lib/i18n/i18n';
import type { FormSchema } from '../../../utils/form-errors';
import type { LapseStatus } from './lapse-status';

/**
 * The schema with the directory's own rule messages ("is required", "has a wrong check digit")
 * in the user's language; zod's own messages are already in it and pass as they are.
 */
export function withCompanyWords<T>(schema: FormSchema<T>): FormSchema<T> {
  return {
    safeParse(value: unknown) {
      const result = schema.safeParse(value);
      if (result.success) return result;
      const issues = result.error.issues.map((issue) => ({ ...issue, message: ruleWords(issue.message) }));
      return { success: false, error: { issues } };
    },
  };
}

function ruleWords(message: string): string {
  if (message === 'is required') return i18n.t('serviceCompanies:validation.required');
  if (message === 'must be a date YYYY-MM-DD') return i18n.t('serviceCompanies:validation.date');
  if (message === 'has a wrong check digit') return i18n.t('serviceCompanies:validation.orgNoCheck');
  if (message === 'must not be before validFrom') return i18n.t('serviceCompanies:validation.validTo');
  if (message.startsWith('must be an organisation number')) return i18n.t('serviceCompanies:validation.orgNo');
  if (message.startsWith('must be a valid phone number')) return i18n.t('serviceCompanies:validation.phone');
  return message;
}

/** "Expires in 12 days (2026-12-02)", "Lapsed 2026-11-19", "No end date": a lapse status in words. */
export function lapseWords(status: LapseStatus): string {
  switch (status.kind) {
    case 'open':
      return i18n.t('serviceCompanies:lapse.open');
    case 'valid':
      return i18n.t('serviceCompanies:lapse.valid', { date: status.until });
    case 'expiring':
      return i18n.t('serviceCompanies:lapse.expiring', { days: status.daysLeft, date: status.until });
    case 'expired':
      return i18n.t('serviceCompanies:lapse.expired', { date: status.until });
    case 'notYetValid':
      return i18n.t('serviceCompanies:lapse.notYetValid', { date: status.from });
  }
}
