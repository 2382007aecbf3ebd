import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type { CaseSummary } from '@arc/shared/case';
import type {
  IntakeBlockWindowInputSchema,
  IntakeCancelCaseInputSchema,
  IntakeEndServiceModeInputSchema,
  IntakeMessageInputSchema,
  IntakeServiceModeInputSchema,
  ManagerMessage,
  SiteStatus,
} from '@arc/shared/intake';
import type { BlockWindow, ServiceMode } from '@arc/shared/rules';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  caseJobId,
  CASES_QUEUE,
  CaseEffectsService,
  CaseHandlingService,
  CaseSummariesService,
  closeCase,
  openCasesOfSite,
  requireCase,
  type PresentCaseJob,
} from '../cases/index.js';
import { AppError } from '../common/app-error.js';
import { iso, rows } from '../database/sql-kit.js';
import { inputCategoryOfTransmitter } from '../directory/index.js';
import { centreMinute, centreMinuteNamed } from '../common/centre-time.js';
import {
  BlockWindowsService,
  findServiceMode,
  listBlockWindows,
  listServiceModes,
  ServiceModesService,
} from '../rules/index.js';
import {
  callerName,
  CallerVerificationService,
  requireAuthority,
  type VerifiedCaller,
} from './caller-verification.service.js';
import { appendOutcome, categoriesCovered, siteCategories } from './intake-db.js';

type ServiceModeData = z.output<typeof IntakeServiceModeInputSchema>;
type EndServiceModeData = z.output<typeof IntakeEndServiceModeInputSchema>;
type BlockWindowData = z.output<typeof IntakeBlockWindowInputSchema>;
type CancelData = z.output<typeof IntakeCancelCaseInputSchema>;
type MessageData = z.output<typeof IntakeMessageInputSchema>;

/**
 * What a verified caller may ask for on the phone (docs/domain.md section 3). Each action checks, in
 * its own transaction, the fresh verification (CallerVerificationService.requireVerified: 403)
 * and the authority table for every category it touches (422 with the table's reason), records
 * the verified person as the one who asked, and appends a line to the call's record. Service
 * modes and block windows go through the same services (and so the same limits, overlap rules,
 * audit and timers) as their own routes.
 */
@Injectable()
export class IntakeActionsService {
  private readonly logger = new Logger(IntakeActionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verification: CallerVerificationService,
    private readonly serviceModes: ServiceModesService,
    private readonly blockWindows: BlockWindowsService,
    private readonly effects: CaseEffectsService,
    private readonly summaries: CaseSummariesService,
    private readonly handling: CaseHandlingService,
    @InjectQueue(CASES_QUEUE) private readonly queue: Queue<PresentCaseJob>,
  ) {}

  serviceMode(user: SessionUser, callId: string, input: ServiceModeData): Promise<ServiceMode> {
    let caller: VerifiedCaller;
    return this.serviceModes.createAs(
      user,
      {
        transmitterId: input.transmitterId,
        category: input.category,
        durationMinutes: input.durationMinutes,
        reason: input.reason,
      },
      {
        requester: async (m, transmitter) => {
          caller = await this.verification.requireVerified(m, user, callId, input.verificationId, transmitter.siteId);
          requireAuthority(caller, 'SERVICE_MODE', categoriesCovered(input.category, transmitter.inputCategory));
          return caller.requester;
        },
        recorded: async (m, id) => {
          const mode = (await findServiceMode(m, id))!;
          await appendOutcome(
            m,
            callId,
            'SERVICE_MODE_SET',
            `Service mode on transmitter ${mode.account} (${mode.category ?? 'all categories'}) until ` +
              `${centreMinuteNamed(mode.endsAt)}, asked by ${callerName(caller)}`,
          );
        },
      },
    );
  }

  endServiceMode(user: SessionUser, callId: string, input: EndServiceModeData): Promise<ServiceMode> {
    let caller: VerifiedCaller;
    return this.serviceModes.endAs(
      user,
      input.serviceModeId,
      async (m, mode) => {
        caller = await this.verification.requireVerified(m, user, callId, input.verificationId, mode.siteId);
        const inputCategory = await inputCategoryOfTransmitter(m, mode.transmitterId);
        requireAuthority(caller, 'END_SERVICE_MODE', categoriesCovered(mode.category, inputCategory));
      },
      async (m, mode) => {
        await appendOutcome(
          m,
          callId,
          'SERVICE_MODE_ENDED',
          `Service mode on transmitter ${mode.account} (${mode.category ?? 'all categories'}) ended, ` +
            `asked by ${callerName(caller)}`,
        );
      },
    );
  }

  blockWindow(user: SessionUser, callId: string, input: BlockWindowData): Promise<BlockWindow> {
    let caller: VerifiedCaller;
    return this.blockWindows.createAs(
      user,
      {
        transmitterId: input.transmitterId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        requestDate: input.requestDate,
        reference: input.reference,
        reason: input.reason,
      },
      {
        requester: async (m, transmitter) => {
          caller = await this.verification.requireVerified(m, user, callId, input.verificationId, transmitter.siteId);
          // A block window silences the whole transmitter.
          requireAuthority(caller, 'BLOCK_WINDOW', categoriesCovered(null, transmitter.inputCategory));
          return caller.requester;
        },
        recorded: async (m) => {
          await appendOutcome(
            m,
            callId,
            'BLOCK_WINDOW_REGISTERED',
            `Block window ${centreMinute(input.startsAt)} – ${centreMinuteNamed(input.endsAt)} (ref. ${input.reference}) ` +
              `registered, asked by ${callerName(caller)}`,
          );
        },
      },
    );
  }

