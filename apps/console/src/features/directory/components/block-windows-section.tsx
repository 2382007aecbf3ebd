import { type SiteDetail, type Transmitter } from '@arc/shared/directory';
import {
  BlockWindowConfirmInputSchema,
  BlockWindowInputSchema,
  windowCovers,
  type BlockWindow,
  type BlockWindowConfirmInput,
  type BlockWindowInput,
} from '@arc/shared/rules';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelBlockWindow, confirmBlockWindow, createBlockWindow } from '../api/directory-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useDirectoryStore } from '../store/directory-store';
import { windowCategoryLabel } from '../utils/access-labels';
import { formatDateTime } from '../utils/labels';
import { ConfirmButton, DetailSection } from './detail-section';
import { FormActions, FormError, FormField, SelectField, TextField } from '../../../components/form-field';
import {
  localToday,
  RequesterField,
  RequesterVerdict,
  requesterCandidates,
  type RequesterCandidate,
} from './requester-field';
import { centreInputToIso } from '../../../utils/time';

/** Test ids: code, not text. */
const IDS = {
  section: 'detail-block-windows',
  cancel: 'bw-cancel',
  transmitter: 'bw-transmitter',
  starts: 'bw-starts',
  ends: 'bw-ends',
  requester: 'bw-requester',
  verdict: 'bw-verdict',
  requestDate: 'bw-request-date',
  reference: 'bw-reference',
  reason: 'bw-reason',
  prefix: 'bw',
  sentTo: 'bwc-sent-to',
  note: 'bwc-note',
  confirmPrefix: 'bwc',
} as const;

export interface BlockWindowsSectionProps {
  detail: SiteDetail;
  /** Today as YYYY-MM-DD; injectable for tests. */
  today?: string;
}

/** What the operator is doing: creating a window, confirming one (klarrapport), or nothing. */
type Editing = { kind: 'new' } | { kind: 'confirm'; blockWindow: BlockWindow } | null;

/**
 * Block windows: a longer inactivation of a transmitter on a written request (docs/domain.md
 * section 3), with the completion confirmation (klarrapport) sent back to the requester.
 */
export function BlockWindowsSection({ detail, today = localToday() }: BlockWindowsSectionProps) {
  const { t } = useTranslation('windows');
  const [editing, setEditing] = useState<Editing>(null);
  const mutate = useDirectoryStore((state) => state.mutate);
  const done = () => setEditing(null);
  const startConfirm = (blockWindow: BlockWindow) => setEditing({ kind: 'confirm', blockWindow });

  const actions = editing === null && detail.transmitters.length > 0 && (
    <button
      className="button button--small"
      type="button"
      onClick={() => setEditing({ kind: 'new' })}
      data-testid="bw-add"
    >
      {t('blockWindows.new')}
    </button>
  );

  return (
    <DetailSection title={t('blockWindows.title')} testId={IDS.section} actions={actions}>
      {editing?.kind === 'new' && (
        <BlockWindowForm
          transmitters={detail.transmitters}
          candidates={requesterCandidates(detail, today)}
          today={today}
          onCancel={done}
          onSave={async (input) => {
            await mutate(() => createBlockWindow(input));
            done();
          }}
        />
      )}
      {editing?.kind === 'confirm' && (
        <ConfirmForm
          blockWindow={editing.blockWindow}
          onCancel={done}
          onSave={async (input) => {
            await mutate(() => confirmBlockWindow(editing.blockWindow.id, input));
            done();
          }}
        />
      )}
      {detail.blockWindows.length === 0 ? (
        <p className="muted">{t('blockWindows.none')}</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">{t('blockWindows.column.transmitter')}</th>
              <th scope="col">{t('blockWindows.column.state')}</th>
              <th scope="col">{t('blockWindows.column.from')}</th>
              <th scope="col">{t('blockWindows.column.until')}</th>
              <th scope="col">{t('blockWindows.column.requestedBy')}</th>
              <th scope="col">{t('blockWindows.column.request')}</th>
              <th scope="col">{t('blockWindows.column.confirmation')}</th>
              <th scope="col">{t('blockWindows.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.blockWindows.map((blockWindow) => (
              <BlockWindowRow
                key={blockWindow.id}
                blockWindow={blockWindow}
                canAct={editing === null}
                onConfirm={() => startConfirm(blockWindow)}
                onCancelWindow={() => mutate(() => cancelBlockWindow(blockWindow.id)).then(() => undefined)}
              />
            ))}
          </tbody>
        </table>
      )}
    </DetailSection>
  );
}

