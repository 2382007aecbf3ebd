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
import { cancelBlockWindow, confirmBlockWindow, createBlockWindow } from '../api/directory-api';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useDirectoryStore } from '../store/directory-store';
import { formatDateTime } from '../utils/labels';
import { ConfirmButton, DetailSection } from './detail-section';
import { FormActions, FormError, FormField, SelectField, TextField } from '../../../components/form-field';
import {
  localToday,
  REQUESTER_REQUIRED,
  RequesterField,
  RequesterVerdict,
  requesterCandidates,
  type RequesterCandidate,
} from './requester-field';
import { centreInputToIso } from '../../../utils/time';

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
  const [editing, setEditing] = useState<Editing>(null);
  const mutate = useDirectoryStore((state) => state.mutate);
  const done = () => setEditing(null);

  const actions = editing === null && detail.transmitters.length > 0 && (
    <button
      className="button button--small"
      type="button"
      onClick={() => setEditing({ kind: 'new' })}
      data-testid="bw-add"
    >
      New block window
    </button>
  );

  return (
    <DetailSection title="Block windows" testId="detail-block-windows" actions={actions}>
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
        <p className="muted">No block windows.</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">Transmitter</th>
              <th scope="col">State</th>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col">Requested by</th>
              <th scope="col">Request</th>
              <th scope="col">Confirmation</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {detail.blockWindows.map((blockWindow) => (
              <BlockWindowRow
                key={blockWindow.id}
                blockWindow={blockWindow}
                canAct={editing === null}
                onConfirm={() => setEditing({ kind: 'confirm', blockWindow })}
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
  const open = blockWindow.state === 'SCHEDULED' || blockWindow.state === 'ACTIVE';
  return (
    <tr data-testid="bw-row" data-block-window-id={blockWindow.id} data-state={blockWindow.state}>
      <td className="mono">{blockWindow.account}</td>
      <td>
        <span className="state-badge" data-state={blockWindow.state} data-testid="bw-state">
          {blockWindow.state}
        </span>
      </td>
      <td>{formatDateTime(blockWindow.startsAt)}</td>
      <td>
        {formatDateTime(blockWindow.endsAt)}
        {blockWindow.endedEarlyAt && <span className="muted"> (ended early)</span>}
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
            sent to {blockWindow.confirmation.sentTo}, {formatDateTime(blockWindow.confirmation.at)} by{' '}
            {blockWindow.confirmation.by.name}
            {blockWindow.confirmation.note && <span className="muted"> · {blockWindow.confirmation.note}</span>}
          </span>
        ) : blockWindow.state === 'CANCELLED' ? (
          <span className="muted">—</span>
        ) : (
          <span className="tag tag--warn">not sent</span>
        )}
      </td>
      <td className="row-actions">
        {canAct && open && !blockWindow.confirmation && (
          <button className="button button--small" type="button" onClick={onConfirm} data-testid="bw-confirm">
            Confirm…
          </button>
        )}
        {canAct && open && (
          <ConfirmButton
            label="Cancel window"
            confirmLabel="Cancel block window"
            onConfirm={onCancelWindow}
            testId="bw-cancel"
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
  const transmitter = transmitters.find((t) => t.id === values.transmitterId);
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
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label="New block window">
      <SelectField
        label="Transmitter"
        testId="bw-transmitter"
        options={transmitters.map((t) => ({
          value: t.id,
          label: t.inputCategory ? `${t.account} (${t.inputCategory})` : t.account,
        }))}
        {...field('transmitterId')}
      />
      <div className="edit-form__row">
        <DateTimeField label="From (local time)" testId="bw-starts" {...field('startsAt')} />
        <DateTimeField label="Until (local time)" testId="bw-ends" {...field('endsAt')} />
      </div>
      <RequesterField
        candidates={candidates}
        testId="bw-requester"
        value={values.requestedByPersonId}
        onChange={field('requestedByPersonId').onChange}
        error={form.errors.requestedByPersonId ? REQUESTER_REQUIRED : undefined}
      />
      <RequesterVerdict
        candidate={candidate}
        covers={windowCovers(null, transmitter?.inputCategory ?? null)}
        testId="bw-verdict"
      />
      <div className="edit-form__row">
        <TextField label="Request date" testId="bw-request-date" type="date" {...field('requestDate')} />
        <TextField label="Reference (letter, e-mail, order)" testId="bw-reference" {...field('reference')} />
      </div>
      <TextField label="Reason" testId="bw-reason" {...field('reason')} />
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="bw" saveLabel="Create block window" />
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
      aria-label={`Confirmation of the block window on ${blockWindow.account}`}
    >
      <p className="muted">
        Block blockWindow on {blockWindow.account}, {formatDateTime(blockWindow.startsAt)} –{' '}
        {formatDateTime(blockWindow.endsAt)}, asked by {blockWindow.requestedBy.name}.
      </p>
      <div className="edit-form__row">
        <TextField
          label="Confirmation sent to"
          testId="bwc-sent-to"
          value={sentTo}
          onChange={setSentTo}
          error={form.errors.sentTo}
        />
        <TextField label="Note" testId="bwc-note" value={note} onChange={setNote} error={form.errors.note} />
      </div>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="bwc" saveLabel="Record confirmation" />
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
