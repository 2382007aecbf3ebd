import { createHmac } from 'node:crypto';
import type { AlarmCategory } from '@arc/shared/alarm';
import type { StepType } from '@arc/shared/directory';

/** One step of a demo action plan; `contact` is an index into the site's contacts (call order). */
export interface DemoStep {
  type: StepType;
  contact?: number;
  roster?: true;
  instruction?: string;
  mandatory: boolean;
}

/**
 * The action plans of the demo's live sites, one per category, in the wording of a Swedish
 * centre's instructions (in English, as the console is). A site with one contact gets the steps
 * of that one only.
 */
export function demoPlan(category: AlarmCategory, contactCount: number): DemoStep[] {
  const call = (contact: number, mandatory: boolean, instruction?: string): DemoStep[] =>
    contact < contactCount ? [{ type: 'CALL_CONTACT', contact, mandatory, instruction }] : [];
  switch (category) {
    case 'FIRE':
      return [
        {
          type: 'ALERT_RESCUE_SERVICE',
          mandatory: true,
          instruction: 'Alert the rescue service at once (SOS Alarm 112): address, zone, entrance.',
        },
        ...call(0, true, 'Key holder: meet the rescue service at the entrance.'),
        ...call(1, false),
        {
          type: 'INSTRUCTION',
          mandatory: false,
          instruction: 'If a key holder on site reports a false alarm, tell the rescue service; they decide.',
        },
      ];
    case 'HOLDUP':
      return [
        {
          type: 'INSTRUCTION',
          mandatory: true,
          instruction: 'Never call the site back during a hold-up alarm: it may put staff in danger.',
        },
        { type: 'ALERT_POLICE', mandatory: true, instruction: 'Police 112: hold-up alarm, address and zone.' },
        { type: 'DISPATCH_GUARD', mandatory: true, instruction: 'Guard waits at a distance for the police.' },
        ...call(0, false, 'Only once the police say the site is safe.'),
      ];
    case 'INTRUSION':
      return [
        ...call(0, true),
        ...call(1, false),
        {
          type: 'DISPATCH_GUARD',
          mandatory: true,
          instruction: 'Dispatch a guard unless a key holder confirms a false alarm within 10 minutes.',
        },
        { type: 'ALERT_POLICE', mandatory: false, instruction: 'When the guard or a camera confirms a break-in.' },
      ];
    case 'TECHNICAL':
    case 'SERVICE':
      return [
        { type: 'CALL_ON_CALL', roster: true, mandatory: true, instruction: 'The technician on call this week.' },
        ...call(0, false, 'Tell the site about the fault during office hours.'),
        {
          type: 'INSTRUCTION',
          mandatory: false,
          instruction: 'Ask the technician to confirm the repair with a test signal before you close.',
        },
      ];
  }
}

export const DEMO_PLAN_CATEGORIES: readonly AlarmCategory[] = ['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'];

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * An authority person's password in the demo: derived from DEMO_CALLER_SECRET (generated once by
 * demo.sh and kept in .demo/env), the account and the name. So it is not in the repository, stays
 * the same on every run with the same .demo/env, and differs between demo installations.
 */
export function demoCallerPassword(secret: string, account: string, name: string): string {
  const digest = createHmac('sha256', secret).update(`demo-caller:${account}:${name}`).digest();
  let password = '';
  for (let i = 0; i < 10; i += 1) password += PASSWORD_ALPHABET[digest[i]! % PASSWORD_ALPHABET.length];
  return password;
}