interface BlockWindowRowProps {
  blockWindow: BlockWindow;
  canAct: boolean;
  onConfirm: () => void;
  onCancelWindow: () => Promise<void>;
}

function BlockWindowRow({ blockWindow, canAct, onConfirm, onCancelWindow }: BlockWindowRowProps) {
  const { t } = useTranslation('windows');
  const open = blockWindow.state === 'SCHEDULED' || blockWindow.state === 'ACTIVE';
  return (
    <tr data-testid="bw-row" data-block-window-id={blockWindow.id} data-state={blockWindow.state}>
      <td className="mono">{blockWindow.account}</td>
      <td>
        <span className="state-badge" data-state={blockWindow.state} data-testid="bw-state">
          {t(`blockWindows.state.${blockWindow.state}`)}
        </span>
      </td>
      <td>{formatDateTime(blockWindow.startsAt)}</td>
      <td>
        {formatDateTime(blockWindow.endsAt)}
        {blockWindow.endedEarlyAt && <span className="muted"> {t('blockWindows.endedEarly')}</span>}
      </td>
      <td>
        {blockWindow.requestedBy.name} ({blockWindow.requestedBy.level})
      </td>
      <td>
        {blockWindow.requestDate} · {blockWindow.reference}
        {blockWindow.reason && <span className="muted"> · {blockWindow.reason}</span>}
      </td>
      <td data-testid="bw-confirmation">
        {blockWindow.confirmation ? (
          <span>
            {t('blockWindows.sentTo', {
              sentTo: blockWindow.confirmation.sentTo,
              at: formatDateTime(blockWindow.confirmation.at),
              name: blockWindow.confirmation.by.name,
            })}
            {blockWindow.confirmation.note && <span className="muted"> · {blockWindow.confirmation.note}</span>}
          </span>
        ) : blockWindow.state === 'CANCELLED' ? (
          <span className="muted">—</span>
        ) : (
          <span className="tag tag--warn">{t('blockWindows.notSent')}</span>
        )}
      </td>
      <td className="row-actions">
        {canAct && open && !blockWindow.confirmation && (
          <button className="button button--small" type="button" onClick={onConfirm} data-testid="bw-confirm">
            {t('blockWindows.confirm')}
          </button>
        )}
        {canAct && open && (
          <ConfirmButton
            label={t('blockWindows.cancel')}
            confirmLabel={t('blockWindows.cancelConfirm')}
            onConfirm={onCancelWindow}
            testId={IDS.cancel}
          />
        )}
      </td>
    </tr>
  );
}

export interface BlockWindowFormProps {
  transmitters: readonly Transmitter[];
  candidates: readonly RequesterCandidate[];
  today: string;
  onSave: (input: BlockWindowInput) => Promise<void>;
  onCancel: () => void;
}

