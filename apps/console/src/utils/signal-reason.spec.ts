import { alarmTitle } from '@arc/shared/case-title';
import {
  caseReason,
  deferredReason,
  loggedReason,
  restoreReason,
  suppressedReason,
  testReason,
  type SignalReason,
} from '@arc/shared/signal-reason';
import { CATALOGUES } from '@arc/shared/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../lib/i18n/locale';
import { signalReason } from './signal-reason';
import { formatDateTime } from './time';

afterEach(() => applyLocale('en'));

const ENDS = new Date('2026-11-22T11:00:00Z');
/** The console's own way of writing an instant: the English reason must match it to compare. */
const clock = (at: Date) => formatDateTime(at.toISOString());
const entry = (r: SignalReason) => ({
  decisionReason: r.text,
  decisionReasonKey: r.key,
  decisionReasonParams: r.params,
});
const fire = alarmTitle({ eventCode: 'FA', description: 'Fire alarm', zone: '012', unknownTransmitter: false });

function everyVariant(): SignalReason[] {
  return [
    loggedReason({ eventCode: 'OP', description: 'Opening by user' }),
    testReason({ eventCode: 'RP', description: 'Periodic test' }),
    restoreReason({ eventCode: 'BR', description: 'Burglary restore' }, null, 0),
    restoreReason({ eventCode: 'BR', description: 'Burglary restore' }, '2026-0000012', 2),
    suppressedReason(
      { window: 'serviceMode', category: 'FIRE', endsAt: ENDS, note: 'Installer at work', requestedBy: 'Anna Berg' },
      clock,
    ),
    suppressedReason(
      { window: 'blockWindow', category: null, endsAt: ENDS, note: 'ORDER-17', requestedBy: 'Anna Berg' },
      clock,
    ),
    deferredReason({ eventCode: 'AT', description: 'AC power loss' }, ENDS, clock),
    caseReason(fire, false),
    caseReason(fire, true),
  ];
}

describe('signalReason', () => {
  it('in English is the reason the server stored, for every kind', () => {
    applyLocale('en');
    for (const variant of everyVariant()) expect(signalReason(entry(variant))).toBe(variant.text);
  });

  it('in Swedish words every kind in Swedish, the event included', () => {
    applyLocale('sv');
    const [logged, test, noCase, onCase, serviceMode, blockWindow, deferred, opened, runaway] = everyVariant().map(
      (v) => signalReason(entry(v)),
    );
    const { sia } = CATALOGUES.sv.events;
    expect(logged).toBe(sia.OP);
    expect(test).toBe(`${sia.RP}: övervakningstiden börjar om`);
    expect(noCase).toBe(`${sia.BR}; inget öppet ärende`);
    expect(onCase).toBe(
      `${sia.BR}; registrerad på ärende 2026-0000012; avskriver 2 väntande signaler: inget ärende skapas för dem`,
    );
    expect(serviceMode).toBe(`Serviceläge (endast brand) till ${clock(ENDS)}: Installer at work (begärd av Anna Berg)`);
    expect(blockWindow).toBe(`Spärr till ${clock(ENDS)}: ref. ORDER-17 (begärd av Anna Berg)`);
    expect(deferred).toBe(`${sia.AT}: ett ärende skapas ${clock(ENDS)} om den inte återställs före dess`);
    expect(opened).toBe(`${sia.FA}, zon 012`);
    expect(runaway).toBe(`${sia.FA}, zon 012 (skenande larmsändare)`);
  });

  it('shows the stored English for a signal without a key, with an unknown key, or with params that do not fit', () => {
    applyLocale('sv');
    expect(signalReason({ decisionReason: 'Opening by user' })).toBe('Opening by user');
    expect(
      signalReason({ decisionReason: 'x', decisionReasonKey: 'signalReasons:nope', decisionReasonParams: {} }),
    ).toBe('x');
    expect(signalReason({ decisionReason: null })).toBe('');
  });
});
