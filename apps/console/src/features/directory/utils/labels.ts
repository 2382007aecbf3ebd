import type { ApprovalKind } from '@arc/shared/authority';
import { formatDateTime as centreDateTime } from '../../../utils/time';

export function approvalKindLabel(kind: ApprovalKind): string {
  switch (kind) {
    case 'POLICE_INTRUSION':
      return 'Police approval (intrusion)';
    case 'FIRE_CERTIFICATE':
      return 'Fire certificate';
    default: {
      const unexpected: never = kind;
      return String(unexpected);
    }
  }
}

export function formatPeriod(from: string | null, to: string | null): string {
  if (!from && !to) return 'always';
  return `${from ?? '…'} – ${to ?? '…'}`;
}

/** 2026-12-01 21:43:05 in the centre's zone; "never" for none. */
export function formatDateTime(iso: string | null): string {
  return iso ? centreDateTime(iso) : 'never';
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
