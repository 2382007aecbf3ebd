import { minutesInWords } from '@arc/shared/settings';
import type { FieldErrors } from './form-errors';

/** "Duration must be at most 12 hours (720 minutes)": the server's longest service mode. */
export function serviceModeDurationProblem(minutes: number | undefined, maxMinutes: number): string | null {
  if (minutes === undefined || minutes <= maxMinutes) return null;
  return `Duration must be at most ${minutesInWords(maxMinutes)}`;
}

/** A form check (useSchemaForm) refusing a longer service mode than the server allows. */
export function serviceModeCheck(maxMinutes: number) {
  return (value: { durationMinutes?: number }): FieldErrors | null => {
    const problem = serviceModeDurationProblem(value.durationMinutes, maxMinutes);
    return problem ? { durationMinutes: problem } : null;
  };
}
