import { type Transmitter } from '@arc/shared/directory';
import { IntakeBlockWindowInputSchema } from '@arc/shared/intake';
import { type BlockWindow } from '@arc/shared/rules';
import { useState, type FormEvent } from 'react';
import type { BlockWindowRequest } from '../api/intake-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { categoriesCovered, type VerifiedCaller } from '../utils/authority';
import { localToday } from '../utils/callers';
import { localInputToIso, toLocalInput, wholeHourFrom } from '../utils/datetime-input';
import { formatDateTime } from '../utils/labels';
import { AuthorityVerdict } from './authority-verdict';
import { FormError, SelectField, TextField } from '../../../components/form-field';

export interface BlockWindowFormProps {
  caller: VerifiedCaller;
  transmitters: readonly Transmitter[];
}

/**
 * A block window from a written request (site, address, transmitter number, start and stop):
 * the whole transmitter is inactive for a longer scheduled period. Times are the operator's
 * local time.
 */
export function BlockWindowForm({ caller, transmitters }: BlockWindowFormProps) {
  const registerBlockWindow = useIntakeStore((state) => state.registerBlockWindow);
  const [values, setValues] = useState(() => {
    const now = new Date();
    return {
      transmitterId: transmitters[0]?.id ?? '',
      startsAt: toLocalInput(wholeHourFrom(now, 0)),
      endsAt: toLocalInput(wholeHourFrom(now, 24)),
      requestDate: localToday(now),
      reference: '',
      reason: '',
    };
  });
  const [done, setDone] = useState<BlockWindow | null>(null);
  const form = useSchemaForm<BlockWindowRequest>(IntakeBlockWindowInputSchema, async (input) => {
    if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
      throw new Error('The end must be after the start');
    }
    setDone(await registerBlockWindow(input));
  });
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });

  if (transmitters.length === 0) return <p className="muted">The site has no transmitters.</p>;
  const transmitter = transmitters.find((t) => t.id === values.transmitterId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void form.submit({
      verificationId: caller.verificationId,
      transmitterId: values.transmitterId,
      startsAt: localInputToIso(values.startsAt),
      endsAt: localInputToIso(values.endsAt),
      requestDate: values.requestDate,
      reference: values.reference,
      reason: values.reason,
    });
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label="Register a block window"
      data-testid="intake-bw-form"
    >
      <SelectField
        label="Transmitter"
        testId="intake-bw-transmitter"
        options={transmitters.map((t) => ({
          value: t.id,
          label: t.inputCategory ? `${t.account} (${t.inputCategory})` : `${t.account} (any category)`,
        }))}
        {...field('transmitterId')}
      />
      <AuthorityVerdict
        caller={caller}
        action="BLOCK_WINDOW"
        categories={categoriesCovered(null, transmitter?.inputCategory ?? null)}
        testId="intake-bw-verdict"
      />
      <div className="edit-form__row">
        <TextField label="Starts" type="datetime-local" testId="intake-bw-start" {...field('startsAt')} />
        <TextField label="Ends" type="datetime-local" testId="intake-bw-end" {...field('endsAt')} />
      </div>
      <div className="edit-form__row">
        <TextField
          label="Date of the written request"
          type="date"
          testId="intake-bw-request-date"
          {...field('requestDate')}
        />
        <TextField label="Reference (letter, e-mail, order no)" testId="intake-bw-reference" {...field('reference')} />
      </div>
      <TextField label="Reason (optional)" testId="intake-bw-reason" {...field('reason')} />
      <FormError message={form.formError} testId="intake-bw-error" />
      {done && (
        <p className="verdict verdict--allowed" role="status" data-testid="intake-bw-result">
          Block window on {done.account} registered: {formatDateTime(done.startsAt)} – {formatDateTime(done.endsAt)}.
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={form.pending} data-testid="intake-bw-submit">
          {form.pending ? 'Registering…' : 'Register block window'}
        </button>
      </div>
    </form>
  );
}
