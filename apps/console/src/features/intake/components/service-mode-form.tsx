import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type Transmitter } from '@arc/shared/directory';
import { IntakeServiceModeInputSchema } from '@arc/shared/intake';
import { type ServiceMode } from '@arc/shared/rules';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceModeRequest } from '../api/intake-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { categoriesCovered, type VerifiedCaller } from '../utils/authority';
import { categoryText, formatDateTime, minutesInWords, scopeText } from '../utils/labels';
import { AuthorityVerdict } from './authority-verdict';
import { FormError, SelectField, TextField } from '../../../components/form-field';
import { useCentreSettings } from '../../../lib/settings/settings-store';
import { serviceModeCheck } from '../../../utils/service-mode-limits';

/** The test ids this file passes to shared components (code, not text). */
const TEST_ID = {
  smTransmitter: 'intake-sm-transmitter',
  smCategory: 'intake-sm-category',
  smVerdict: 'intake-sm-verdict',
  smDuration: 'intake-sm-duration',
  smReason: 'intake-sm-reason',
  smError: 'intake-sm-error',
} as const;

export interface ServiceModeFormProps {
  caller: VerifiedCaller;
  transmitters: readonly Transmitter[];
}

/** Service mode by phone: a transmitter (or one category of it) inactive for a short time. */
export function ServiceModeForm({ caller, transmitters }: ServiceModeFormProps) {
  const { t } = useTranslation('intake');
  const setServiceMode = useIntakeStore((state) => state.setServiceMode);
  // The server's default and maximum (GET /settings), not a copy of them.
  const limits = useCentreSettings().serviceMode;
  const [values, setValues] = useState({
    transmitterId: transmitters[0]?.id ?? '',
    category: '',
    durationMinutes: String(limits.defaultMinutes),
    reason: '',
  });
  const [done, setDone] = useState<ServiceMode | null>(null);
  const form = useSchemaForm<ServiceModeRequest>(
    IntakeServiceModeInputSchema,
    async (input) => setDone(await setServiceMode(input)),
    serviceModeCheck(limits.maxMinutes),
  );
  const bind = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });
  const fields = {
    transmitterId: bind('transmitterId'),
    category: bind('category'),
    durationMinutes: bind('durationMinutes'),
    reason: bind('reason'),
  };

  if (transmitters.length === 0) return <p className="muted">{t('serviceMode.noTransmitters')}</p>;
  const transmitter = transmitters.find((tx) => tx.id === values.transmitterId);
  const categoryOptions = [
    { value: '', label: t('serviceMode.wholeTransmitter') },
    ...ALARM_CATEGORIES.map((value) => ({ value, label: categoryText(value) })),
  ];
  const category = values.category === '' ? null : (values.category as AlarmCategory);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const duration = values.durationMinutes.trim();
    void form.submit({
      verificationId: caller.verificationId,
      transmitterId: values.transmitterId,
      category,
      durationMinutes: duration === '' ? undefined : Number(duration),
      reason: values.reason,
    });
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('serviceMode.form')}
      data-testid="intake-sm-form"
    >
      <div className="edit-form__row">
        <SelectField
          label={t('serviceMode.transmitter')}
          testId={TEST_ID.smTransmitter}
          options={transmitters.map((tx) => ({
            value: tx.id,
            label: tx.inputCategory
              ? t('serviceMode.transmitterOption', { account: tx.account, category: categoryText(tx.inputCategory) })
              : t('serviceMode.transmitterAny', { account: tx.account }),
          }))}
          {...fields.transmitterId}
        />
        <SelectField
          label={t('serviceMode.category')}
          testId={TEST_ID.smCategory}
          options={categoryOptions}
          {...fields.category}
        />
      </div>
      <AuthorityVerdict
        caller={caller}
        action="SERVICE_MODE"
        categories={categoriesCovered(category, transmitter?.inputCategory ?? null)}
        testId={TEST_ID.smVerdict}
      />
      <div className="edit-form__row">
        <TextField
          label={t('serviceMode.duration')}
          testId={TEST_ID.smDuration}
          type="number"
          min={1}
          max={limits.maxMinutes}
          hint={t('serviceMode.durationHint', {
            default: minutesInWords(limits.defaultMinutes),
            max: minutesInWords(limits.maxMinutes),
          })}
          {...fields.durationMinutes}
        />
        <TextField label={t('serviceMode.reason')} testId={TEST_ID.smReason} {...fields.reason} />
      </div>
      <FormError message={form.formError} testId={TEST_ID.smError} />
      {done && (
        <p className="verdict verdict--allowed" role="status" data-testid="intake-sm-result">
          {t('serviceMode.result', {
            account: done.account,
            category: scopeText(done.category),
            endsAt: formatDateTime(done.endsAt),
          })}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={form.pending} data-testid="intake-sm-submit">
          {form.pending ? t('serviceMode.setting') : t('serviceMode.submit')}
        </button>
      </div>
    </form>
  );
}
