import { describe, expect, it } from 'vitest';
import { shortcutKey } from './keyboard';

function keydown(key: string, target: EventTarget, init: KeyboardEventInit = {}): KeyboardEvent {
  let seen: KeyboardEvent | null = null;
  const listener = (event: Event) => (seen = event as KeyboardEvent);
  window.addEventListener('keydown', listener);
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  window.removeEventListener('keydown', listener);
  if (!seen) throw new Error('no event');
  return seen;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, setup?: (el: HTMLElementTagNameMap[K]) => void) {
  const el = document.createElement(tag);
  setup?.(el);
  document.body.append(el);
  return el;
}

describe('shortcutKey', () => {
  it('upper-cases letters and passes digits and named keys', () => {
    expect(shortcutKey(keydown('n', document.body))).toBe('N');
    expect(shortcutKey(keydown('N', document.body, { shiftKey: true }))).toBe('N');
    expect(shortcutKey(keydown('3', document.body))).toBe('3');
    expect(shortcutKey(keydown('ArrowDown', document.body))).toBe('ArrowDown');
  });

  it('is no shortcut while typing in a text field, text area, select or editable element', () => {
    const targets = [
      element('input'),
      element('input', (el) => (el.type = 'search')),
      element('textarea'),
      element('select'),
      element('div', (el) => el.setAttribute('contenteditable', 'true')),
    ];
    for (const target of targets) expect(shortcutKey(keydown('c', target))).toBeNull();
  });

  it('still takes keys on a checkbox, radio or button', () => {
    expect(
      shortcutKey(
        keydown(
          'c',
          element('input', (el) => (el.type = 'radio')),
        ),
      ),
    ).toBe('C');
    expect(shortcutKey(keydown('c', element('button')))).toBe('C');
  });

  it('lets Escape through everywhere, so it always cancels', () => {
    expect(shortcutKey(keydown('Escape', element('input')))).toBe('Escape');
  });

  it('ignores presses with Ctrl, Alt or Meta, auto-repeats and handled events', () => {
    expect(shortcutKey(keydown('c', document.body, { ctrlKey: true }))).toBeNull();
    expect(shortcutKey(keydown('c', document.body, { altKey: true }))).toBeNull();
    expect(shortcutKey(keydown('c', document.body, { metaKey: true }))).toBeNull();
    expect(shortcutKey(keydown('n', document.body, { repeat: true }))).toBeNull();
    const handled = new KeyboardEvent('keydown', { key: 'n', cancelable: true });
    handled.preventDefault();
    expect(shortcutKey(handled)).toBeNull();
  });
});
