import type { SetPasswordInput } from '@arc/shared/directory';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { person } from '../test/fixtures';
import { PasswordForm } from './password-form';

const boss = person('44444444-4444-4444-8444-444444444444', 'Agnes A', 'A');
const clerk = person('55555555-5555-4555-8555-555555555555', 'Carl C', 'C');

function renderForm() {
  const onSave = vi.fn((_input: SetPasswordInput) => Promise.resolve());
  render(
    <PasswordForm
      person={clerk}
      listPersons={[boss, clerk]}
      onSave={onSave}
      onCancel={() => undefined}
      today="2026-03-02"
    />,
  );
  fireEvent.change(screen.getByTestId('pw-password'), { target: { value: 'secret-1' } });
  fireEvent.change(screen.getByTestId('pw-confirm'), { target: { value: 'secret-1' } });
  fireEvent.change(screen.getByTestId('pw-reference'), { target: { value: 'Letter 2026-03-01' } });
  return onSave;
}

describe('PasswordForm', () => {
  it('requires the A-level person who asked for the change', async () => {
    const onSave = renderForm();
    fireEvent.click(screen.getByTestId('pw-save'));

    expect((await screen.findByTestId('pw-requester-error')).textContent).toMatch(/^is required/);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('offers only A-level persons as requesters and sends the request details', async () => {
    const onSave = renderForm();
    const options = [...screen.getByTestId('pw-requester').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['— choose the requester —', 'Agnes A (A)']);

    fireEvent.change(screen.getByTestId('pw-requester'), { target: { value: boss.id } });
    fireEvent.click(screen.getByTestId('pw-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({
      password: 'secret-1',
      requestedByPersonId: boss.id,
      requestDate: '2026-03-02',
      requestReference: 'Letter 2026-03-01',
    });
  });

  it('refuses two different passwords', () => {
    const onSave = renderForm();
    fireEvent.change(screen.getByTestId('pw-confirm'), { target: { value: 'secret-2' } });
    fireEvent.click(screen.getByTestId('pw-save'));
    expect(screen.getByTestId('pw-confirm-error').textContent).toBe('does not match the new password');
    expect(onSave).not.toHaveBeenCalled();
  });
});
