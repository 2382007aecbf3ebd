import { durationRef } from '@arc/shared/i18n';
import { i18n } from '../lib/i18n/i18n';
import type { FieldErrors } from './form-errors';
import { catalogueText, wordedParams } from './form-words';

/** "Duration must be at most 12 hours (720 minutes)": the server's longest service mode, in the language in force. */
export function serviceModeDurationProblem(minutes: number | undefined, maxMinutes: number): string | null {
  if (minutes === undefined || minutes <= maxMinutes) return null;
  const text = catalogueText('errors:schema.maxDuration', wordedParams({ limit: durationRef(maxMinutes) }));
  return i18n.t('errors:labelled', { label: i18n.t('errors:field.durationMinutes'), text });
}

/** A form check (useSchemaForm) refusing a longer service mode than the server allows. */
export function serviceModeCheck(maxMinutes: number) {
  return (value: { durationMinutes?: number }): FieldErrors | null => {
    const problem = serviceModeDurationProblem(value.durationMinutes, maxMinutes);
    return problem ? { durationMinutes: problem } : null;
  };
}
