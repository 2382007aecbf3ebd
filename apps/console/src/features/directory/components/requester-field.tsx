import { type Person, type SiteDetail } from '@arc/shared/directory';
import { type RequesterFacts } from '@arc/shared/rules';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { i18n } from '../../../lib/i18n/i18n';
import { requesterProblemText } from '../../../utils/error-text';
import { centreToday } from '../../../utils/time';

/** A person who may be named as the one who asked for a service mode or a block window. */
export interface RequesterCandidate {
  person: Person;
  /** The authorization list or the service company the person is on. */
  source: string;
  facts: RequesterFacts;
}

/**
 * The site's authorization-list persons and its service companies' installers, with what the
 * console knows of them for the authority rule (docs/domain.md section 3). `today` is YYYY-MM-DD.
 */
export function requesterCandidates(detail: SiteDetail, today: string): RequesterCandidate[] {
  // The site's detail holds only the lists and the companies that cover this site.
  const fromLists = detail.authorizationLists.flatMap((list) =>
    list.persons.map((person) => ({
      person,
      source: list.name,
      facts: {
        level: person.level,
        listCoversSite: true,
        validToday: validOn(person, today),
        installerApprovals: null,
      },
    })),
  );
  const installers = detail.serviceCompanies.flatMap((company) =>
    company.installers.map((person) => ({
      person,
      source: i18n.t('access:requester.serviceCompany', { name: company.name }),
      facts: {
        level: person.level,
        listCoversSite: true,
        validToday: validOn(person, today),
        installerApprovals: company.approvals
          .filter((a) => (a.personId === null || a.personId === person.id) && validOn(a, today))
          .map((a) => a.kind),
      },
    })),
  );
  return [...fromLists, ...installers];
}

export interface RequesterFieldProps {
  candidates: readonly RequesterCandidate[];
  value: string;
  onChange: (personId: string) => void;
  error?: string | undefined;
  testId: string;
}

/** The requester picker, grouped by list and service company; keyboard-usable as a plain select. */
export function RequesterField({ candidates, value, onChange, error, testId }: RequesterFieldProps) {
  const { t } = useTranslation('access');
  const groups = new Map<string, RequesterCandidate[]>();
  for (const candidate of candidates) {
    groups.set(candidate.source, [...(groups.get(candidate.source) ?? []), candidate]);
  }
  return (
    <FormField label={t('requester.label')} error={error} testId={testId}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="field__input"
          data-testid={testId}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('requester.choose')}</option>
          {[...groups].map(([source, members]) => (
            <optgroup key={source} label={source}>
              {members.map(({ person }) => (
                <option key={person.id} value={person.id}>
                  {`${person.name} (${person.level})`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FormField>
  );
}

export interface RequesterVerdictProps {
  candidate: RequesterCandidate | undefined;
  covers: { fire: boolean; intrusion: boolean };
  testId: string;
}

/**
 * The shared authority rule's verdict for the chosen person, shown before sending. Only a hint:
 * the server checks again and decides.
 */
export function RequesterVerdict({ candidate, covers, testId }: RequesterVerdictProps) {
  const { t } = useTranslation('access');
  if (!candidate) return null;
  const problem = requesterProblemText(candidate.facts, covers.fire, covers.intrusion);
  const name = candidate.person.name;
  return (
    <p
      className={problem ? 'verdict verdict--refused' : 'verdict verdict--allowed'}
      data-testid={testId}
      data-allowed={problem ? 'false' : 'true'}
      aria-live="polite"
    >
      {problem
        ? t('requester.refused', { name, problem })
        : t('requester.allowed', { name, level: candidate.person.level })}
    </p>
  );
}

/** Today in the centre's time zone as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return centreToday(now);
}

function validOn(period: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (!period.validFrom || period.validFrom <= day) && (!period.validTo || day <= period.validTo);
}
