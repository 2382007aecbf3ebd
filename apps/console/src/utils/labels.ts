import type { AlarmCategory } from '@arc/shared/alarm';
import type { CaseResult } from '@arc/shared/case-handling';
import type { StepType } from '@arc/shared/directory';

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

export function categoryLabel(category: AlarmCategory): string {
  switch (category) {
    case 'FIRE':
      return 'Fire';
    case 'HOLDUP':
      return 'Hold-up';
    case 'INTRUSION':
      return 'Intrusion';
    case 'TECHNICAL':
      return 'Technical';
    case 'SERVICE':
      return 'Service';
    default: {
      const unexpected: never = category;
      return String(unexpected);
    }
  }
}

export function resultLabel(result: CaseResult): string {
  switch (result) {
    case 'REAL_ALARM':
      return 'Real alarm';
    case 'FALSE_ALARM_USER_ERROR':
      return 'False alarm (user error)';
    case 'TECHNICAL_FAULT':
      return 'Technical fault';
    case 'TEST':
      return 'Test';
    case 'CANCELLED_BY_CALLER':
      return 'Cancelled by caller';
    case 'UNKNOWN':
      return 'Unknown';
    default: {
      const unexpected: never = result;
      return String(unexpected);
    }
  }
}
