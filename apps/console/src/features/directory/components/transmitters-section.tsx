import type { SiteDetail, Transmitter } from '@arc/shared/directory';
import { useEffect, useState } from 'react';
import { createTransmitter, deleteTransmitter, updateTransmitter } from '../api/directory-api';
import { useDirectoryStore } from '../store/directory-store';
import { formatDateTime, yesNo } from '../utils/labels';
import { ConfirmButton, DetailSection } from './detail-section';
import { TransmitterForm } from './transmitter-form';

export interface TransmittersSectionProps {
  detail: SiteDetail;
  canEdit: boolean;
}

export function TransmittersSection({ detail, canEdit }: TransmittersSectionProps) {
  /** 'new', a transmitter id, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const mutate = useDirectoryStore((state) => state.mutate);
  const siteId = detail.site.id;
  const editedTransmitter = detail.transmitters.find((t) => t.id === editing);
  const now = useClock();

  const actions = canEdit && editing === null && (
    <button className="button button--small" type="button" onClick={() => setEditing('new')} data-testid="tx-add">
      Add transmitter
    </button>
  );

  return (
    <DetailSection title="Transmitters" testId="detail-transmitters" actions={actions}>
      {editing !== null && (
        <TransmitterForm
          key={editing}
          siteId={siteId}
          initial={editedTransmitter}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            await mutate(() =>
              editedTransmitter ? updateTransmitter(editedTransmitter.id, input) : createTransmitter(input),
            );
            setEditing(null);
          }}
        />
      )}
      {detail.transmitters.length === 0 ? (
        <p className="muted">No transmitters.</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Protocol</th>
              <th scope="col">Encrypted</th>
              <th scope="col">Supervision</th>
              <th scope="col">Input category</th>
              <th scope="col">Last seen</th>
              <th scope="col">Status</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {detail.transmitters.map((transmitter) => (
              <TransmitterRow
                key={transmitter.id}
                transmitter={transmitter}
                now={now}
                canEdit={canEdit}
                onEdit={() => setEditing(transmitter.id)}
                onDelete={() => mutate(() => deleteTransmitter(transmitter.id))}
              />
            ))}
          </tbody>
        </table>
      )}
    </DetailSection>
  );
}

interface TransmitterRowProps {
  transmitter: Transmitter;
  /** Current time in ms, to tell whether a runaway period is over. */
  now: number;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}

function TransmitterRow({ transmitter, now, canEdit, onEdit, onDelete }: TransmitterRowProps) {
  const runaway = transmitter.runawayUntil !== null && Date.parse(transmitter.runawayUntil) > now;
  return (
    <tr data-testid="transmitter-row" data-account={transmitter.account}>
      <td className="mono">{transmitter.account}</td>
      <td>{transmitter.protocol}</td>
      <td data-testid="transmitter-encrypted">
        {transmitter.encrypted ? 'yes (key stored)' : yesNo(false)}
        {transmitter.requireEncryption && (
          <span
            className="tag"
            data-testid="transmitter-require-encryption"
            title="Unencrypted messages from this transmitter are refused (DUH) and not stored"
          >
            REQUIRED
          </span>
        )}
      </td>
      <td>{transmitter.supervisionIntervalSeconds ? `${transmitter.supervisionIntervalSeconds} s` : 'none'}</td>
      <td>{transmitter.inputCategory ?? '—'}</td>
      <td>{formatDateTime(transmitter.lastSeenAt)}</td>
      <td data-testid="transmitter-status">
        {runaway && (
          <span className="tag tag--danger" data-testid="transmitter-runaway">
            RUNAWAY until {formatDateTime(transmitter.runawayUntil)}
          </span>
        )}
        {transmitter.supervisionFailedAt && (
          <span className="tag tag--warn" data-testid="transmitter-supervision-failed">
            test signal missing since {formatDateTime(transmitter.supervisionFailedAt)}
          </span>
        )}
        {!runaway && !transmitter.supervisionFailedAt && <span className="muted">ok</span>}
      </td>
      {canEdit && (
        <td className="row-actions">
          <button className="button button--small" type="button" onClick={onEdit} data-testid="tx-edit">
            Edit
          </button>
          <ConfirmButton label="Remove" confirmLabel="Remove transmitter" onConfirm={onDelete} testId="tx-delete" />
        </td>
      )}
    </tr>
  );
}

const CLOCK_TICK_MS = 30_000;

/** The time now, updated twice a minute: enough for a runaway badge to go away when its period ends. */
function useClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
