import type { ApprovalKind } from '@arc/shared';

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

export function formatDateTime(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('sv-SE');
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
