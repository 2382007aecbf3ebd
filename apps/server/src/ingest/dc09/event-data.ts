/** One event inside a DC-09 message. */
export interface Dc09Event {
  /** SIA two-letter code (`BA`) or Contact ID qualifier + event (`1130`). */
  code: string;
  zone: string | null;
  area: string | null;
  /** `ti` time of the event as sent (HH:MM). */
  time: string | null;
  /** `id` user number. */
  userId: string | null;
  /** Free text sent between `^…^`. */
  text: string | null;
}

const MODIFIER = /^([a-z]{2})([0-9:.]*)/;
const EVENT = /^([A-Z]{2})(\d*)/;

/**
 * SIA-DCS data: `Nri1/BA012`, `Nti10:30/id3/ri1/OP003`, `Nri1BA012` (no `/` after the area),
 * `Nri1/BA012^Back door^`, or several events `Nri1/BA012/BA013/ri2/FA001`. Area, time and user
 * carry over to the following events. Null when the data does not follow that shape.
 */
export function parseSiaDcsData(data: string): Dc09Event[] | null {
  let rest = data.startsWith('N') && /^N(?:[a-z]|[A-Z]{2})/.test(data) ? data.slice(1) : data;
  const events: Dc09Event[] = [];
  let area: string | null = null;
  let time: string | null = null;
  let userId: string | null = null;
  while (rest.length > 0) {
    if (rest.startsWith('/')) {
      rest = rest.slice(1);
      continue;
    }
    const modifier = MODIFIER.exec(rest);
    if (modifier) {
      const [whole, name, value] = modifier;
      if (name === 'ri') area = value || null;
      else if (name === 'ti') time = value || null;
      else if (name === 'id') userId = value || null;
      rest = rest.slice(whole!.length);
      continue;
    }
    const event = EVENT.exec(rest);
    if (!event) return null;
    const [whole, code, zone] = event;
    rest = rest.slice(whole!.length);
    let text: string | null = null;
    if (rest.startsWith('^')) {
      const end = rest.indexOf('^', 1);
      if (end < 0) return null;
      text = rest.slice(1, end);
      rest = rest.slice(end + 1);
    }
    events.push({ code: code!, zone: zone || null, area, time, userId, text });
  }
  return events.length > 0 ? events : null;
}

const CONTACT_ID = /^([136])(\d{3}) ?([0-9A-Fa-f]{2}) ?([0-9A-Fa-f]{3})$/;

/** ADM-CID data `QXYZ GG CCC`: qualifier, event, partition (area), zone or user. */
export function parseAdmCidData(data: string): Dc09Event | null {
  const match = CONTACT_ID.exec(data.trim());
  if (!match) return null;
  const [, qualifier, event, partition, zone] = match;
  return { code: `${qualifier}${event}`, zone: zone!, area: partition!, time: null, userId: null, text: null };
}

/** The message text of SIA-DCS data for the simulator: `Nri<area>/<code><zone>` per event. */
export function buildSiaDcsData(events: Pick<Dc09Event, 'code' | 'zone' | 'area'>[]): string {
  return `N${events.map((e) => `${e.area !== null ? `ri${e.area}/` : ''}${e.code}${e.zone ?? ''}`).join('/')}`;
}

/** `QXYZ GG CCC` for the simulator. */
export function buildAdmCidData(code: string, area: string, zone: string): string {
  return `${code} ${area.padStart(2, '0')} ${zone.padStart(3, '0')}`;
}
