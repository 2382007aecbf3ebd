import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SessionUser } from '@arc/shared/auth';
import {
  closeResultProblem,
  type CaseDetail,
  type CaseNote,
  type CaseNoteInputSchema,
  type CaseStep,
  type CloseCaseInputSchema,
  type ContactAttempt,
  type ContactAttemptInputSchema,
  type StepTickInputSchema,
} from '@arc/shared/case-handling';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppError } from '../common/app-error.js';
import { first, iso, rows } from '../database/sql-kit.js';
import { CaseDetailService, stepsOfCase } from './case-detail.service.js';
import { CaseHandlingService } from './case-handling.service.js';
import { CaseEffectsService } from './case-effects.service.js';
import {
  appendCaseEvent,
  type AttemptRow,
  type CaseRow,
  closeCase,
  labelOf,
  planStepsFor,
  requireCase,
  stepNames,
  toAttempt,
} from './records/case-records-db.js';

type AttemptData = z.output<typeof ContactAttemptInputSchema>;
type TickData = z.output<typeof StepTickInputSchema>;
type NoteData = z.output<typeof CaseNoteInputSchema>;
type CloseData = z.output<typeof CloseCaseInputSchema>;

/**
 * What the operator records on a case while working it: contact attempts, ticked action-plan
 * steps, notes, and the close with its result. Each write runs in one transaction with the case
 * row locked, appends to the case history, and tells the consoles after commit.
 */
@Injectable()
export class CaseRecordsService {
  private readonly logger = new Logger(CaseRecordsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handling: CaseHandlingService,
    private readonly effects: CaseEffectsService,
    private readonly details: CaseDetailService,
  ) {}

  /** Holder only. The first attempt's time becomes the case's first contact time. */
  async addAttempt(user: SessionUser, caseId: string, input: AttemptData): Promise<ContactAttempt> {
    const { attempt, row } = await this.dataSource.transaction(async (m) => {
      const row = await this.lockHeld(m, caseId, user);
      if (input.contactId) {
        // KEY SHARE: the contact cannot be deleted under the insert that refers to it.
        const contact = await first<{ site_id: string; routes: { kind: string; value: string }[] }>(
          m,
          `SELECT site_id, routes FROM contacts WHERE id = $1 FOR KEY SHARE`,
          [input.contactId],
        );
        if (!contact) {
          throw new AppError('UNPROCESSABLE', `contactId: contact ${input.contactId} does not exist`, {
            key: 'notFound',
            params: { entity: 'contact', id: input.contactId },
          });
        }
        if (contact.site_id !== row.site_id) {
          throw new AppError(
            'UNPROCESSABLE',
            `contactId: contact ${input.contactId} is not a contact of the site of case ${row.case_no}`,
            { key: 'contactNotOfCaseSite', params: { contactId: input.contactId, caseNo: row.case_no } },
          );
        }
        // The outcome was checked against routeKind; the kind must be the route's real one.
        if (!contact.routes.some((r) => r.kind === input.routeKind && r.value === input.routeValue)) {
          throw new AppError(
            'VALIDATION',
            `routeValue: ${input.routeKind} ${input.routeValue} is not a route of contact ${input.contactId}`,
            {
              key: 'routeNotOfContact',
              params: { routeKind: input.routeKind, routeValue: input.routeValue, contactId: input.contactId },
            },
          );
        }
      }
      const [inserted] = await rows<{ id: string; at: Date }>(
        m,
        `INSERT INTO case_contact_attempts (case_id, user_id, contact_id, name, route_kind, route_value, outcome, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, at`,
        [caseId, user.id, input.contactId, input.name, input.routeKind, input.routeValue, input.outcome, input.note],
      );
      await m.query(
        `UPDATE cases SET first_contact_at = COALESCE(first_contact_at, $2), version = version + 1 WHERE id = $1`,
        [caseId, inserted!.at],
      );
      const attempt = toAttempt({
        id: inserted!.id,
        at: inserted!.at,
        user_id: user.id,
        user_name: user.displayName,
        contact_id: input.contactId,
        name: input.name,
        route_kind: input.routeKind,
        route_value: input.routeValue,
        outcome: input.outcome,
        note: input.note,
      } satisfies AttemptRow);
      await appendCaseEvent(m, caseId, 'CONTACT_ATTEMPT', user.id, {
        attemptId: attempt.id,
        contactId: attempt.contactId,
        name: attempt.name,
        routeKind: attempt.routeKind,
        routeValue: attempt.routeValue,
        outcome: attempt.outcome,
        note: attempt.note,
      });
      return { attempt, row };
    });
    await this.publish(row);
    return attempt;
  }

