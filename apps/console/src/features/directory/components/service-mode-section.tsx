import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type SiteDetail, type Transmitter } from '@arc/shared/directory';
import { ServiceModeInputSchema, windowCovers, type ServiceMode, type ServiceModeInput } from '@arc/shared/rules';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endServiceMode, startServiceMode } from '../api/directory-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useDirectoryStore } from '../store/directory-store';
import { durationInWords, windowCategoryLabel } from '../utils/access-labels';
import { formatDateTime } from '../utils/labels';
import { DetailSection } from './detail-section';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import {
  localToday,
  RequesterField,
  RequesterVerdict,
  requesterCandidates,
  type RequesterCandidate,
} from './requester-field';
import { useCentreSettings } from '../../../lib/settings/settings-store';
import { serviceModeCheck } from '../../../utils/service-mode-limits';
import { messageOf } from '../../../utils/request-state';

/** Test ids: code, not text. */
const IDS = {
  section: 'detail-service-mode',
  transmitter: 'sm-transmitter-select',
  category: 'sm-category',
  requester: 'sm-requester',
  verdict: 'sm-verdict',
  duration: 'sm-duration',
  reason: 'sm-reason',
  prefix: 'sm',
} as const;

export interface ServiceModeSectionProps {
  detail: SiteDetail;
  /** Today as YYYY-MM-DD; injectable for tests. */
  today?: string;
}

/**
 * Service mode per transmitter (docs/domain.md sections 3-4): signals are stored but raise no case
 * until it ends. Any operator may set one on a caller's request; the server checks who asked.
 */
export function ServiceModeSection({ detail, today = localToday() }: ServiceModeSectionProps) {
  const { t } = useTranslation('windows');
  const [adding, setAdding] = useState(false);
  const mutate = useDirectoryStore((state) => state.mutate);
  const candidates = requesterCandidates(detail, today);
  const recent = detail.serviceModes.filter((mode) => !mode.active);

  const actions = !adding && detail.transmitters.length > 0 && (
    <button className="button button--small" type="button" onClick={() => setAdding(true)} data-testid="sm-add">
      {t('serviceMode.set')}
    </button>
  );

  return (
    <DetailSection title={t('serviceMode.title')} testId={IDS.section} actions={actions}>
      {adding && (
        <ServiceModeForm
          transmitters={detail.transmitters}
          candidates={candidates}
          onCancel={() => setAdding(false)}
          onSave={async (input) => {
            await mutate(() => startServiceMode(input));
            setAdding(false);
          }}
        />
      )}
      {detail.transmitters.length === 0 ? (
        <p className="muted">{t('serviceMode.noTransmitters')}</p>
      ) : (
        <ul className="plain-list service-modes" aria-label={t('serviceMode.perTransmitter')}>
          {detail.transmitters.map((transmitter) => (
            <TransmitterServiceMode
              key={transmitter.id}
              transmitter={transmitter}
              modes={detail.serviceModes.filter((m) => m.active && m.transmitterId === transmitter.id)}
              onEnd={(mode) => mutate(() => endServiceMode(mode.id))}
            />
          ))}
        </ul>
      )}
      {recent.length > 0 && <RecentServiceModes modes={recent} />}
    </DetailSection>
  );
}

interface TransmitterServiceModeProps {
  transmitter: Transmitter;
  modes: ServiceMode[];
  onEnd: (mode: ServiceMode) => Promise<unknown>;
}

