import type { ActionPlanInput, ActionStep } from '@arc/shared/directory';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CONTACT_A, contact } from '../test/fixtures';
import { ActionPlanEditor } from './action-plan-editor';

const steps: ActionStep[] = [
  {
    id: 'a0000000-0000-4000-8000-000000000001',
    position: 1,
    type: 'CALL_CONTACT',
    contactId: CONTACT_A,
    rosterId: null,
    instruction: null,
    mandatory: true,
  },
  {
    id: 'a0000000-0000-4000-8000-000000000002',
    position: 2,
    type: 'DISPATCH_GUARD',
    contactId: null,
    rosterId: null,
    instruction: null,
    mandatory: false,
  },
];

function renderEditor(initial: ActionStep[] = steps) {
  const onSave = vi.fn((_input: ActionPlanInput) => Promise.resolve());
  render(
    <ActionPlanEditor
      category="FIRE"
      steps={initial}
      contacts={[contact(CONTACT_A, 'Anna', 1)]}
      rosters={[]}
      onSave={onSave}
      onCancel={() => undefined}
    />,
  );
  return onSave;
}

describe('ActionPlanEditor', () => {
  it('moves a step up and saves the steps in the new order', async () => {
    const onSave = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Move step 2 up' }));

    const rows = screen.getAllByTestId('step-editor-row');
    expect(rows.map((row) => row.dataset.type)).toEqual(['DISPATCH_GUARD', 'CALL_CONTACT']);

    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const sent = onSave.mock.calls[0]![0];
    expect(sent.steps.map((s) => s.type)).toEqual(['DISPATCH_GUARD', 'CALL_CONTACT']);
    expect(sent.steps[1]).toMatchObject({ contactId: CONTACT_A, mandatory: true });
  });

  it('cannot move the first step up or the last step down', () => {
    renderEditor();
    expect(screen.getByTestId('step-0-up')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('step-1-down')).toHaveProperty('disabled', true);
  });

  it('shows the schema message next to a call step without a contact and does not save', async () => {
    const onSave = renderEditor([]);
    fireEvent.click(screen.getByTestId('step-add'));
    fireEvent.change(screen.getByTestId('step-0-type'), { target: { value: 'CALL_CONTACT' } });
    fireEvent.click(screen.getByTestId('plan-save'));

    expect((await screen.findByTestId('step-0-contact-error')).textContent).toBe(
      'A contact is required for a "call contact" step',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows what the server refused', async () => {
    const { ApiRequestError } = await import('../../../lib/api');
    const onSave = vi.fn(() =>
      Promise.reject(
        new ApiRequestError(400, 'Validation failed', {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          issues: [{ path: 'steps.0.contactId', message: 'is not a contact of this site' }],
        }),
      ),
    );
    render(
      <ActionPlanEditor
        category="FIRE"
        steps={steps}
        contacts={[]}
        rosters={[]}
        onSave={onSave}
        onCancel={() => undefined}
      />,
    );
    fireEvent.click(screen.getByTestId('plan-save'));
    expect((await screen.findByTestId('form-error')).textContent).toBe('Validation failed');
    expect(screen.getByTestId('step-0-contact-error').textContent).toBe('is not a contact of this site');
  });
});
