import type { ApprovalKind, StepType } from '@arc/shared';

export function stepTypeLabel(type: StepType): string {
  switch (type) {
    case 'CALL_CONTACT':
      return 'Call contact';
    case 'CALL_ON_CALL':
      return 'Call on-call';
    case 'DISPATCH_GUARD':
      return 'Dispatch guard';
    case 'ALERT_RESCUE_SERVICE':
      return 'Alert rescue service';
    case 'ALERT_POLICE':
      return 'Alert police';
    case 'INSTRUCTION':
      return 'Instruction';
    default: {
      const unexpected: never = type;
      return String(unexpected);
    }
  }
}

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
