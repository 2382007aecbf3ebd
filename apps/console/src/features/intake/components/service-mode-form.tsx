import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type Transmitter } from '@arc/shared/directory';
import { IntakeServiceModeInputSchema } from '@arc/shared/intake';
import { type ServiceMode } from '@arc/shared/rules';
import { minutesInWords } from '@arc/shared/settings';
import { useState, type FormEvent } from 'react';
import type { ServiceModeRequest } from '../api/intake-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { categoriesCovered, type VerifiedCaller } from '../utils/authority';
import { formatDateTime } from '../utils/labels';
import { AuthorityVerdict } from './authority-verdict';
import { FormError, SelectField, TextField } from '../../../components/form-field';
import { useCentreSettings } from '../../../lib/settings/settings-store';
import { serviceModeCheck } from '../../../utils/service-mode-limits';

const CATEGORY_OPTIONS = [
  { value: '', label: 'Whole transmitter (all categories)' },
  ...ALARM_CATEGORIES.map((category) => ({ value: category, label: category })),
];

export interface ServiceModeFormProps {
  caller: VerifiedCaller;
  transmitters: readonly Transmitter[];
}

/** Service mode by phone: a transmitter (or one category of it) inactive for a short time. */
export function ServiceModeForm({ caller, transmitters }: ServiceModeFormProps) {
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
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });

  if (transmitters.length === 0) return <p className="muted">The site has no transmitters.</p>;
  const transmitter = transmitters.find((t) => t.id === values.transmitterId);
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
      aria-label="Set service mode"
      data-testid="intake-sm-form"
    >
      <div className="edit-form__row">
        <SelectField
          label="Transmitter"
          testId="intake-sm-transmitter"
          options={transmitters.map((t) => ({
            value: t.id,
            label: t.inputCategory ? `${t.account} (${t.inputCategory})` : `${t.account} (any category)`,
          }))}
          {...field('transmitterId')}
        />
        <SelectField label="Category" testId="intake-sm-category" options={CATEGORY_OPTIONS} {...field('category')} />
      </div>
      <AuthorityVerdict
        caller={caller}
        action="SERVICE_MODE"
        categories={categoriesCovered(category, transmitter?.inputCategory ?? null)}
        testId="intake-sm-verdict"
      />
      <div className="edit-form__row">
        <TextField
          label="Duration (minutes)"
          testId="intake-sm-duration"
          type="number"
          min={1}
          max={limits.maxMinutes}
          hint={`Default ${minutesInWords(limits.defaultMinutes)}, at most ${minutesInWords(limits.maxMinutes)}.`}
          {...field('durationMinutes')}
        />
        <TextField label="Reason" testId="intake-sm-reason" {...field('reason')} />
      </div>
      <FormError message={form.formError} testId="intake-sm-error" />
      {done && (
        <p className="verdict verdict--allowed" role="status" data-testid="intake-sm-result">
          Service mode set on {done.account} ({done.category ?? 'all categories'}) until {formatDateTime(done.endsAt)}.
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={form.pending} data-testid="intake-sm-submit">
          {form.pending ? 'Setting…' : 'Set service mode'}
        </button>
      </div>
    </form>
  );
}
