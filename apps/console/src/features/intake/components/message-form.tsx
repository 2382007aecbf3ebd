import { IntakeMessageInputSchema } from '@arc/shared/intake';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRequest } from '../api/intake-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import type { VerifiedCaller } from '../utils/authority';
import { FormError, TextAreaField } from '../../../components/form-field';

/** The test ids this file passes to shared components (code, not text). */
const TEST_ID = {
  messageText: 'intake-message-text',
  messageError: 'intake-message-error',
} as const;

/** A message from the caller for the contract manager of the site's contract. */
export function MessageForm({ caller, managerName }: { caller: VerifiedCaller; managerName: string | null }) {
  const { t } = useTranslation(['intake', 'common']);
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
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('message.form')}>
      <p className="muted">
        {managerName ? t('message.forManager', { name: managerName }) : t('message.forNoContract')}
      </p>
      <TextAreaField
        label={t('message.from', { name: caller.name })}
        testId={TEST_ID.messageText}
        value={text}
        onChange={setText}
        error={form.errors.text}
      />
      <FormError message={form.formError} testId={TEST_ID.messageError} />
      {sent && (
        <p className="verdict verdict--allowed" role="status" data-testid="intake-message-result">
          {t('message.taken')}
        </p>
      )}
      <div className="form-actions">
        <button
          className="button button--primary"
          type="submit"
          disabled={form.pending}
          data-testid="intake-message-submit"
        >
          {form.pending ? t('common:action.saving') : t('message.submit')}
        </button>
      </div>
    </form>
  );
}
