/**
 * The caseTitles namespace (see docs/i18n.md): a case's title as the rules compose it. The server
 * stores the English title and, beside it, one of the top-level keys here with its arguments
 * (`cases.title_key`, `cases.title_params`; built by @arc/shared/case-title), so a console words
 * it in its language. `{event}` is the signal's event: the console says it through the `events`
 * namespace from `eventCode` (or `part.unknownEventCode` for a code the centre does not know).
 * The English must stay word for word what the server stores as `title`.
 */
export const caseTitles = {
  /** An alarm. `unknownTransmitter`: true when the account is not in the directory. */
  alarm: '{unknownTransmitter, select, true {Unknown transmitter: } other {}}{event}',
  alarmInZone: '{unknownTransmitter, select, true {Unknown transmitter: } other {}}{event}, zone {zone}',
  /** An alarm of a service mode or block window that was still not restored when it ended. */
  activeAtEnd:
    '{unknownTransmitter, select, true {Unknown transmitter: } other {}}Active at end of {ended, select, serviceMode {service mode} other {block window}}: {event}',
  activeAtEndInZone:
    '{unknownTransmitter, select, true {Unknown transmitter: } other {}}Active at end of {ended, select, serviceMode {service mode} other {block window}}: {event}, zone {zone}',
  /** A deferred service alarm (AC loss) whose restore did not come in time; `unit` h, min or s. */
  notRestored:
    '{unknownTransmitter, select, true {Unknown transmitter: } other {}}{event} (not restored within {delay} {unit, select, h {h} min {min} other {s}})',
  notRestoredInZone:
    '{unknownTransmitter, select, true {Unknown transmitter: } other {}}{event}, zone {zone} (not restored within {delay} {unit, select, h {h} min {min} other {s}})',
  /** Supervision: no test signal within the interval; `lastHeard` is the centre's time as stored. */
  testMissing: 'Test signal missing from {account} (last heard {lastHeard})',
  testMissingNever: 'Test signal missing from {account} (last heard never)',
  /** A transmitter that sends more signals than the threshold within the window (in seconds). */
  runawayTransmitter: 'Runaway transmitter {account}: more than {threshold} signals in {window} s',
  /** Pieces of titles, not titles themselves. */
  part: {
    /** The `{event}` of a code the centre does not know. */
    unknownEventCode: 'Unknown event code {code}',
    /** A signal's decision reason when its transmitter runs away: the title it raised, then this. */
    runawaySignal: '{title} (runaway transmitter)',
  },
} as const;
