import type { CaseSummary } from '@arc/shared';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueueRow } from './queue-row';

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
  queuedAt: '2026-01-01T10:00:00.000Z',
  lastSignalAt: '2026-01-01T10:01:00.000Z',
  version: 4,
};

function renderRow(summary: CaseSummary, now: number) {
  render(
    <table>
      <tbody>
        <QueueRow summary={summary} now={now} />
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

  it('names the account when the transmitter is unknown', () => {
    const row = renderRow(
      { ...fire, category: 'INTRUSION', unknownTransmitter: true, siteId: null, siteName: null, siteAddress: null },
      Date.parse('2026-01-01T11:00:00.000Z'),
    );

    expect(row.dataset.category).toBe('INTRUSION');
    expect(row.querySelector('.queue-row__site')?.textContent).toBe('Unknown transmitter 00AB12');
    expect(row.querySelector('time')?.textContent).toBe('1:00:00');
  });
});
