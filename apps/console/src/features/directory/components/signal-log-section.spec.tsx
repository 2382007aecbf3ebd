import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, SITE_ID, signalEntry, stubApi } from '../test/fixtures';
import { SignalLogSection } from './signal-log-section';

const newest = [
  signalEntry('103', {
    code: 'FA',
    decision: 'SUPPRESSED',
    decisionReason: 'service mode until 11:00 (Agnes A)',
  }),
  signalEntry('102', {
    code: 'FA',
    decision: 'OPENED',
    caseId: 'f0000000-0000-4000-8000-000000000001',
    caseNo: 'C-000042',
  }),
];
const older = [
  signalEntry('101', {
    code: 'RP',
    zone: null,
    kind: 'TEST',
    category: null,
    description: 'Periodic test',
    decision: 'LOG_ONLY',
  }),
];

const decisions = () => screen.getAllByTestId('signal-decision').map((b) => b.textContent);

describe('SignalLogSection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('marks an unencrypted signal from an encrypted transmitter', async () => {
    stubApi(() => [signalEntry('201', { unencryptedFromKeyed: true }), signalEntry('200')]);
    render(<SignalLogSection siteId={SITE_ID} pageSize={2} />);

    await waitFor(() => expect(screen.getAllByTestId('signal-row')).toHaveLength(2));
    const [marked, plain] = screen.getAllByTestId('signal-row');
    expect(marked!.dataset.unencrypted).toBe('true');
    expect(within(marked!).getByTestId('signal-unencrypted').textContent).toBe('UNENCRYPTED');
    expect(within(plain!).queryByTestId('signal-unencrypted')).toBeNull();
  });

  it('shows the newest signals with the decision, its reason and the case', async () => {
    const calls = stubApi(() => newest);
    render(<SignalLogSection siteId={SITE_ID} pageSize={2} />);

    await waitFor(() => expect(screen.getAllByTestId('signal-row')).toHaveLength(2));
    expect(calls[0]!.path).toBe(`/sites/${SITE_ID}/signals?limit=2`);
    expect(decisions()).toEqual(['SUPPRESSED', 'OPENED']);
    const [suppressed, opened] = screen.getAllByTestId('signal-row');
    expect(suppressed!.dataset.decision).toBe('SUPPRESSED');
    expect(within(suppressed!).getByTestId('signal-reason').textContent).toBe('service mode until 11:00 (Agnes A)');
    expect(within(suppressed!).getByTestId('signal-case').textContent).toBe('—');
    expect(suppressed!.textContent).toContain('1001');
    expect(suppressed!.textContent).toContain('007');
    expect(suppressed!.textContent).toContain('Fire alarm');
    expect(within(opened!).getByTestId('signal-case').textContent).toBe('C-000042');
  });

  it('pages back in time with "Load older" and stops at the last page', async () => {
    const calls = stubApi(({ path }) => (path.includes('before=') ? older : newest));
    render(<SignalLogSection siteId={SITE_ID} pageSize={2} />);
    fireEvent.click(await screen.findByTestId('sl-older'));

    await waitFor(() => expect(screen.getAllByTestId('signal-row')).toHaveLength(3));
    expect(calls[1]!.path).toBe(`/sites/${SITE_ID}/signals?limit=2&before=102`);
    expect(decisions()).toEqual(['SUPPRESSED', 'OPENED', 'LOG_ONLY']);
    // Fewer than a page came back: nothing older is left.
    expect(screen.queryByTestId('sl-older')).toBeNull();
  });

  it('reloads the newest page on "Refresh"', async () => {
    let answer = newest.slice(1);
    const calls = stubApi(() => answer);
    render(<SignalLogSection siteId={SITE_ID} />);
    await waitFor(() => expect(decisions()).toEqual(['OPENED']));

    answer = newest;
    fireEvent.click(screen.getByTestId('sl-refresh'));
    await waitFor(() => expect(decisions()).toEqual(['SUPPRESSED', 'OPENED']));
    expect(calls.map((c) => c.path)).toEqual([
      `/sites/${SITE_ID}/signals?limit=50`,
      `/sites/${SITE_ID}/signals?limit=50`,
    ]);
  });

  it('reloads when the site detail was reloaded', async () => {
    const calls = stubApi(() => newest);
    const { rerender } = render(<SignalLogSection siteId={SITE_ID} reloadKey={1} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    rerender(<SignalLogSection siteId={SITE_ID} reloadKey={2} />);
    await waitFor(() => expect(calls).toHaveLength(2));
  });

  it('marks a signal still waiting for evaluation as pending', async () => {
    stubApi(() => [signalEntry('200', { decision: null })]);
    render(<SignalLogSection siteId={SITE_ID} />);
    await waitFor(() => expect(decisions()).toEqual(['PENDING']));
  });

  it('says when the site has no signals, and shows a failed load', async () => {
    stubApi(() => []);
    const { unmount } = render(<SignalLogSection siteId={SITE_ID} />);
    await waitFor(() => expect(screen.getByTestId('sl-empty').textContent).toBe('No signals received.'));
    unmount();

    stubApi(() => apiError(403, 'Forbidden resource'));
    render(<SignalLogSection siteId={SITE_ID} />);
    expect((await screen.findByTestId('sl-error')).textContent).toBe('Forbidden resource');
  });
});
