import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDirectoryStore } from '../store/directory-store';
import { siteDetail, transmitter, TX_FIRE, TX_INTRUSION } from '../test/fixtures';
import { TransmittersSection } from './transmitters-section';

const NOW = new Date('2026-01-01T12:00:00.000Z');

describe('TransmittersSection', () => {
  beforeEach(() => {
    useDirectoryStore.getState().reset();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it('flags a runaway transmitter and a missing test signal', () => {
    const detail = {
      ...siteDetail(),
      transmitters: [
        {
          ...transmitter(TX_FIRE, '1001', 'FIRE'),
          runawayUntil: '2026-01-01T12:30:00.000Z',
          supervisionFailedAt: '2026-01-01T09:15:00.000Z',
        },
        transmitter(TX_INTRUSION, '2002', 'INTRUSION'),
      ],
    };
    render(<TransmittersSection detail={detail} canEdit={false} />);

    const [runaway, quiet] = screen.getAllByTestId('transmitter-row');
    expect(within(runaway!).getByTestId('transmitter-runaway').textContent).toMatch(/^RUNAWAY until /);
    expect(within(runaway!).getByTestId('transmitter-supervision-failed').textContent).toMatch(
      /^test signal missing since /,
    );
    expect(within(quiet!).queryByTestId('transmitter-runaway')).toBeNull();
    expect(within(quiet!).queryByTestId('transmitter-supervision-failed')).toBeNull();
    expect(within(quiet!).getByTestId('transmitter-status').textContent).toBe('ok');
  });

  it('says which transmitters require encryption', () => {
    const detail = {
      ...siteDetail(),
      transmitters: [
        { ...transmitter(TX_FIRE, '1001', 'FIRE'), encrypted: true, requireEncryption: true },
        { ...transmitter(TX_INTRUSION, '2002', 'INTRUSION'), encrypted: true },
      ],
    };
    render(<TransmittersSection detail={detail} canEdit={false} />);

    const [strict, lenient] = screen.getAllByTestId('transmitter-row');
    expect(within(strict!).getByTestId('transmitter-encrypted').textContent).toBe('yes (key stored)REQUIRED');
    expect(within(lenient!).queryByTestId('transmitter-require-encryption')).toBeNull();
  });

  it('drops the runaway badge once its period is over', () => {
    const detail = {
      ...siteDetail(),
      transmitters: [{ ...transmitter(TX_FIRE, '1001', 'FIRE'), runawayUntil: '2026-01-01T11:59:00.000Z' }],
    };
    render(<TransmittersSection detail={detail} canEdit={false} />);
    expect(screen.queryByTestId('transmitter-runaway')).toBeNull();
  });
});
