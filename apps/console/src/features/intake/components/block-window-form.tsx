import { type Transmitter } from '@arc/shared/directory';
import { IntakeBlockWindowInputSchema } from '@arc/shared/intake';
import { type BlockWindow } from '@arc/shared/rules';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockWindowRequest } from '../api/intake-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { categoriesCovered, type VerifiedCaller } from '../utils/authority';
import { localToday } from '../utils/callers';
import { localInputToIso, toLocalInput, wholeHourFrom } from '../utils/datetime-input';
import { categoryText, formatDateTime } from '../utils/labels';
import { AuthorityVerdict } from './authority-verdict';
import { FormError, SelectField, TextField } from '../../../components/form-field';

/** The test ids this file passes to shared components (code, not text). */
const TEST_ID = {
  bwTransmitter: 'intake-bw-transmitter',
  bwVerdict: 'intake-bw-verdict',
  bwStart: 'intake-bw-start',
  bwEnd: 'intake-bw-end',
  bwRequestDate: 'intake-bw-request-date',
  bwReference: 'intake-bw-reference',
  bwReason: 'intake-bw-reason',
  bwError: 'intake-bw-error',
} as const;

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
  const { t } = useTranslation('intake');
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
      throw new Error(t('blockWindow.endBeforeStart'));
    }
    setDone(await registerBlockWindow(input));
  });
  const bind = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });
  const fields = {
    transmitterId: bind('transmitterId'),
    startsAt: bind('startsAt'),
    endsAt: bind('endsAt'),
    requestDate: bind('requestDate'),
    reference: bind('reference'),
    reason: bind('reason'),
  };

  if (transmitters.length === 0) return <p className="muted">{t('serviceMode.noTransmitters')}</p>;
  const transmitter = transmitters.find((tx) => tx.id === values.transmitterId);

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
      aria-label={t('blockWindow.form')}
      data-testid="intake-bw-form"
    >
      <SelectField
        label={t('serviceMode.transmitter')}
        testId={TEST_ID.bwTransmitter}
        options={transmitters.map((tx) => ({
          value: tx.id,
          label: tx.inputCategory
            ? t('serviceMode.transmitterOption', { account: tx.account, category: categoryText(tx.inputCategory) })
            : t('serviceMode.transmitterAny', { account: tx.account }),
        }))}
        {...fields.transmitterId}
      />
      <AuthorityVerdict
        caller={caller}
        action="BLOCK_WINDOW"
        categories={categoriesCovered(null, transmitter?.inputCategory ?? null)}
        testId={TEST_ID.bwVerdict}
      />
      <div className="edit-form__row">
        <TextField
          label={t('blockWindow.starts')}
          type="datetime-local"
          testId={TEST_ID.bwStart}
          {...fields.startsAt}
        />
        <TextField label={t('blockWindow.ends')} type="datetime-local" testId={TEST_ID.bwEnd} {...fields.endsAt} />
      </div>
      <div className="edit-form__row">
        <TextField
          label={t('blockWindow.requestDate')}
          type="date"
          testId={TEST_ID.bwRequestDate}
          {...fields.requestDate}
        />
        <TextField label={t('blockWindow.reference')} testId={TEST_ID.bwReference} {...fields.reference} />
      </div>
      <TextField label={t('blockWindow.reason')} testId={TEST_ID.bwReason} {...fields.reason} />
      <FormError message={form.formError} testId={TEST_ID.bwError} />
      {done && (
        <p className="verdict verdict--allowed" role="status" data-testid="intake-bw-result">
          {t('blockWindow.result', {
            account: done.account,
            startsAt: formatDateTime(done.startsAt),
            endsAt: formatDateTime(done.endsAt),
          })}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={form.pending} data-testid="intake-bw-submit">
          {form.pending ? t('blockWindow.registering') : t('blockWindow.submit')}
        </button>
      </div>
    </form>
  );
}
