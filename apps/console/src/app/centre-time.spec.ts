// The browser's own zone is New York here: every time shown must still be the centre's.
process.env.TZ = 'America/New_York';

import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime as caseDateTime, formatTime as caseTime } from '../features/case/utils/labels';
import { formatDateTime as directoryDateTime } from '../features/directory/utils/labels';
import { formatTime as intakeTime } from '../features/intake/utils/labels';
import { cursorTime, timeAxisValues } from '../features/supervisor/components/history-chart';
import { formatTime as supervisorTime, formatWhen as supervisorWhen } from '../features/supervisor/utils/format';
import { formatDateTime as userDateTime } from '../features/users/utils/user-messages';
import {
  centreInputToIso,
  centreTimeZone,
  centreToday,
  formatDate,
  formatDateTime,
  formatDateTimeShort,
  formatTime,
  formatTimeShort,
  formatWhen,
  setCentreTimeZone,
  toCentreInput,
} from '../utils/time';

vi.mock('uplot', async () => ({ default: (await import('../features/supervisor/test/fake-uplot')).FakeUPlot }));

const AT = '2026-12-01T21:43:05.000Z';

afterEach(() => setCentreTimeZone('Europe/Stockholm'));

describe("times in the centre's zone, 24-hour", () => {
  it('the browser is in another zone, so the local time would differ', () => {
    expect(new Date(AT).getHours()).toBe(16);
  });

  it('formats in Europe/Stockholm by default', () => {
    expect(centreTimeZone()).toBe('Europe/Stockholm');
    expect(formatDateTime(AT)).toBe('2026-12-01 22:43:05');
    expect(formatDateTimeShort(AT)).toBe('2026-12-01 22:43');
    expect(formatTime(AT)).toBe('22:43:05');
    expect(formatTimeShort(AT)).toBe('22:43');
    expect(formatDate('2026-12-01T23:30:00.000Z')).toBe('2026-12-02');
    expect(centreToday(new Date('2026-12-01T23:30:00.000Z'))).toBe('2026-12-02');
    expect(formatWhen(AT, new Date('2026-12-01T22:00:00.000Z'))).toBe('22:43');
    expect(formatWhen(AT, new Date('2026-12-03T10:00:00.000Z'))).toBe('2026-12-01 22:43');
    expect(formatDateTime(null)).toBe('');
  });

  it("every feature's formatter delegates to it", () => {
    expect(caseDateTime(AT)).toBe('2026-12-01 22:43:05');
    expect(caseTime(AT)).toBe('22:43:05');
    expect(directoryDateTime(AT)).toBe('2026-12-01 22:43:05');
    expect(intakeTime(AT)).toBe('22:43');
    expect(supervisorTime(AT)).toBe('22:43:05');
    expect(supervisorWhen(AT, new Date('2026-12-03T10:00:00.000Z'))).toBe('2026-12-01 22:43');
    expect(userDateTime(AT)).toBe('2026-12-01 22:43');
  });

  it("labels the supervisor chart's axis and cursor 24-hour in the centre's zone", () => {
    const seconds = [Date.parse('2026-12-01T15:00:00.000Z') / 1000, Date.parse('2026-12-01T16:00:00.000Z') / 1000];
    expect(timeAxisValues(null, seconds)).toEqual(['2026-12-01 16:00', '17:00']);
    expect(cursorTime(null, seconds[0]!)).toBe('2026-12-01 16:00');
    expect(timeAxisValues(null, seconds).join(' ')).not.toMatch(/am|pm/i);
  });

  it("reads and writes datetime-local values as the centre's wall-clock time, across summer time", () => {
    expect(centreInputToIso('2026-12-01T22:43')).toBe('2026-12-01T21:43:00.000Z');
    expect(centreInputToIso('2026-07-01T14:00')).toBe('2026-07-01T12:00:00.000Z');
    // 2026-03-29 02:00 Stockholm jumps to 03:00; 2026-10-25 03:00 back to 02:00.
    expect(centreInputToIso('2026-03-29T04:00')).toBe('2026-03-29T02:00:00.000Z');
    expect(centreInputToIso('2026-10-25T04:00')).toBe('2026-10-25T03:00:00.000Z');
    expect(toCentreInput('2026-12-01T21:43:00.000Z')).toBe('2026-12-01T22:43');
    expect(centreInputToIso('not a time')).toBe('not a time');
  });

  it("follows the server's setting, and keeps the zone when told an unknown one", () => {
    setCentreTimeZone('America/New_York');
    expect(formatTimeShort(AT)).toBe('16:43');
    setCentreTimeZone('Asia/Kolkata');
    expect(formatDateTimeShort(AT)).toBe('2026-12-02 03:13');
    expect(centreInputToIso('2026-12-02T03:13')).toBe('2026-12-01T21:43:00.000Z');
    setCentreTimeZone('Mars/Olympus');
    expect(centreTimeZone()).toBe('Asia/Kolkata');
  });
});
