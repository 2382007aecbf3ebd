import { useEffect, useRef, useState } from 'react';

/**
 * Keyboard flow of an in-place form: the first field takes the focus when the form opens, and the
 * control that opened it gets it back when it closes (found again by its id when it was drawn
 * anew meanwhile, as a table row's Edit button is after a save).
 */
export function useFormFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  // Read while rendering, before the opener may leave the page with this commit.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const openerId = opener?.id ?? '';
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => {
      const target = opener?.isConnected ? opener : openerId ? document.getElementById(openerId) : null;
      if (target && target !== document.body) target.focus();
    };
  }, [opener]);
  return ref;
}
