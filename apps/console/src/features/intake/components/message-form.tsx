import { IntakeMessageInputSchema } from '@arc/shared/intake';
import { useState, type FormEvent } from 'react';
import type { MessageRequest } from '../api/intake-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import type { VerifiedCaller } from '../utils/authority';
import { FormError, TextAreaField } from '../../../components/form-field';

/** A message from the caller for the contract manager of the site's contract. */
export function MessageForm({ caller, managerName }: { caller: VerifiedCaller; managerName: string | null }) {
  const leaveMessage = useIntakeStore((state) => state.leaveMessage);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const form = useSchemaForm<MessageRequest>(IntakeMessageInputSchema, async (input) => {
    await leaveMessage(input);
    setText('');
    setSent(true);
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    void form.submit({ verificationId: caller.verificationId, text });
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label="Message for the contract manager">
      <p className="muted">
        For the contract manager
        {managerName ? `, ${managerName}` : ' (the site has no contract: the message is kept with the site)'}.
      </p>
      <TextAreaField
        label={`Message from ${caller.name}`}
        testId="intake-message-text"
        value={text}
        onChange={setText}
        error={form.errors.text}
      />
      <FormError message={form.formError} testId="intake-message-error" />
      {sent && (
        <p className="verdict verdict--allowed" role="status" data-testid="intake-message-result">
          Message taken.
        </p>
      )}
      <div className="form-actions">
        <button
          className="button button--primary"
          type="submit"
          disabled={form.pending}
          data-testid="intake-message-submit"
        >
          {form.pending ? 'Saving…' : 'Take the message'}
        </button>
      </div>
    </form>
  );
}
