import { type ApprovalKind } from '@arc/shared/authority';
import { requesterRefusalRef, requesterRefusalText } from '@arc/shared/i18n';
import { type Requester, type RequesterFacts, windowRequesterRefusal } from '@arc/shared/rules';
import { AppError } from '../../common/app-error.js';
import { centreTimeZone } from '../../common/centre-time.js';
import { type Db, first, notFoundError } from '../../database/sql-kit.js';

/**
 * Who asked for a service mode or block window, checked against docs/domain.md section 3. The facts
 * are loaded in one SQL statement and judged by the shared pure rule (windowRequesterProblem),
 * the same one the console uses to warn before sending.
 *
 * "Today" is the calendar day in the centre's time zone (CENTRE_TIME_ZONE, default Europe/Stockholm): a person's validFrom/validTo and an approval's
 * validity are written as Swedish calendar days, so 00:30 local time on the 1st is the 1st even
 * though it is still the 30th/31st in UTC.
 */
export async function checkedRequester(
  db: Db,
  personId: string,
  siteId: string,
  covers: { fire: boolean; intrusion: boolean },
): Promise<Requester> {
  const loaded = await loadRequester(db, personId, siteId);
  if (!loaded) throw notFoundError('person', personId, 'UNPROCESSABLE', 'requestedByPersonId');
  const refusal = windowRequesterRefusal(loaded.facts, covers.fire, covers.intrusion);
  if (refusal) {
    throw new AppError('UNPROCESSABLE', `Requester ${loaded.requester.name} ${requesterRefusalText(refusal)}`, {
      key: 'requesterRefused',
      params: { name: loaded.requester.name, reason: requesterRefusalRef(refusal) },
    });
  }
  return loaded.requester;
}

interface RequesterRow {
  id: string;
  name: string;
  level: Requester['level'];
  valid_today: boolean;
  service_company_id: string | null;
  covers_site: boolean;
  approvals: ApprovalKind[];
}

/**
 * A person may speak for a site when their list is linked to it (authorization_list_sites), or
 * when they are on the list of a service company that services it (service_company_sites). A
 * person on a company's list is always an installer: their approvals are the company's approvals
 * valid today that are company-wide (person_id null) or their own.
 */
export async function loadRequester(
  db: Db,
  personId: string,
  siteId: string,
): Promise<{ requester: Requester; facts: RequesterFacts } | undefined> {
  const row = await first<RequesterRow>(
    db,
    `WITH today AS (SELECT (now() AT TIME ZONE $3)::date AS d)
     SELECT p.id, p.name, p.level,
            (p.valid_from IS NULL OR p.valid_from <= today.d) AND (p.valid_to IS NULL OR today.d <= p.valid_to)
              AS valid_today,
            l.service_company_id,
            EXISTS (SELECT 1 FROM authorization_list_sites x WHERE x.list_id = p.list_id AND x.site_id = $2)
              OR EXISTS (SELECT 1 FROM service_company_sites y
                          WHERE y.service_company_id = l.service_company_id AND y.site_id = $2) AS covers_site,
            ARRAY(SELECT DISTINCT a.kind FROM approvals a
                   WHERE a.service_company_id = l.service_company_id
                     AND (a.person_id IS NULL OR a.person_id = p.id)
                     AND (a.valid_from IS NULL OR a.valid_from <= today.d)
                     AND (a.valid_to IS NULL OR today.d <= a.valid_to)
                   ORDER BY a.kind) AS approvals
       FROM persons p JOIN authorization_lists l ON l.id = p.list_id CROSS JOIN today
      WHERE p.id = $1`,
    [personId, siteId, centreTimeZone()],
  );
  if (!row) return undefined;
  return {
    requester: { personId: row.id, name: row.name, level: row.level },
    facts: {
      level: row.level,
      listCoversSite: row.covers_site,
      validToday: row.valid_today,
      installerApprovals: row.service_company_id ? row.approvals : null,
    },
  };
}
