/**
 * The signalReasons namespace (see docs/i18n.md): why the rules decided what they did with a
 * signal, as a site's signal log shows it. The server stores the English sentence as
 * `signal_decisions.reason` and beside it a key with its arguments (`reason_key`,
 * `reason_params`; built by @arc/shared/signal-reason). A signal that opened or joined a
 * case has a `caseTitles` key instead (its reason is the case's title). `{event}` is the signal's
 * event, which a console words through the `events` namespace from `eventCode`; `{until}` and
 * `{dueAt}` are instants a console writes in its own format (the English is the centre's time
 * with its zone). The English must stay word for word what the server stores.
 */
export const signalReasons = {
  /** Open/close, bypass and other signals that are only logged. */
  logged: '{event}',
  /** A periodic or manual test. */
  test: '{event}: supervision timer restarted',
  /** A restore; `hasCase` true when it was recorded on the open case `caseNo`; `settled` waiting AC losses it settles. */
  restore:
    '{event}; {hasCase, select, true {recorded on case {caseNo}} other {no open case}}{settled, plural, =0 {} other {; settles {settled} waiting signal(s): no case is raised for them}}',
  /** Silenced by a service mode (`note` its reason) or a block window (`note` its reference). */
  suppressed:
    '{window, select, serviceMode {Service mode} other {Block window}}{category, select, FIRE { (fire only)} HOLDUP { (holdup only)} INTRUSION { (intrusion only)} TECHNICAL { (technical only)} SERVICE { (service only)} other {}} until {until}: {window, select, serviceMode {{note}} other {ref. {note}}} (asked by {requestedBy})',
  /** A service signal (AC loss) that raises a case only if not restored by `dueAt`. */
  deferred: '{event}: a case is raised at {dueAt} unless it is restored before',
} as const;
