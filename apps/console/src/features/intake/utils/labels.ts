import type { IntakeAction, IntakeOutcome, VerificationResult } from '@arc/shared/intake';
import { formatDateTime as centreDateTime, formatTimeShort } from '../../../utils/time';

export function actionLabel(action: IntakeAction): string {
  switch (action) {
    case 'SERVICE_MODE':
      return 'Service mode';
    case 'END_SERVICE_MODE':
      return 'End service mode';
    case 'BLOCK_WINDOW':
      return 'Block window';
    case 'CANCEL_FALSE_ALARM':
      return 'Cancel as false alarm';
    case 'STATUS':
      return 'Status';
    case 'MESSAGE':
      return 'Message for the contract manager';
    case 'CHANGE_DIRECTORY':
      return 'Change contacts, passwords or action plan';
    default: {
      const unexpected: never = action;
      return String(unexpected);
    }
  }
}

export function outcomeLabel(outcome: IntakeOutcome): string {
  switch (outcome) {
    case 'SERVICE_MODE_SET':
      return 'Service mode set';
    case 'SERVICE_MODE_ENDED':
      return 'Service mode ended';
    case 'BLOCK_WINDOW_REGISTERED':
      return 'Block window registered';
    case 'ALARM_CANCELLED':
      return 'Alarm cancelled';
    case 'STATUS_GIVEN':
      return 'Status given';
    case 'MESSAGE_TAKEN':
      return 'Message taken';
    case 'REFUSED':
      return 'Refused';
    case 'NOT_VERIFIED':
      return 'Caller not verified';
    case 'OTHER':
      return 'Other';
    default: {
      const unexpected: never = outcome;
      return String(unexpected);
    }
  }
}

export function verificationResultLabel(result: VerificationResult): string {
  switch (result) {
    case 'VERIFIED':
      return 'Verified';
    case 'WRONG_PASSWORD':
      return 'Not verified: wrong password';
    case 'LOCKED':
      return 'Not verified: locked';
    case 'NO_PASSWORD':
      return 'Not verified: no password set';
    case 'NOT_AUTHORIZED':
      return 'Not verified: not authorized for this site';
    default: {
      const unexpected: never = result;
      return String(unexpected);
    }
  }
}

/** Elapsed or remaining time as m:ss (h:mm:ss from an hour); negative counts as zero. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** 2026-12-01 21:43:05 in the centre's zone. */
export function formatDateTime(iso: string | null): string {
  return iso ? centreDateTime(iso) : '—';
}

/** 21:43 in the centre's zone. */
export function formatTime(iso: string): string {
  return formatTimeShort(iso);
}
