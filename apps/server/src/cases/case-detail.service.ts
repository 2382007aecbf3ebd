import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AlarmCategory } from '@arc/shared/alarm';
import { type SessionUser } from '@arc/shared/auth';
import { type CaseSummary } from '@arc/shared/case';
import { type CaseTitleParams } from '@arc/shared/case-title';
import {
  type CaseDetail,
  type CaseHistoryEntry,
  type CaseHold,
  type CaseNote,
  type CaseResult,
  type CaseSignal,
  type CaseStep,
  type ContactAttempt,
  type EarlierCase,
  type HoldEndReason,
} from '@arc/shared/case-handling';
import { type ActionStep } from '@arc/shared/directory';
import { classifyEventCode } from '@arc/shared/event-codes';
import { type SignalDecision } from '@arc/shared/rules';
import { findZone, type TransmitterZone } from '@arc/shared/site-knowledge';
import type { DataSource } from 'typeorm';
import { type Db, first, iso, isoOrNull, rows, throwNotFound } from '../database/sql-kit.js';
import {
  caseSiteKnowledge,
  contactsOfSite,
  findSite,
  rostersByIds,
  transmittersOfSite,
  zonesOfSiteByAccount,
} from '../directory/index.js';
import { CaseSummariesService } from './case-summaries.service.js';
import { type AttemptRow, planStepsFor, toAttempt } from './records/case-records-db.js';

/** How many of the site's other cases the case screen lists. */
export const EARLIER_CASES_LIMIT = 20;

/**
 * The case screen's read model: the case with its signals, the action plan with what is ticked,
 * the site's contacts and on-call persons, earlier cases, every contact attempt, note, hold and
 * history entry (the content of report ZR0002).
 */
/** How many signals the case screen shows (the newest). */
export const MAX_CASE_SIGNALS = 500;

@Injectable()
export class CaseDetailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: CaseSummariesService,
  ) {}

  /** Everything about one case, read in one snapshot; 404 for an unknown case. */
  async detail(caseId: string): Promise<CaseDetail> {
    // The summary first: the snapshot below is at least as new as its version.
    const summary = (await this.summaries.summary(caseId)) ?? throwNotFound('case', caseId);
    return this.dataSource.transaction('REPEATABLE READ', (m) => readDetail(m, caseId, summary));
  }

  /** The open cases the user holds, in queue order (a console reload picks them up again). */
  async mine(user: SessionUser): Promise<CaseSummary[]> {
    const held = await rows<{ id: string }>(
      this.dataSource,
      `SELECT id FROM cases WHERE status = 'ACCEPTED' AND held_by_user_id = $1 ORDER BY priority, queued_at, id`,
      [user.id],
    );
    const summaries = await Promise.all(held.map((row) => this.summaries.summary(row.id)));
    return summaries.filter((s): s is CaseSummary => s !== null && s.status === 'ACCEPTED');
  }
}

interface DetailCaseRow {
  id: string;
  site_id: string | null;
  account: string;
  category: AlarmCategory;
  queued_at: Date;
  created_at: Date;
  first_presented_at: Date | null;
  accepted_at: Date | null;
  first_contact_at: Date | null;
  closed_at: Date | null;
  result: CaseResult | null;
  result_note: string | null;
  open_steps_reason: string | null;
  closed_by_user_id: string | null;
  closed_by_name: string | null;
}

