import type { AuthorityLevel } from '@arc/shared/authority';
import type { Person, SiteDetail } from '@arc/shared/directory';
import { i18n } from '../../../lib/i18n/i18n';
import { centreToday } from '../../../utils/time';

/** Someone who may call about a site: a person on one of its authorization lists, or an installer. */
export interface CallerCandidate {
  personId: string;
  name: string;
  phone: string;
  level: AuthorityLevel;
  /** The authorization list, or the service company the installer works for. */
  source: string;
  kind: 'list' | 'installer';
  hasPassword: boolean;
  validToday: boolean;
}

/**
 * The site's callers, in the order the detail lists them: lists first, then installers. The
 * server decides who is verified; this only helps the operator pick the right name.
 * `today` is YYYY-MM-DD in the operator's time zone.
 */
export function callerCandidates(detail: SiteDetail, today: string): CallerCandidate[] {
  const fromLists = detail.authorizationLists.flatMap((list) =>
    list.persons.map((person) => candidate(person, list.name, 'list', today)),
  );
  const installers = detail.serviceCompanies.flatMap((company) =>
    company.installers.map((person) => candidate(person, company.name, 'installer', today)),
  );
  return [...fromLists, ...installers];
}

/** "Bo Berg (level B)" with what would make the server refuse, for the picker's options. */
export function candidateLabel(c: CallerCandidate): string {
  const notes = [
    !c.hasPassword && i18n.t('intake:caller.noPassword'),
    !c.validToday && i18n.t('intake:caller.notValidToday'),
  ].filter(Boolean);
  return notes.length > 0
    ? i18n.t('intake:caller.withNotes', { name: c.name, level: c.level, notes: notes.join(', ') })
    : i18n.t('intake:callerWithLevel', { name: c.name, level: c.level });
}

/** Today in the centre's time zone as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return centreToday(now);
}

function candidate(person: Person, source: string, kind: CallerCandidate['kind'], today: string): CallerCandidate {
  return {
    personId: person.id,
    name: person.name,
    phone: person.phone,
    level: person.level,
    source,
    kind,
    hasPassword: person.hasPassword,
    validToday: (!person.validFrom || person.validFrom <= today) && (!person.validTo || today <= person.validTo),
  };
}
