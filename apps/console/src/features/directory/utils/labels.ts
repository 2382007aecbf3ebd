import type { ApprovalKind } from '@arc/shared/authority';
import { i18n } from '../../../lib/i18n/i18n';
import { formatDateTime as centreDateTime } from '../../../utils/time';

export function approvalKindLabel(kind: ApprovalKind): string {
  switch (kind) {
    case 'POLICE_INTRUSION':
    case 'FIRE_CERTIFICATE':
      return i18n.t(`directory:approvalKind.${kind}`);
    default: {
      const unexpected: never = kind;
      return String(unexpected);
    }
  }
}

export function formatPeriod(from: string | null, to: string | null): string {
  if (!from && !to) return i18n.t('directory:label.always');
  return `${from ?? '…'} – ${to ?? '…'}`;
}

/** 2026-12-01 21:43:05 in the centre's zone; "never" for none. */
export function formatDateTime(iso: string | null): string {
  return iso ? centreDateTime(iso) : i18n.t('directory:label.never');
}

export function yesNo(value: boolean): string {
  return value ? i18n.t('directory:label.yes') : i18n.t('directory:label.no');
}