async function readDetail(db: Db, caseId: string, summary: CaseSummary): Promise<CaseDetail> {
  const row =
    (await first<DetailCaseRow>(
      db,
      `SELECT c.id, c.site_id, c.account, c.category, c.queued_at, c.created_at, c.first_presented_at, c.accepted_at,
              c.first_contact_at, c.closed_at, c.result, c.result_note, c.open_steps_reason, c.closed_by_user_id,
              u.display_name AS closed_by_name
         FROM cases c LEFT JOIN users u ON u.id = c.closed_by_user_id
        WHERE c.id = $1`,
      [caseId],
    )) ?? throwNotFound('case', caseId);
  const siteId = row.site_id;
  const planSteps = await planStepsFor(db, siteId, row.category);
  const rosterIds = [...new Set((planSteps ?? []).flatMap((s) => (s.rosterId ? [s.rosterId] : [])))];
  const rosters = await rostersByIds(db, rosterIds, new Date());
  return {
    summary,
    times: {
      signalReceivedAt: iso(row.queued_at),
      queuedAt: iso(row.created_at),
      firstPresentedAt: isoOrNull(row.first_presented_at),
      acceptedAt: isoOrNull(row.accepted_at),
      firstContactAt: isoOrNull(row.first_contact_at),
      closedAt: isoOrNull(row.closed_at),
    },
    site: siteId ? ((await findSite(db, siteId)) ?? null) : null,
    transmitters: siteId ? await transmittersOfSite(db, siteId) : [],
    signals: withZoneNames(await signalsOfCase(db, caseId), siteId ? await zonesOfSiteByAccount(db, siteId) : null),
    steps: await stepsOfCase(db, caseId, planSteps),
    contacts: siteId ? await contactsOfSite(db, siteId) : [],
    onCall: rosters.map((roster) => ({ rosterId: roster.id, rosterName: roster.name, member: roster.onCallNow })),
    earlierCases: await earlierCases(db, row),
    attempts: await attemptsOfCase(db, caseId),
    notes: await notesOfCase(db, caseId),
    holds: await holdsOfCase(db, caseId),
    history: await historyOfCase(db, caseId),
    result:
      row.result && row.closed_by_user_id
        ? {
            code: row.result,
            note: row.result_note,
            openStepsReason: row.open_steps_reason,
            by: { userId: row.closed_by_user_id, name: row.closed_by_name ?? '' },
          }
        : null,
    siteKnowledge: await caseSiteKnowledge(db, siteId),
  };
}

/** Each signal with its zone's name from the directory, matched by transmitter account and zone. */
function withZoneNames(signals: CaseSignal[], zones: Map<string, TransmitterZone[]> | null): CaseSignal[] {
  return signals.map((signal) => {
    const zone = zones ? findZone(zones.get(signal.account) ?? [], signal.zone) : undefined;
    return { ...signal, zoneName: zone?.name ?? null, zoneLocation: zone?.location ?? null };
  });
}

interface SignalRow {
  id: string;
  received_at: Date;
  account: string;
  code: string;
  zone: string | null;
  text: string | null;
  decision: SignalDecision | null;
  unencrypted_from_keyed: boolean;
}

async function signalsOfCase(db: Db, caseId: string): Promise<CaseSignal[]> {
  const found = await rows<SignalRow>(
    db,
    // The newest MAX_CASE_SIGNALS, oldest first: a runaway case may hold thousands (the summary's
    // signalCount says how many there are in all).
    `SELECT * FROM (
       SELECT s.id::text AS id, s.received_at, s.account, s.code, s.zone, s.text, d.decision,
              s.unencrypted_from_keyed, s.id AS seq
         FROM signal_decisions d JOIN signals s ON s.id = d.signal_id
        WHERE d.case_id = $1 ORDER BY d.signal_id DESC LIMIT ${MAX_CASE_SIGNALS}
     ) newest ORDER BY received_at, seq`,
    [caseId],
  );
  return found.map((s) => ({
    id: s.id,
    receivedAt: iso(s.received_at),
    account: s.account,
    code: s.code,
    zone: s.zone,
    text: s.text,
    description: classifyEventCode(s.code)?.description ?? 'Unknown event code',
    decision: s.decision,
    unencryptedFromKeyed: s.unencrypted_from_keyed,
  }));
}

interface TickRow {
  step_id: string;
  position: number;
  type: ActionStep['type'];
  mandatory: boolean;
  label: string;
  user_id: string;
  user_name: string;
  at: Date;
  note: string | null;
}

/**
 * The plan's steps with their ticks. A tick whose step is no longer in the plan (the plan was
 * edited or deleted since) is shown from the snapshot taken when it was ticked.
 */
export async function stepsOfCase(db: Db, caseId: string, planSteps: ActionStep[] | null): Promise<CaseStep[] | null> {
  const ticks = await rows<TickRow>(
    db,
    `SELECT t.step_id, t.position, t.type, t.mandatory, t.label, t.user_id, u.display_name AS user_name, t.at, t.note
       FROM case_step_ticks t JOIN users u ON u.id = t.user_id
      WHERE t.case_id = $1 ORDER BY t.position, t.at`,
    [caseId],
  );
  if (planSteps === null && ticks.length === 0) return null;
  const tickOf = new Map(ticks.map((t) => [t.step_id, t]));
  const ticked = (t: TickRow | undefined): CaseStep['ticked'] =>
    t ? { at: iso(t.at), by: { userId: t.user_id, name: t.user_name }, note: t.note } : null;
  const live: CaseStep[] = (planSteps ?? []).map((step) => ({ ...step, ticked: ticked(tickOf.get(step.id)) }));
  const inPlan = new Set(live.map((s) => s.id));
  const orphans: CaseStep[] = ticks
    .filter((t) => !inPlan.has(t.step_id))
    .map((t) => ({
      id: t.step_id,
      position: t.position,
      type: t.type,
      contactId: null,
      rosterId: null,
      instruction: t.label,
      mandatory: t.mandatory,
      ticked: ticked(t),
    }));
  // Stable sort: at the same position the plan's step comes before an old tick's snapshot.
  return [...live, ...orphans].sort((a, b) => a.position - b.position);
}

