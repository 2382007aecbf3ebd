export interface Shortcut {
  keys: string;
  label: string;
}

export const QUEUE_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'N', label: 'take next' },
  { keys: 'M', label: 'silence tone' },
  { keys: 'I / F2', label: 'phone intake' },
];

export const CASE_SHORTCUTS: readonly Shortcut[] = [
  { keys: '↑ ↓', label: 'choose number' },
  { keys: '1–5', label: 'record outcome: answered, no answer, busy, wrong number, voicemail (SMS/e-mail: 1 sent)' },
  { keys: 'S', label: 'next step' },
  { keys: 'T', label: 'tick selected step' },
  { keys: 'C', label: 'close' },
  { keys: 'P', label: 'put back' },
  { keys: 'Esc', label: 'cancel' },
  { keys: 'M', label: 'silence tone' },
];

/** The keyboard shortcuts of the screen, always in view. None work while typing in a field. */
export function ShortcutHelp({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return (
    <aside className="shortcut-help" aria-label="Keyboard shortcuts" data-testid="shortcut-help">
      {shortcuts.map((shortcut) => (
        <span key={shortcut.keys} className="shortcut-help__item">
          <kbd>{shortcut.keys}</kbd> {shortcut.label}
        </span>
      ))}
      <span className="shortcut-help__item muted">(not while typing in a field)</span>
    </aside>
  );
}