  /**
   * Holder only. The step must be in the site's current plan for the case's category; its
   * snapshot (position, type, mandatory, label) is stored so a later plan edit does not change
   * what the case shows. A step is ticked once.
   */
  async tickStep(user: SessionUser, caseId: string, stepId: string, input: TickData): Promise<CaseStep> {
    const { step, row } = await this.dataSource.transaction(async (m) => {
      const row = await this.lockHeld(m, caseId, user);
      const planSteps = await planStepsFor(m, row.site_id, row.category);
      const planStep = planSteps?.find((s) => s.id === stepId);
      if (!planStep) {
        throw new AppError(
          'UNPROCESSABLE',
          `step ${stepId} is not a step of the ${row.category} action plan of the site of case ${row.case_no}`,
          { key: 'stepNotInPlan', params: { stepId, category: row.category, caseNo: row.case_no } },
        );
      }
      const label = labelOf(planStep, await stepNames(m, [planStep]));
      const [tick] = await rows<{ at: Date }>(
        m,
        `INSERT INTO case_step_ticks (case_id, step_id, position, type, mandatory, label, user_id, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (case_id, step_id) DO NOTHING RETURNING at`,
        [caseId, stepId, planStep.position, planStep.type, planStep.mandatory, label, user.id, input.note],
      );
      if (!tick) {
        const earlier = await first<{ at: Date; name: string }>(
          m,
          `SELECT t.at, u.display_name AS name FROM case_step_ticks t JOIN users u ON u.id = t.user_id
            WHERE t.case_id = $1 AND t.step_id = $2`,
          [caseId, stepId],
        );
        throw new AppError(
          'CONFLICT',
          `Step ${planStep.position} "${label}" was already ticked${earlier ? ` by ${earlier.name} at ${iso(earlier.at)}` : ''}`,
          earlier
            ? {
                key: 'stepAlreadyTickedBy',
                params: { position: planStep.position, label, name: earlier.name, at: iso(earlier.at) },
              }
            : { key: 'stepAlreadyTicked', params: { position: planStep.position, label } },
        );
      }
      await m.query(`UPDATE cases SET version = version + 1 WHERE id = $1`, [caseId]);
      await appendCaseEvent(m, caseId, 'STEP_TICKED', user.id, {
        stepId,
        position: planStep.position,
        label,
        mandatory: planStep.mandatory,
        note: input.note,
      });
      const step: CaseStep = {
        ...planStep,
        ticked: { at: iso(tick.at), by: { userId: user.id, name: user.displayName }, note: input.note },
      };
      return { step, row };
    });
    await this.publish(row);
    return step;
  }

  /** The holder, or any supervisor or administrator (also on a case someone else holds or a closed one). */
  async addNote(user: SessionUser, caseId: string, input: NoteData): Promise<CaseNote> {
    const { note, row } = await this.dataSource.transaction(async (m) => {
      const row =
        user.role === 'supervisor' || user.role === 'admin'
          ? await requireCase(m, caseId, true)
          : await this.lockHeld(m, caseId, user);
      const [inserted] = await rows<{ id: string; at: Date }>(
        m,
        `INSERT INTO case_notes (case_id, user_id, text) VALUES ($1, $2, $3) RETURNING id, at`,
        [caseId, user.id, input.text],
      );
      await m.query(`UPDATE cases SET version = version + 1 WHERE id = $1`, [caseId]);
      await appendCaseEvent(m, caseId, 'NOTE_ADDED', user.id, { noteId: inserted!.id, text: input.text });
      const note: CaseNote = {
        id: inserted!.id,
        at: iso(inserted!.at),
        by: { userId: user.id, name: user.displayName },
        text: input.text,
      };
      return { note, row };
    });
    await this.publish(row);
    return note;
  }

  /**
   * Holder only. Hold-up alarms cannot be closed as cancelled by a caller; an open mandatory
   * step needs a reason. Closing ends the hold; the case leaves every queue.
   */
  async close(user: SessionUser, caseId: string, input: CloseData): Promise<CaseDetail> {
    const row = await this.dataSource.transaction(async (m) => {
      const row = await this.lockHeld(m, caseId, user);
      const problem = closeResultProblem(row.category, input.result);
      if (problem) throw new AppError('UNPROCESSABLE', problem, { key: 'holdupNotCancelledByCaller' });
      const planSteps = await planStepsFor(m, row.site_id, row.category);
      const steps = (await stepsOfCase(m, caseId, planSteps)) ?? [];
      const open = steps.filter((s) => s.mandatory && s.ticked === null);
      const names = await stepNames(m, open);
      const openLabels = open.map((s) => `${s.position}. ${labelOf(s, names)}`);
      if (open.length > 0 && !input.openStepsReason) {
        throw new AppError(
          'UNPROCESSABLE',
          `${open.length} mandatory ${open.length === 1 ? 'step is' : 'steps are'} not done: ` +
            `${openLabels.join('; ')}; give a reason to close anyway`,
          { key: 'mandatoryStepsOpen', params: { count: open.length, steps: openLabels.join('; ') } },
        );
      }
      await closeCase(m, caseId, user.id, {
        result: input.result,
        note: input.note,
        openStepsReason: input.openStepsReason,
        openSteps: openLabels,
      });
      await this.handling.endHold(m, caseId, 'CLOSED');
      return row;
    });
    await this.publish(row);
    return this.details.detail(caseId);
  }

  /**
   * Locks the case row and checks that the caller holds it (CaseHandlingService.lockHeld: 404 for
   * an unknown case, 409 when someone else holds it, it waits in the queue or is closed).
   */
  private async lockHeld(m: EntityManager, caseId: string, user: SessionUser): Promise<CaseRow> {
    await this.handling.lockHeld(m, caseId, user);
    return requireCase(m, caseId);
  }

  /** After commit: the consoles get the case's summary. A failure here must not fail the committed write. */
  private async publish(row: CaseRow): Promise<void> {
    try {
      await this.effects.afterCommit([{ caseId: row.id, created: false, priority: Number(row.priority) }]);
    } catch (error) {
      this.logger.warn(`Publishing case ${row.case_no} failed: ${String(error)}`);
    }
  }
}
