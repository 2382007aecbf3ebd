import type { CaseSummary } from '@arc/shared/case';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QueueRow, type SupervisorActions } from './queue-row';

const fire: CaseSummary = {
  id: '6f1c1f4e-5d7a-4a63-9a7e-0d3c1b2a4f10',
  caseNo: 'C-000042',
  category: 'FIRE',
  priority: 1,
  status: 'QUEUED',
  title: 'Fire alarm',
  account: '00AB12',
  siteId: '2b8f0a86-9d7a-4d0e-8b52-5b7e0f0c1a22',
  siteName: 'Riverside School',
  siteAddress: '12 River Road, Springfield',
  unknownTransmitter: false,
  signalCount: 3,
  runaway: false,
  unencryptedFromKeyed: false,
  queuedAt: '2026-01-01T10:00:00.000Z',
  lastSignalAt: '2026-01-01T10:01:00.000Z',
  heldBy: null,
  returned: false,
  returnReason: null,
  movedToTop: false,
  version: 4,
};

function renderRow(summary: CaseSummary, now: number, supervisor?: SupervisorActions) {
  render(
    <table>
      <tbody>
        <QueueRow summary={summary} now={now} supervisor={supervisor} />
      </tbody>
    </table>,
  );
  return screen.getByTestId('queue-row');
}

describe('QueueRow', () => {
  it('shows category, case, site, signals, status and waiting time', () => {
    const row = renderRow(fire, Date.parse('2026-01-01T10:02:05.000Z'));

    expect(row.dataset.caseId).toBe(fire.id);
    expect(row.dataset.category).toBe('FIRE');
    expect(row.querySelector('.category-badge')?.textContent).toBe('FIRE');
    expect(row.textContent).toContain('C-000042');
    expect(row.textContent).toContain('Fire alarm');
    expect(row.textContent).toContain('Riverside School');
    expect(row.textContent).toContain('12 River Road, Springfield');
    expect(row.querySelector('.queue-row__signals')?.textContent).toBe('3');
    expect(row.querySelector('.queue-row__status')?.textContent).toBe('Waiting');
    expect(row.querySelector('time')?.textContent).toBe('02:05');
  });

  it('marks a runaway transmitter with a badge that carries the signal count', () => {
    const row = renderRow({ ...fire, runaway: true, signalCount: 412 }, Date.parse('2026-01-01T10:02:05.000Z'));

    expect(row.dataset.runaway).toBe('true');
    expect(screen.getByTestId('runaway-badge').textContent).toBe('RUNAWAY 412');
    expect(row.querySelector('.queue-row__signals')?.textContent).toBe('RUNAWAY 412');
  });

  it('marks a case with an unencrypted signal from an encrypted transmitter', () => {
    const row = renderRow({ ...fire, unencryptedFromKeyed: true }, Date.parse('2026-01-01T10:02:05.000Z'));

    expect(row.dataset.unencrypted).toBe('true');
    const badge = screen.getByTestId('unencrypted-badge');
    expect(badge.textContent).toBe('UNENCRYPTED');
    expect(badge.getAttribute('title')).toMatch(/^Unencrypted message from an encrypted transmitter/);
  });

  it('shows no unencrypted badge for an ordinary case', () => {
    const row = renderRow(fire, Date.parse('2026-01-01T10:02:05.000Z'));

    expect(row.dataset.unencrypted).toBeUndefined();
    expect(screen.queryByTestId('unencrypted-badge')).toBeNull();
  });

  it('shows no runaway badge for an ordinary case', () => {
    const row = renderRow(fire, Date.parse('2026-01-01T10:02:05.000Z'));

    expect(row.dataset.runaway).toBeUndefined();
    expect(screen.queryByTestId('runaway-badge')).toBeNull();
  });

  it('names the account when the transmitter is unknown', () => {
    const row = renderRow(
      { ...fire, category: 'INTRUSION', unknownTransmitter: true, siteId: null, siteName: null, siteAddress: null },
      Date.parse('2026-01-01T11:00:00.000Z'),
    );

    expect(row.dataset.category).toBe('INTRUSION');
    expect(row.querySelector('.queue-row__site')?.textContent).toBe('Unknown transmitter 00AB12');
    expect(row.querySelector('time')?.textContent).toBe('1:00:00');
  });

  it.each([
    ['2026-01-01T10:00:59.000Z', 'fresh'],
    ['2026-01-01T10:01:00.000Z', 'amber'],
    ['2026-01-01T10:03:00.000Z', 'amber'],
    ['2026-01-01T10:03:01.000Z', 'red'],
  ])('colours a case waiting until %s as %s', (now, age) => {
    const row = renderRow(fire, Date.parse(now));
    expect(row.dataset.age).toBe(age);
  });

  it('does not age a case someone holds, and names who holds it', () => {
    const held = { ...fire, status: 'ACCEPTED' as const, heldBy: { userId: fire.siteId!, name: 'Olle Operator' } };
    const row = renderRow(held, Date.parse('2026-01-01T10:10:00.000Z'));

    expect(row.dataset.age).toBeUndefined();
    expect(row.querySelector('.queue-row__status .status-tag')?.textContent).toBe('Held by');
    expect(screen.getByTestId('held-by').textContent).toBe('Olle Operator');
  });

  it('marks a returned case with its reason and a case moved to the top', () => {
    renderRow(
      { ...fire, returned: true, returnReason: 'console lost', movedToTop: true },
      Date.parse('2026-01-01T10:00:10.000Z'),
    );
    expect(screen.getByTestId('returned-badge').textContent).toBe('RETURNED · console lost');
    expect(screen.getByTestId('moved-to-top-badge').textContent).toBe('MOVED TO TOP');
  });

  it('does not mark a held case returned, whatever its past (put back and taken again, or given to someone else)', () => {
    const held = {
      ...fire,
      status: 'ACCEPTED' as const,
      heldBy: { userId: fire.siteId!, name: 'Demo Admin' },
      returned: true,
      returnReason: 'Shift change',
    };
    const row = renderRow(held, Date.parse('2026-01-01T10:00:10.000Z'));
    expect(screen.queryByTestId('returned-badge')).toBeNull();
    expect(row.dataset.returned).toBeUndefined();
    expect(screen.getByTestId('held-by').textContent).toBe('Demo Admin');
  });

  it('offers supervisors move to top and assign; operators get neither', () => {
    const supervisor = { onMoveToTop: vi.fn(), onAssign: vi.fn() };
    renderRow(fire, Date.parse('2026-01-01T10:00:10.000Z'), supervisor);

    fireEvent.click(screen.getByTestId('move-to-top'));
    fireEvent.click(screen.getByTestId('assign'));
    expect(supervisor.onMoveToTop).toHaveBeenCalledWith(fire);
    expect(supervisor.onAssign).toHaveBeenCalledWith(fire);
  });

  it('shows no supervisor column to an operator', () => {
    renderRow(fire, Date.parse('2026-01-01T10:00:10.000Z'));
    expect(screen.queryByTestId('move-to-top')).toBeNull();
    expect(screen.queryByTestId('assign')).toBeNull();
  });
});
