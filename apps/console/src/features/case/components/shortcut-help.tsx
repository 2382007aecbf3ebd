import { useTranslation } from 'react-i18next';
import type { EN_MESSAGES } from '@arc/shared/i18n';

/** What a shortcut does: a key of the case namespace's `shortcuts` (keys stay as they are, in every language). */
type ShortcutLabel = Exclude<keyof (typeof EN_MESSAGES)['case']['shortcuts'], 'label' | 'notWhileTyping'>;

export interface Shortcut {
  keys: string;
  label: ShortcutLabel;
}

export const QUEUE_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'N', label: 'takeNext' },
  { keys: 'M', label: 'silenceTone' },
  { keys: 'I / F2', label: 'phoneIntake' },
];

export const CASE_SHORTCUTS: readonly Shortcut[] = [
  { keys: '↑ ↓', label: 'chooseNumber' },
  { keys: '1–5', label: 'recordOutcome' },
  { keys: 'S', label: 'nextStep' },
  { keys: 'T', label: 'tickStep' },
  { keys: 'C', label: 'close' },
  { keys: 'P', label: 'putBack' },
  { keys: 'Esc', label: 'cancel' },
  { keys: 'M', label: 'silenceTone' },
];

/** The keyboard shortcuts of the screen, always in view. None work while typing in a field. */
export function ShortcutHelp({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  const { t } = useTranslation('case');
  return (
    <aside className="shortcut-help" aria-label={t('shortcuts.label')} data-testid="shortcut-help">
      {shortcuts.map((shortcut) => (
        <span key={shortcut.keys} className="shortcut-help__item">
          <kbd>{shortcut.keys}</kbd> {t(`shortcuts.${shortcut.label}`)}
        </span>
      ))}
      <span className="shortcut-help__item muted">{t('shortcuts.notWhileTyping')}</span>
    </aside>
  );
}
