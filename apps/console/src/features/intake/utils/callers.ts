import type { AuthorityLevel } from '@arc/shared/authority';
import type { Person, SiteDetail } from '@arc/shared/directory';
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
  const notes = [!c.hasPassword && 'no password set', !c.validToday && 'not valid today'].filter(Boolean);
  return `${c.name} (level ${c.level})${notes.length > 0 ? ` — ${notes.join(', ')}` : ''}`;
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
