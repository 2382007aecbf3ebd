import { classifyEventCode } from '@arc/shared/event-codes';
import { EN_MESSAGES } from '@arc/shared/i18n';
import { i18n } from '../lib/i18n/i18n';

type Events = typeof EN_MESSAGES.events;
type EventKey =
  | `events:sia.${keyof Events['sia']}`
  | `events:cid.${keyof Events['cid']}`
  | `events:cidRestore.${keyof Events['cidRestore']}`
  | 'events:unknown';

const has = (table: object, code: string): boolean => Object.hasOwn(table, code);

/** The catalogue key for an event code, as classifyEventCode reads it; null for a code the centre does not know. */
function keyForCode(eventCode: string): EventKey | null {
  const event = classifyEventCode(eventCode);
  if (!event) return null;
  const { sia, cid, cidRestore } = EN_MESSAGES.events;
  if (event.protocol === 'SIA') return has(sia, event.code) ? `events:sia.${event.code as keyof Events['sia']}` : null;
  // Qualifier 3 on an alarm event is its restore ("Burglary restore"); on open/close it is a closing.
  if (event.kind === 'RESTORE' && has(cidRestore, event.code)) {
    return `events:cidRestore.${event.code as keyof Events['cidRestore']}`;
  }
  return has(cid, event.code) ? `events:cid.${event.code as keyof Events['cid']}` : null;
}

/** The English descriptions (as the server stores them) back to their keys; the first key of a text wins. */
let byDescription: Map<string, EventKey> | null = null;

function keyForDescription(description: string): EventKey | null {
  if (!byDescription) {
    const map = new Map<string, EventKey>();
    const { sia, cid, cidRestore, unknown } = EN_MESSAGES.events;
    const add = (key: EventKey, text: string) => {
      if (!map.has(text)) map.set(text, key);
    };
    for (const [code, text] of Object.entries(sia)) add(`events:sia.${code as keyof Events['sia']}`, text);
    for (const [code, text] of Object.entries(cid)) add(`events:cid.${code as keyof Events['cid']}`, text);
    for (const [code, text] of Object.entries(cidRestore)) {
      add(`events:cidRestore.${code as keyof Events['cidRestore']}`, text);
    }
    add('events:unknown', unknown);
    byDescription = map;
  }
  return byDescription.get(description) ?? null;
}

/**
 * An alarm signal's event in words, in the language in force: from its event code (SIA or Contact
 * ID, classified by @arc/shared/event-codes) through the `events` catalogue; without a known code,
 * the server's stored English description in the language in force when it is one of the
 * catalogue's texts (a restore recorded in a case's history, "Unknown event code"), else as given.
 */
export function eventLabel(eventCode: string | null | undefined, description: string): string {
  const key = (eventCode ? keyForCode(eventCode) : null) ?? keyForDescription(description);
  return key ? i18n.t(key) : description;
}
