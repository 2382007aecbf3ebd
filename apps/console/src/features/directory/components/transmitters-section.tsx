import type { SiteDetail, Transmitter } from '@arc/shared/directory';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['directory', 'common']);
  /** 'new', a transmitter id, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const mutate = useDirectoryStore((state) => state.mutate);
  const siteId = detail.site.id;
  const editedTransmitter = detail.transmitters.find((tx) => tx.id === editing);
  const now = useClock();

  const actions = canEdit && editing === null && (
    <button className="button button--small" type="button" onClick={() => setEditing('new')} data-testid="tx-add">
      {t('transmitters.add')}
    </button>
  );

  return (
    <DetailSection title={t('transmitters.title')} testId="detail-transmitters" actions={actions}>
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
        <p className="muted">{t('transmitters.none')}</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">{t('transmitters.account')}</th>
              <th scope="col">{t('transmitters.protocol')}</th>
              <th scope="col">{t('transmitters.encrypted')}</th>
              <th scope="col">{t('transmitters.supervision')}</th>
              <th scope="col">{t('transmitters.inputCategory')}</th>
              <th scope="col">{t('transmitters.lastSeen')}</th>
              <th scope="col">{t('transmitters.status')}</th>
              {canEdit && <th scope="col">{t('transmitters.actions')}</th>}
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
  const { t } = useTranslation(['directory', 'common']);
  const runaway = transmitter.runawayUntil !== null && Date.parse(transmitter.runawayUntil) > now;
  return (
    <tr data-testid="transmitter-row" data-account={transmitter.account}>
      <td className="mono">{transmitter.account}</td>
      <td>{t(`protocol.${transmitter.protocol}`)}</td>
      <td data-testid="transmitter-encrypted">
        {transmitter.encrypted ? t('transmitters.encryptedYes') : yesNo(false)}
        {transmitter.requireEncryption && (
          <span className="tag" data-testid="transmitter-require-encryption" title={t('transmitters.requiredTitle')}>
            {t('transmitters.required')}
          </span>
        )}
      </td>
      <td>
        {transmitter.supervisionIntervalSeconds
          ? t('transmitters.seconds', { seconds: transmitter.supervisionIntervalSeconds })
          : t('transmitters.noSupervision')}
      </td>
      <td>{transmitter.inputCategory ? t(`categoryCode.${transmitter.inputCategory}`) : '—'}</td>
      <td>{formatDateTime(transmitter.lastSeenAt)}</td>
      <td data-testid="transmitter-status">
        {runaway && (
          <span className="tag tag--danger" data-testid="transmitter-runaway">
            {t('transmitters.runaway', { time: formatDateTime(transmitter.runawayUntil) })}
          </span>
        )}
        {transmitter.supervisionFailedAt && (
          <span className="tag tag--warn" data-testid="transmitter-supervision-failed">
            {t('transmitters.supervisionFailed', { time: formatDateTime(transmitter.supervisionFailedAt) })}
          </span>
        )}
        {!runaway && !transmitter.supervisionFailedAt && <span className="muted">{t('transmitters.ok')}</span>}
      </td>
      {canEdit && (
        <td className="row-actions">
          <button className="button button--small" type="button" onClick={onEdit} data-testid="tx-edit">
            {t('common:action.edit')}
          </button>
          <ConfirmButton
            label={t('common:action.remove')}
            confirmLabel={t('transmitters.removeConfirm')}
            onConfirm={onDelete}
            testId="tx-delete"
          />
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