  /**
   * Closes an open case of the verified site as a false alarm (user error), waiting or held: a
   * holder's hold ends as CLOSED. Never a hold-up (the authority table).
   */
  async cancelCase(user: SessionUser, callId: string, input: CancelData): Promise<CaseSummary> {
    const { priority, wasQueued } = await this.dataSource.transaction(async (m) => {
      const target = await requireCase(m, input.caseId, true);
      const caller = await this.verification.requireVerified(m, user, callId, input.verificationId, target.site_id);
      if (target.status === 'CLOSED') {
        throw new AppError('CONFLICT', `Case ${target.case_no} is already closed`, {
          key: 'caseAlreadyClosed',
          params: { caseNo: target.case_no },
        });
      }
      requireAuthority(caller, 'CANCEL_FALSE_ALARM', [target.category]);
      const note =
        `Cancelled by ${caller.requester.name} (level ${caller.requester.level}) by phone` +
        (input.note ? `: ${input.note}` : '');
      if (target.status === 'ACCEPTED') await this.handling.endHold(m, target.id, 'CLOSED');
      await closeCase(m, target.id, user.id, {
        result: 'FALSE_ALARM_USER_ERROR',
        note,
        openStepsReason: null,
        openSteps: [],
        cancelledBy: { ...caller.requester, verificationId: caller.verificationId, callId },
      });
      await appendOutcome(
        m,
        callId,
        'ALARM_CANCELLED',
        `Case ${target.case_no} (${target.category}) cancelled as a false alarm, asked by ${callerName(caller)}`,
      );
      return { priority: Number(target.priority), wasQueued: target.status === 'QUEUED' };
    });
    if (wasQueued) {
      // Out of the queue. Not awaited: with Redis down the command waits for a reconnect, and a
      // job left behind (or being taken right now) finds the case closed and is dropped as stale.
      void this.queue.remove(caseJobId(input.caseId)).catch(() => 0);
    }
    try {
      await this.effects.afterCommit([{ caseId: input.caseId, created: false, priority }]);
    } catch (error) {
      this.logger.warn(`Publishing cancelled case ${input.caseId} failed: ${String(error)}`);
    }
    return (await this.summaries.summary(input.caseId))!;
  }

  /** Open cases, service modes in force and block windows not yet ended, of the call's site. */
  status(user: SessionUser, callId: string, verificationId: string): Promise<SiteStatus> {
    return this.dataSource.transaction(async (m) => {
      const caller = await this.verification.requireVerified(m, user, callId, verificationId);
      const siteId = caller.siteId;
      requireAuthority(caller, 'STATUS', await siteCategories(m, siteId));
      const open = await openCasesOfSite(m, siteId);
      const modes = await listServiceModes(m, { siteId, active: true });
      const windows = (await listBlockWindows(m, { siteId })).filter(
        (w) => w.state === 'SCHEDULED' || w.state === 'ACTIVE',
      );
      await appendOutcome(
        m,
        callId,
        'STATUS_GIVEN',
        `Status given to ${callerName(caller)}: ${open.length} open case(s), ${modes.length} service mode(s), ` +
          `${windows.length} block window(s)`,
      );
      return {
        siteId,
        openCases: open,
        serviceModes: modes.map((s) => ({ id: s.id, account: s.account, category: s.category, endsAt: s.endsAt })),
        blockWindows: windows
          .map((w) => ({ id: w.id, account: w.account, startsAt: w.startsAt, endsAt: w.endsAt, state: w.state }))
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      };
    });
  }

  /** A message for the contract manager of the call's site (the site's contract, if any). */
  message(user: SessionUser, callId: string, input: MessageData): Promise<ManagerMessage> {
    return this.dataSource.transaction(async (m) => {
      const caller = await this.verification.requireVerified(m, user, callId, input.verificationId);
      requireAuthority(caller, 'MESSAGE', await siteCategories(m, caller.siteId));
      const [row] = await rows<{ id: string; at: Date; contract_id: string | null }>(
        m,
        `INSERT INTO manager_messages (call_id, site_id, contract_id, from_person_id, from_person_name, text,
                                       taken_by_user_id)
         SELECT $1, s.id, s.contract_id, $3, $4, $5, $6 FROM sites s WHERE s.id = $2
         RETURNING id, at, contract_id`,
        [callId, caller.siteId, caller.requester.personId, caller.requester.name, input.text, user.id],
      );
      await appendOutcome(
        m,
        callId,
        'MESSAGE_TAKEN',
        `Message for the contract manager taken from ${callerName(caller)}`,
      );
      return {
        id: row!.id,
        at: iso(row!.at),
        contractId: row!.contract_id,
        siteId: caller.siteId,
        fromPerson: { id: caller.requester.personId!, name: caller.requester.name },
        text: input.text,
        takenBy: { userId: user.id, name: user.displayName },
      };
    });
  }
}
