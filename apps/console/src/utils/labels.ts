import type { AlarmCategory } from '@arc/shared/alarm';
import type { CaseResult } from '@arc/shared/case-handling';
import type { StepType } from '@arc/shared/directory';
import { i18n } from '../lib/i18n/i18n';

/** Labels used by more than one screen, in the language in force (catalogue namespace `common`). */

export function stepTypeLabel(type: StepType): string {
  return i18n.t(`common:stepType.${type}`);
}

export function categoryLabel(category: AlarmCategory): string {
  return i18n.t(`common:category.${category}`);
}

export function resultLabel(result: CaseResult): string {
  return i18n.t(`common:result.${result}`);
}
