import type { Shape } from '../shape.js';
import type { signalReasons as en } from '../en/signal-reasons.js';

export const signalReasons: Shape<typeof en> = {
  logged: '{event}',
  test: '{event}: övervakningstiden börjar om',
  restore:
    '{event}; {hasCase, select, true {registrerad på ärende {caseNo}} other {inget öppet ärende}}{settled, plural, =0 {} one {; avskriver # väntande signal: inget ärende skapas för den} other {; avskriver # väntande signaler: inget ärende skapas för dem}}',
  suppressed:
    '{window, select, serviceMode {Serviceläge} other {Spärr}}{category, select, FIRE { (endast brand)} HOLDUP { (endast överfall)} INTRUSION { (endast inbrott)} TECHNICAL { (endast teknisk)} SERVICE { (endast service)} other {}} till {until}: {window, select, serviceMode {{note}} other {ref. {note}}} (begärd av {requestedBy})',
  deferred: '{event}: ett ärende skapas {dueAt} om den inte återställs före dess',
};
