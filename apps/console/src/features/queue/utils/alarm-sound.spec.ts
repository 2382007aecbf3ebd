import type { CaseSummary } from '@arc/shared/case';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../test/fixtures';
import { selectAlarmSound } from './alarm-sound';

function byId(...cases: CaseSummary[]): Record<string, CaseSummary> {
  return Object.fromEntries(cases.map((c) => [c.id, c]));
}

describe('selectAlarmSound', () => {
  it('is off with nothing waiting', () => {
    expect(selectAlarmSound({}, {})).toBe('off');
    expect(selectAlarmSound(byId(makeCase({ status: 'ACCEPTED', category: 'FIRE' })), {})).toBe('off');
  });

  it('sounds the normal tone for other waiting alarms', () => {
    expect(selectAlarmSound(byId(makeCase({ category: 'INTRUSION' }), makeCase({ category: 'TECHNICAL' })), {})).toBe(
      'normal',
    );
  });

  it('lets the most urgent waiting case pick the tone: fire over hold-up over the rest', () => {
    const intrusion = makeCase({ category: 'INTRUSION' });
    const holdup = makeCase({ category: 'HOLDUP' });
    const fire = makeCase({ category: 'FIRE' });
    expect(selectAlarmSound(byId(intrusion, holdup), {})).toBe('holdup');
    expect(selectAlarmSound(byId(intrusion, holdup, fire), {})).toBe('fire');
    // A fire alarm someone already took does not count.
    expect(selectAlarmSound(byId(intrusion, { ...fire, status: 'ACCEPTED' }), {})).toBe('normal');
  });

  it('stays quiet while every waiting case is silenced, and a new one brings back the most urgent tone', () => {
    const fire = makeCase({ category: 'FIRE' });
    expect(selectAlarmSound(byId(fire), { [fire.id]: true })).toBe('off');

    const intrusion = makeCase({ category: 'INTRUSION' });
    expect(selectAlarmSound(byId(fire, intrusion), { [fire.id]: true })).toBe('fire');
  });
});
