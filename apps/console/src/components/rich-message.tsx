import { Fragment, type ReactNode } from 'react';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'u');

/**
 * A translated message with React elements in place of some of its arguments (a name in bold, a
 * time that ticks in its own element), so the catalogue keeps whole sentences and no markup
 * (docs/i18n.md). `format` gets a marker for each of those arguments to pass to `t`:
 *
 *   richMessage((m) => t('logins.lockedAccount', { username: m.username, time }), {
 *     username: <strong>{lock.username}</strong>,
 *   })
 */
export function richMessage<K extends string>(
  format: (marks: Record<K, string>) => string,
  nodes: Record<K, ReactNode>,
): ReactNode {
  const names = Object.keys(nodes) as K[];
  const marks = Object.fromEntries(names.map((name) => [name, `${OPEN}${name}${CLOSE}`])) as Record<K, string>;
  const parts = format(marks).split(MARK);
  // split with a capture group: text, name, text, name, …, text.
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 && part in nodes ? nodes[part as K] : part}</Fragment>);
}
