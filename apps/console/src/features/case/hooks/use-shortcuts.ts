import { useEffect, useEffectEvent } from 'react';
import { shortcutKey } from '../utils/keyboard';

/**
 * Calls `handle` with the key of every shortcut press on the page (see shortcutKey: none while
 * typing in a field). `handle` returns true when it used the key; the key then does nothing else,
 * so a letter that opens a form is not typed into the form's first field.
 */
export function useShortcuts(handle: (key: string) => boolean, enabled = true): void {
  const onKey = useEffectEvent(handle);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const key = shortcutKey(event);
      if (key !== null && onKey(key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
