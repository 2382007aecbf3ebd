/**
 * The key of a shortcut press, upper-cased for letters; null when the press is no shortcut:
 * typing in a field, held with a modifier, auto-repeated, or already handled. Escape counts
 * even in a field, so it always cancels.
 */
export function shortcutKey(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') return 'Escape';
  if (event.repeat || isTypingTarget(event.target)) return null;
  return event.key.length === 1 ? event.key.toUpperCase() : event.key;
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // isContentEditable where the browser has it; the attribute for an editor's inner elements.
  if (target.isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}