function TransmitterServiceMode({ transmitter, modes, onEnd }: TransmitterServiceModeProps) {
  const { t } = useTranslation('windows');
  return (
    <li className="service-modes__transmitter" data-testid="sm-transmitter" data-account={transmitter.account}>
      <span className="mono">{transmitter.account}</span>
      {transmitter.inputCategory && <span className="muted"> ({windowCategoryLabel(transmitter.inputCategory)})</span>}
      {modes.length === 0 ? (
        <span className="muted" data-testid="sm-none">
          {' '}
          {t('serviceMode.normal')}
        </span>
      ) : (
        <ul className="plain-list">
          {modes.map((mode) => (
            <ActiveServiceMode key={mode.id} mode={mode} onEnd={() => onEnd(mode)} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ActiveServiceMode({ mode, onEnd }: { mode: ServiceMode; onEnd: () => Promise<unknown> }) {
  const { t } = useTranslation('windows');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await onEnd();
    } catch (caught) {
      setError(messageOf(caught, t('serviceMode.endFailed')));
      setBusy(false);
    }
  };
  return (
    <li className="service-mode" data-testid="sm-active" data-service-mode-id={mode.id}>
      <span className="tag tag--service">{t('serviceMode.inServiceMode')}</span>
      <span data-testid="sm-active-scope">
        {mode.category ? windowCategoryLabel(mode.category) : t('serviceMode.allCategories')}
      </span>{' '}
      {t('serviceMode.until')}{' '}
      <time dateTime={mode.endsAt} data-testid="sm-active-until">
        {formatDateTime(mode.endsAt)}
      </time>
      <span className="muted" data-testid="sm-active-who">
        {' '}
        {t('serviceMode.who', {
          name: mode.requestedBy.name,
          level: mode.requestedBy.level,
          setBy: mode.setBy.name,
          reason: mode.reason,
        })}
      </span>{' '}
      <button
        className="button button--small"
        type="button"
        disabled={busy}
        onClick={() => void end()}
        data-testid="sm-end"
      >
        {busy ? t('serviceMode.ending') : t('serviceMode.endNow')}
      </button>
      {error && (
        <span className="field__error" role="alert" data-testid="sm-end-error">
          {error}
        </span>
      )}
    </li>
  );
}

function RecentServiceModes({ modes }: { modes: ServiceMode[] }) {
  const { t } = useTranslation('windows');
  return (
    <table className="detail-table" aria-label={t('serviceMode.recentLabel')}>
      <caption className="detail-table__caption">{t('serviceMode.recentCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('serviceMode.column.transmitter')}</th>
          <th scope="col">{t('serviceMode.column.category')}</th>
          <th scope="col">{t('serviceMode.column.from')}</th>
          <th scope="col">{t('serviceMode.column.until')}</th>
          <th scope="col">{t('serviceMode.column.askedBy')}</th>
          <th scope="col">{t('serviceMode.column.setBy')}</th>
          <th scope="col">{t('serviceMode.column.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {modes.map((mode) => (
          <tr key={mode.id} data-testid="sm-recent" data-service-mode-id={mode.id}>
            <td className="mono">{mode.account}</td>
            <td>{mode.category ? windowCategoryLabel(mode.category) : t('serviceMode.all')}</td>
            <td>{formatDateTime(mode.startsAt)}</td>
            <td>
              {formatDateTime(mode.endsAt)}
              {mode.endedEarlyAt && (
                <span className="muted">
                  {' '}
                  {mode.endedEarlyBy
                    ? t('serviceMode.endedEarlyBy', { name: mode.endedEarlyBy.name })
                    : t('serviceMode.endedEarly')}
                </span>
              )}
            </td>
            <td>
              {mode.requestedBy.name} ({mode.requestedBy.level})
            </td>
            <td>{mode.setBy.name}</td>
            <td>{mode.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface ServiceModeFormProps {
  transmitters: readonly Transmitter[];
  candidates: readonly RequesterCandidate[];
  onSave: (input: ServiceModeInput) => Promise<void>;
  onCancel: () => void;
}

export function ServiceModeForm({ transmitters, candidates, onSave, onCancel }: ServiceModeFormProps) {
  const { t } = useTranslation(['windows', 'access']);
  const categoryOptions = [
    { value: '', label: t('serviceMode.wholeTransmitter') },
    ...ALARM_CATEGORIES.map((category) => ({ value: category, label: windowCategoryLabel(category) })),
  ];
  const transmitterOptions = transmitters.map((tx) => ({
    value: tx.id,
    label: tx.inputCategory ? `${tx.account} (${windowCategoryLabel(tx.inputCategory)})` : tx.account,
  }));
  // The server's default and maximum (GET /settings), not a copy of them.
  const limits = useCentreSettings().serviceMode;
  const [values, setValues] = useState({
    transmitterId: transmitters[0]?.id ?? '',
    category: '',
    requestedByPersonId: '',
    durationMinutes: String(limits.defaultMinutes),
    reason: '',
  });
  const form = useSchemaForm(ServiceModeInputSchema, onSave, serviceModeCheck(limits.maxMinutes));
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });
  const fields = {
    transmitterId: field('transmitterId'),
    category: field('category'),
    requestedByPersonId: field('requestedByPersonId'),
    durationMinutes: field('durationMinutes'),
    reason: field('reason'),
  };

  const transmitter = transmitters.find((tx) => tx.id === values.transmitterId);
  const category = values.category === '' ? null : (values.category as AlarmCategory);
  const candidate = candidates.find((c) => c.person.id === values.requestedByPersonId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const duration = values.durationMinutes.trim();
    void form.submit({
      transmitterId: values.transmitterId,
      category,
      requestedByPersonId: values.requestedByPersonId,
      durationMinutes: duration === '' ? undefined : Number(duration),
      reason: values.reason,
    });
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('serviceMode.set')}>
      <p className="muted">{t('serviceMode.checkPassword')}</p>
      {candidates.length === 0 && (
        <p className="form-error" role="alert">
          {t('serviceMode.noRequesters')}
        </p>
      )}
      <div className="edit-form__row">
        <SelectField
          label={t('serviceMode.transmitter')}
          testId={IDS.transmitter}
          options={transmitterOptions}
          {...fields.transmitterId}
        />
        <SelectField
          label={t('serviceMode.category')}
          testId={IDS.category}
          options={categoryOptions}
          {...fields.category}
        />
      </div>
      <RequesterField
        candidates={candidates}
        testId={IDS.requester}
        value={values.requestedByPersonId}
        onChange={fields.requestedByPersonId.onChange}
        error={form.errors.requestedByPersonId ? t('access:requester.required') : undefined}
      />
      <RequesterVerdict
        candidate={candidate}
        covers={windowCovers(category, transmitter?.inputCategory ?? null)}
        testId={IDS.verdict}
      />
      <div className="edit-form__row">
        <TextField
          label={t('serviceMode.duration')}
          testId={IDS.duration}
          type="number"
          min={1}
          max={limits.maxMinutes}
          hint={t('serviceMode.atMost', { duration: durationInWords(limits.maxMinutes) })}
          {...fields.durationMinutes}
        />
        <TextField label={t('serviceMode.reason')} testId={IDS.reason} {...fields.reason} />
      </div>
      <FormError message={form.formError} />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix={IDS.prefix}
        saveLabel={t('serviceMode.save')}
      />
    </form>
  );
}
