import type { StepType } from '@arc/shared';

/** Labels used by more than one screen. */

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