export function BlockWindowForm({ transmitters, candidates, today, onSave, onCancel }: BlockWindowFormProps) {
  const { t } = useTranslation(['windows', 'access']);
  const [values, setValues] = useState({
    transmitterId: transmitters[0]?.id ?? '',
    startsAt: '',
    endsAt: '',
    requestedByPersonId: '',
    requestDate: today,
    reference: '',
    reason: '',
  });
  const form = useSchemaForm(BlockWindowInputSchema, onSave);
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });
  const fields = {
    transmitterId: field('transmitterId'),
    startsAt: field('startsAt'),
    endsAt: field('endsAt'),
    requestedByPersonId: field('requestedByPersonId'),
    requestDate: field('requestDate'),
    reference: field('reference'),
    reason: field('reason'),
  };
  const transmitterOptions = transmitters.map((tx) => ({
    value: tx.id,
    label: tx.inputCategory ? `${tx.account} (${windowCategoryLabel(tx.inputCategory)})` : tx.account,
  }));
  const transmitter = transmitters.find((tx) => tx.id === values.transmitterId);
  const candidate = candidates.find((c) => c.person.id === values.requestedByPersonId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      ...values,
      startsAt: localInputToIso(values.startsAt),
      endsAt: localInputToIso(values.endsAt),
      reason: values.reason || null,
    });
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('blockWindows.formLabel')}>
      <SelectField
        label={t('blockWindows.transmitter')}
        testId={IDS.transmitter}
        options={transmitterOptions}
        {...fields.transmitterId}
      />
      <div className="edit-form__row">
        <DateTimeField label={t('blockWindows.from')} testId={IDS.starts} {...fields.startsAt} />
        <DateTimeField label={t('blockWindows.until')} testId={IDS.ends} {...fields.endsAt} />
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
        covers={windowCovers(null, transmitter?.inputCategory ?? null)}
        testId={IDS.verdict}
      />
      <div className="edit-form__row">
        <TextField label={t('blockWindows.requestDate')} testId={IDS.requestDate} type="date" {...fields.requestDate} />
        <TextField label={t('blockWindows.reference')} testId={IDS.reference} {...fields.reference} />
      </div>
      <TextField label={t('blockWindows.reason')} testId={IDS.reason} {...fields.reason} />
      <FormError message={form.formError} />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix={IDS.prefix}
        saveLabel={t('blockWindows.create')}
      />
    </form>
  );
}

interface ConfirmFormProps {
  blockWindow: BlockWindow;
  onSave: (input: BlockWindowConfirmInput) => Promise<void>;
  onCancel: () => void;
}

/** Records that the completion confirmation (klarrapport) went to the requester. */
function ConfirmForm({ blockWindow, onSave, onCancel }: ConfirmFormProps) {
  const { t } = useTranslation('windows');
  const [sentTo, setSentTo] = useState('');
  const [note, setNote] = useState('');
  const form = useSchemaForm(BlockWindowConfirmInputSchema, onSave);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ sentTo, note: note || null });
  };
  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('blockWindows.confirmFormLabel', { account: blockWindow.account })}
    >
      <p className="muted">
        {t('blockWindows.summary', {
          account: blockWindow.account,
          from: formatDateTime(blockWindow.startsAt),
          until: formatDateTime(blockWindow.endsAt),
          name: blockWindow.requestedBy.name,
        })}
      </p>
      <div className="edit-form__row">
        <TextField
          label={t('blockWindows.sentToLabel')}
          testId={IDS.sentTo}
          value={sentTo}
          onChange={setSentTo}
          error={form.errors.sentTo}
        />
        <TextField
          label={t('blockWindows.note')}
          testId={IDS.note}
          value={note}
          onChange={setNote}
          error={form.errors.note}
        />
      </div>
      <FormError message={form.formError} />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix={IDS.confirmPrefix}
        saveLabel={t('blockWindows.record')}
      />
    </form>
  );
}

interface DateTimeFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  testId: string;
}

function DateTimeField({ label, value, onChange, error, testId }: DateTimeFieldProps) {
  return (
    <FormField label={label} error={error} testId={testId}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="field__input"
          data-testid={testId}
          type="datetime-local"
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/**
 * A datetime-local value ("2026-11-22T14:00") is the centre's wall-clock time (not the
 * browser's); this gives the instant as ISO (UTC). Anything unparseable is passed on for the
 * schema to reject.
 */
export function localInputToIso(value: string): string {
  if (value === '') return '';
  return centreInputToIso(value);
}
