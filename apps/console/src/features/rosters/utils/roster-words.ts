import type { OnCallSwapProblem } from '@arc/shared/directory';
import { i18n } from '../../../lib/i18n/i18n';
import type { FormSchema } from '../../../utils/form-errors';
import { formatDayInWords } from '../../../lib/i18n/format';

/**
 * The schema with its own rule messages ("must be a Monday", "is required") in the user's
 * language; other messages (zod's own, already in the language) pass as they are.
 */
export function withRosterWords<T>(schema: FormSchema<T>): FormSchema<T> {
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
  if (message === 'is required') return i18n.t('rosters:validation.required');
  if (message === 'must be a Monday') return i18n.t('rosters:validation.monday');
  if (message === 'must be a date YYYY-MM-DD') return i18n.t('rosters:validation.date');
  if (message === 'needs at least one member') return i18n.t('rosters:validation.members');
  if (message.startsWith('must be a valid phone number')) return i18n.t('rosters:validation.phone');
  return message;
}

/** Why a swap cannot be made, in words. */
export function swapProblemWords(problem: OnCallSwapProblem): string {
  switch (problem.code) {
    case 'BEFORE_ROTATION':
      return i18n.t('rosters:swapForm.problem.BEFORE_ROTATION', { date: problem.rotationStart });
    case 'HAS_THE_WEEK':
      return i18n.t('rosters:swapForm.problem.HAS_THE_WEEK', { name: problem.name });
    case 'NOT_MONDAY':
    case 'ALREADY_SWAPPED':
    case 'NO_SUCH_MEMBER':
      return i18n.t(`rosters:swapForm.problem.${problem.code}`);
  }
}

/** "Monday 9 November (2026-11-09)": a calendar date in words, whatever the browser's zone. */
export function dayWithDate(date: string): string {
  return i18n.t('rosters:day', { day: formatDayInWords(`${date}T12:00:00Z`, 'UTC'), date });
}