interface EarlierRow {
  id: string;
  case_no: string;
  category: AlarmCategory;
  title: string;
  title_key: string | null;
  title_params: CaseTitleParams | null;
  queued_at: Date;
  closed_at: Date | null;
  result: CaseResult | null;
}

/** The site's other cases, newest first; for an unknown transmitter, the other cases of its account. */
async function earlierCases(db: Db, row: DetailCaseRow): Promise<EarlierCase[]> {
  const found = await rows<EarlierRow>(
    db,
    `SELECT id, case_no, category, title, title_key, title_params, queued_at, closed_at, result FROM cases
      WHERE id <> $1 AND ${row.site_id ? 'site_id = $2' : 'site_id IS NULL AND account = $2'}
      ORDER BY queued_at DESC, id DESC LIMIT $3`,
    [row.id, row.site_id ?? row.account, EARLIER_CASES_LIMIT],
  );
  return found.map((c) => ({
    id: c.id,
    caseNo: c.case_no,
    category: c.category,
    title: c.title,
    titleKey: c.title_key,
    titleParams: c.title_params,
    queuedAt: iso(c.queued_at),
    closedAt: isoOrNull(c.closed_at),
    result: c.result,
  }));
}

async function attemptsOfCase(db: Db, caseId: string): Promise<ContactAttempt[]> {
  const found = await rows<AttemptRow>(
    db,
    `SELECT a.id, a.at, a.user_id, u.display_name AS user_name, a.contact_id, a.name, a.route_kind, a.route_value,
            a.outcome, a.note
       FROM case_contact_attempts a JOIN users u ON u.id = a.user_id
      WHERE a.case_id = $1 ORDER BY a.at, a.id`,
    [caseId],
  );
  return found.map(toAttempt);
}

async function notesOfCase(db: Db, caseId: string): Promise<CaseNote[]> {
  const found = await rows<{ id: string; at: Date; user_id: string; user_name: string; text: string }>(
    db,
    `SELECT n.id, n.at, n.user_id, u.display_name AS user_name, n.text
       FROM case_notes n JOIN users u ON u.id = n.user_id
      WHERE n.case_id = $1 ORDER BY n.at, n.id`,
    [caseId],
  );
  return found.map((n) => ({ id: n.id, at: iso(n.at), by: { userId: n.user_id, name: n.user_name }, text: n.text }));
}

async function holdsOfCase(db: Db, caseId: string): Promise<CaseHold[]> {
  const found = await rows<{
    user_id: string;
    user_name: string;
    started_at: Date;
    ended_at: Date | null;
    end_reason: HoldEndReason | null;
  }>(
    db,
    `SELECT h.user_id, u.display_name AS user_name, h.started_at, h.ended_at, h.end_reason
       FROM case_holds h JOIN users u ON u.id = h.user_id
      WHERE h.case_id = $1 ORDER BY h.started_at, h.id`,
    [caseId],
  );
  return found.map((h) => ({
    by: { userId: h.user_id, name: h.user_name },
    from: iso(h.started_at),
    to: isoOrNull(h.ended_at),
    endReason: h.end_reason,
  }));
}

async function historyOfCase(db: Db, caseId: string): Promise<CaseHistoryEntry[]> {
  const found = await rows<{
    id: string;
    at: Date;
    type: string;
    actor_user_id: string | null;
    actor_name: string | null;
    data: Record<string, unknown>;
    signal_id: string | null;
  }>(
    db,
    `SELECT e.id::text AS id, e.at, e.type, e.actor_user_id, u.display_name AS actor_name, e.data,
            e.signal_id::text AS signal_id
       FROM case_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE e.case_id = $1 ORDER BY e.id`,
    [caseId],
  );
  return found.map((e) => ({
    id: e.id,
    at: iso(e.at),
    type: e.type,
    by: e.actor_user_id ? { userId: e.actor_user_id, name: e.actor_name ?? '' } : null,
    data: e.data,
    signalId: e.signal_id,
  }));
}
