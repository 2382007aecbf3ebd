import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type SiteDetail, type Transmitter } from '@arc/shared/directory';
import { ServiceModeInputSchema, windowCovers, type ServiceMode, type ServiceModeInput } from '@arc/shared/rules';
import { minutesInWords } from '@arc/shared/settings';
import { useState, type FormEvent } from 'react';
import { endServiceMode, startServiceMode } from '../api/directory-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useDirectoryStore } from '../store/directory-store';
import { formatDateTime } from '../utils/labels';
import { DetailSection } from './detail-section';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import {
  localToday,
  REQUESTER_REQUIRED,
  RequesterField,
  RequesterVerdict,
  requesterCandidates,
  type RequesterCandidate,
} from './requester-field';
import { useCentreSettings } from '../../../lib/settings/settings-store';
import { serviceModeCheck } from '../../../utils/service-mode-limits';

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
  const [adding, setAdding] = useState(false);
  const mutate = useDirectoryStore((state) => state.mutate);
  const candidates = requesterCandidates(detail, today);
  const recent = detail.serviceModes.filter((mode) => !mode.active);

  const actions = !adding && detail.transmitters.length > 0 && (
    <button className="button button--small" type="button" onClick={() => setAdding(true)} data-testid="sm-add">
      Set service mode
    </button>
  );

  return (
    <DetailSection title="Service mode" testId="detail-service-mode" actions={actions}>
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
        <p className="muted">No transmitters.</p>
      ) : (
        <ul className="plain-list service-modes" aria-label="Service mode per transmitter">
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
  return (
    <li className="service-modes__transmitter" data-testid="sm-transmitter" data-account={transmitter.account}>
      <span className="mono">{transmitter.account}</span>
      {transmitter.inputCategory && <span className="muted"> ({transmitter.inputCategory})</span>}
      {modes.length === 0 ? (
        <span className="muted" data-testid="sm-none">
          {' '}
          — normal operation
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await onEnd();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Ending failed');
      setBusy(false);
    }
  };
  return (
    <li className="service-mode" data-testid="sm-active" data-service-mode-id={mode.id}>
      <span className="tag tag--service">IN SERVICE MODE</span>
      <span data-testid="sm-active-scope">{mode.category ?? 'all categories'}</span> until{' '}
      <time dateTime={mode.endsAt} data-testid="sm-active-until">
        {formatDateTime(mode.endsAt)}
      </time>
      <span className="muted" data-testid="sm-active-who">
        {' '}
        · asked by {mode.requestedBy.name} ({mode.requestedBy.level}) · set by {mode.setBy.name} · {mode.reason}
      </span>{' '}
      <button
        className="button button--small"
        type="button"
        disabled={busy}
        onClick={() => void end()}
        data-testid="sm-end"
      >
        {busy ? 'Ending…' : 'End now'}
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
  return (
    <table className="detail-table" aria-label="Service modes of the last 7 days">
      <caption className="detail-table__caption">Ended in the last 7 days</caption>
      <thead>
        <tr>
          <th scope="col">Transmitter</th>
          <th scope="col">Category</th>
          <th scope="col">From</th>
          <th scope="col">Until</th>
          <th scope="col">Asked by</th>
          <th scope="col">Set by</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {modes.map((mode) => (
          <tr key={mode.id} data-testid="sm-recent" data-service-mode-id={mode.id}>
            <td className="mono">{mode.account}</td>
            <td>{mode.category ?? 'all'}</td>
            <td>{formatDateTime(mode.startsAt)}</td>
            <td>
              {formatDateTime(mode.endsAt)}
              {mode.endedEarlyAt && (
                <span className="muted"> (ended early{mode.endedEarlyBy ? ` by ${mode.endedEarlyBy.name}` : ''})</span>
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

const CATEGORY_OPTIONS = [
  { value: '', label: 'Whole transmitter (all categories)' },
  ...ALARM_CATEGORIES.map((category) => ({ value: category, label: category })),
];

export interface ServiceModeFormProps {
  transmitters: readonly Transmitter[];
  candidates: readonly RequesterCandidate[];
  onSave: (input: ServiceModeInput) => Promise<void>;
  onCancel: () => void;
}

export function ServiceModeForm({ transmitters, candidates, onSave, onCancel }: ServiceModeFormProps) {
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

  const transmitter = transmitters.find((t) => t.id === values.transmitterId);
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
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label="Set service mode">
      <p className="muted">Check the caller&apos;s password before you set service mode.</p>
      {candidates.length === 0 && (
        <p className="form-error" role="alert">
          Nobody on an authorization list or service company of this site can ask for service mode.
        </p>
      )}
      <div className="edit-form__row">
        <SelectField
          label="Transmitter"
          testId="sm-transmitter-select"
          options={transmitters.map((t) => ({
            value: t.id,
            label: t.inputCategory ? `${t.account} (${t.inputCategory})` : t.account,
          }))}
          {...field('transmitterId')}
        />
        <SelectField label="Category" testId="sm-category" options={CATEGORY_OPTIONS} {...field('category')} />
      </div>
      <RequesterField
        candidates={candidates}
        testId="sm-requester"
        value={values.requestedByPersonId}
        onChange={field('requestedByPersonId').onChange}
        error={form.errors.requestedByPersonId ? REQUESTER_REQUIRED : undefined}
      />
      <RequesterVerdict
        candidate={candidate}
        covers={windowCovers(category, transmitter?.inputCategory ?? null)}
        testId="sm-verdict"
      />
      <div className="edit-form__row">
        <TextField
          label="Duration (minutes)"
          testId="sm-duration"
          type="number"
          min={1}
          max={limits.maxMinutes}
          hint={`At most ${minutesInWords(limits.maxMinutes)}`}
          {...field('durationMinutes')}
        />
        <TextField label="Reason" testId="sm-reason" {...field('reason')} />
      </div>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="sm" saveLabel="Set service mode" />
    </form>
  );
}
