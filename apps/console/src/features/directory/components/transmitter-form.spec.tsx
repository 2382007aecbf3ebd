import type { Transmitter, TransmitterInput } from '@arc/shared/directory';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SITE_ID } from '../test/fixtures';
import { TransmitterForm } from './transmitter-form';

const encrypted: Transmitter = {
  id: '66666666-6666-4666-8666-666666666666',
  account: '1001',
  siteId: SITE_ID,
  protocol: 'SIA-DCS',
  encrypted: true,
  requireEncryption: false,
  supervisionIntervalSeconds: 3600,
  inputCategory: 'FIRE',
  lastSeenAt: null,
  runawayUntil: null,
  supervisionFailedAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};

function renderForm(initial?: Transmitter) {
  const onSave = vi.fn((_input: TransmitterInput) => Promise.resolve());
  render(<TransmitterForm siteId={SITE_ID} initial={initial} onSave={onSave} onCancel={() => undefined} />);
  return onSave;
}

describe('TransmitterForm', () => {
  it('never shows a stored key and keeps it unless told otherwise', async () => {
    const onSave = renderForm(encrypted);
    expect(screen.getByTestId('tx-key-status').textContent).toContain('AES key stored');
    expect(screen.queryByTestId('tx-key')).toBeNull();

    fireEvent.click(screen.getByTestId('tx-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    // Undefined is left out of the JSON body, which tells the server to keep the key.
    expect(JSON.stringify(onSave.mock.calls[0]![0])).not.toContain('encryptionKey');
  });

  it('sends null to remove the key', async () => {
    const onSave = renderForm(encrypted);
    fireEvent.click(screen.getByTestId('tx-remove-key'));
    fireEvent.click(screen.getByTestId('tx-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].encryptionKey).toBeNull();
  });

  it('checks a new key and the account with the schema', async () => {
    const onSave = renderForm();
    fireEvent.change(screen.getByTestId('tx-account'), { target: { value: 'xyz' } });
    fireEvent.change(screen.getByTestId('tx-key'), { target: { value: 'short' } });
    fireEvent.change(screen.getByTestId('tx-key-format'), { target: { value: 'text' } });
    fireEvent.click(screen.getByTestId('tx-save'));
    expect((await screen.findByTestId('tx-account-error')).textContent).toBe('must be 3-16 hexadecimal characters');
    expect(screen.getByTestId('tx-key-error').textContent).toMatch(/AES-128/);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('asks how to read the key: a 32-character key of hex digits can be either', async () => {
    const onSave = renderForm();
    const key = '0123456789ABCDEF0123456789ABCDEF';
    fireEvent.change(screen.getByTestId('tx-account'), { target: { value: '1002' } });
    fireEvent.change(screen.getByTestId('tx-key'), { target: { value: key } });
    fireEvent.click(screen.getByTestId('tx-save'));
    expect((await screen.findByTestId('tx-key-format-error')).textContent).toBe("must be 'hex' or 'text'");
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('tx-key-format'), { target: { value: 'text' } });
    fireEvent.click(screen.getByTestId('tx-require-encryption'));
    fireEvent.click(screen.getByTestId('tx-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      encryptionKey: { format: 'text', value: key },
      requireEncryption: true,
    });
  });

  it('keeps requireEncryption as stored and refuses it when the key is removed', async () => {
    const onSave = renderForm({ ...encrypted, requireEncryption: true });
    expect((screen.getByTestId('tx-require-encryption') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('tx-remove-key'));
    fireEvent.click(screen.getByTestId('tx-save'));
    expect((await screen.findByTestId('tx-require-encryption-error')).textContent).toMatch(/needs a key/);
    expect(onSave).not.toHaveBeenCalled();
  });
});
