import { useEffect, type RefObject } from 'react';

/** Puts the focus in the first field of a form that just opened, for the keyboard user. */
export function useFocusFirst(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [ref]);
}
