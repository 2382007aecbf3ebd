import type { Protocol, SimEvent } from './frames.js';

/** An event in both notations; `cid: null` where Contact ID has no code the centre knows. */
export interface WeightedCode {
  sia: string;
  cid: string | null;
  weight: number;
  /** Periodic tests only move supervision: the receiver stores no row for them. */
  supervision?: boolean;
}

/** A realistic mix: mostly burglary, technical and open/close, some fire and hold-up. */
export const EVENT_MIX: readonly WeightedCode[] = [
  { sia: 'BA', cid: '1130', weight: 40 },
  { sia: 'BR', cid: '3130', weight: 6 },
  { sia: 'FA', cid: '1110', weight: 6 },
  { sia: 'FA', cid: '1111', weight: 3 },
  { sia: 'HA', cid: '1121', weight: 3 },
  { sia: 'PA', cid: '1120', weight: 2 },
  { sia: 'AT', cid: '1301', weight: 10 },
  { sia: 'AR', cid: '3301', weight: 4 },
  { sia: 'YT', cid: '1302', weight: 6 },
  { sia: 'YC', cid: '1350', weight: 6 },
  { sia: 'WA', cid: null, weight: 3 },
  { sia: 'TA', cid: '1137', weight: 5 },
  { sia: 'OP', cid: '1401', weight: 8 },
  { sia: 'CL', cid: '3401', weight: 8 },
  { sia: 'RP', cid: '1602', weight: 5, supervision: true },
];

/** The mix without periodic tests: every event of it becomes a row in `signals`. */
export const STORED_EVENT_MIX: readonly WeightedCode[] = EVENT_MIX.filter((entry) => !entry.supervision);

/**
 * A regional power cut: nearly every panel reports AC loss (and a few their battery), while
 * here and there a real fire or hold-up alarm comes in among them. The queue must still show
 * the fires first.
 */
export const POWER_CUT_MIX: readonly WeightedCode[] = [
  { sia: 'AT', cid: '1301', weight: 85 },
  { sia: 'YT', cid: '1302', weight: 10 },
  { sia: 'FA', cid: '1110', weight: 1 },
  { sia: 'HA', cid: '1121', weight: 0.5 },
];

/** The event mixes a load scenario can send, by name. */
export const EVENT_MIXES: Readonly<Record<string, readonly WeightedCode[]>> = {
  default: STORED_EVENT_MIX,
  'power-cut': POWER_CUT_MIX,
};

export function pickEvent(
  protocol: Protocol,
  mix: readonly WeightedCode[] = STORED_EVENT_MIX,
  random: () => number = Math.random,
): SimEvent {
  const usable = mix.filter((entry) => (protocol === 'SIA-DCS' ? true : entry.cid !== null));
  const total = usable.reduce((sum, entry) => sum + entry.weight, 0);
  let roll = random() * total;
  let chosen = usable[usable.length - 1]!;
  for (const entry of usable) {
    roll -= entry.weight;
    if (roll < 0) {
      chosen = entry;
      break;
    }
  }
  const zone = String(1 + Math.floor(random() * 24)).padStart(3, '0');
  return { code: protocol === 'SIA-DCS' ? chosen.sia : chosen.cid!, zone, area: '1' };
}
