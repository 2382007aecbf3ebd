import type { Shape } from '../shape.js';
import type { caseTitles as en } from '../en/case-titles.js';

export const caseTitles: Shape<typeof en> = {
  alarm: '{unknownTransmitter, select, true {Okänd larmsändare: } other {}}{event}',
  alarmInZone: '{unknownTransmitter, select, true {Okänd larmsändare: } other {}}{event}, zon {zone}',
  activeAtEnd:
    '{unknownTransmitter, select, true {Okänd larmsändare: } other {}}Aktivt när {ended, select, serviceMode {serviceläget} other {spärren}} upphörde: {event}',
  activeAtEndInZone:
    '{unknownTransmitter, select, true {Okänd larmsändare: } other {}}Aktivt när {ended, select, serviceMode {serviceläget} other {spärren}} upphörde: {event}, zon {zone}',
  notRestored:
    '{unknownTransmitter, select, true {Okänd larmsändare: } other {}}{event} (ej återställt inom {delay} {unit, select, h {h} min {min} other {s}})',
  notRestoredInZone:
    '{unknownTransmitter, select, true {Okänd larmsändare: } other {}}{event}, zon {zone} (ej återställt inom {delay} {unit, select, h {h} min {min} other {s}})',
  testMissing: 'Provlarm uteblev från larmsändare {account} (senast hörd {lastHeard})',
  testMissingNever: 'Provlarm uteblev från larmsändare {account} (aldrig hörd)',
  runawayTransmitter: 'Skenande larmsändare {account}: fler än {threshold, number} signaler på {window, number} s',
  part: {
    unknownEventCode: 'Okänd händelsekod {code}',
    runawaySignal: '{title} (skenande larmsändare)',
  },
};
