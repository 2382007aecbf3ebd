import { type Transmitter } from '@arc/shared/directory';
import { TransmitterZonesInputSchema, type TransmitterZone } from '@arc/shared/site-knowledge';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getZones, putZones } from '../api/site-knowledge-api';
import { messageOf } from '../../../utils/request-state';
import { DetailSection } from './detail-section';

interface ZoneRow {
  zone: string;
  name: string;
  location: string;
}

/** The zone names of each transmitter of the site; admins edit a transmitter's list. */
export function ZonesSection({ transmitters, canEdit }: { transmitters: readonly Transmitter[]; canEdit: boolean }) {
  const { t } = useTranslation(['directory', 'common']);
  if (transmitters.length === 0) return null;
  return (
    <DetailSection title={t('zones.title')} testId="detail-zones">
      {transmitters.map((tx) => (
        <TransmitterZones key={tx.id} transmitter={tx} canEdit={canEdit} />
      ))}
    </DetailSection>
  );
}

function TransmitterZones({ transmitter, canEdit }: { transmitter: Transmitter; canEdit: boolean }) {
  const { t } = useTranslation(['directory', 'common']);
  const [zones, setZones] = useState<TransmitterZone[] | null>(null);
  const [rows, setRows] = useState<ZoneRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    let live = true;
    getZones(transmitter.id).then(
      (z) => live && setZones(z),
      (caught: unknown) => live && setError(messageOf(caught, t('zones.loadFailed'))),
    );
    return () => {
      live = false;
    };
  }, [transmitter.id, t]);

  const edit = () => setRows((zones ?? []).map((z) => ({ zone: z.zone, name: z.name, location: z.location ?? '' })));
  const change = (index: number, field: keyof ZoneRow, value: string) =>
    setRows((current) => current?.map((row, i) => (i === index ? { ...row, [field]: value } : row)) ?? null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = TransmitterZonesInputSchema.safeParse({
      zones: (rows ?? [])
        .filter((r) => r.zone.trim() || r.name.trim())
        .map((r) => ({ zone: r.zone, name: r.name, location: r.location.trim() || null })),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[2] === 'name' || issue?.path[2] === 'zone' ? issue.path[2] : 'other';
      const text = t('zones.issue', { field, message: issue?.message ?? t('zones.notValid') });
      const row = issue?.path[1];
      setError(typeof row === 'number' ? t('zones.rowIssue', { row: String(row + 1), issue: text }) : text);
      return;
    }
    setPending(true);
    setError(null);
    try {
      setZones(await putZones(transmitter.id, parsed.data));
      setRows(null);
    } catch (caught) {
      setError(messageOf(caught, t('zones.saveFailed')));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="transmitter-zones" data-testid="transmitter-zones" data-account={transmitter.account}>
      <h4 className="site-notes__heading">
        {t('zones.transmitter')} <span className="mono">{transmitter.account}</span>
        {canEdit && rows === null && zones && (
          <button className="button button--small" type="button" onClick={edit} data-testid="zones-edit">
            {t('zones.edit')}
          </button>
        )}
      </h4>
      {error && (
        <p className="form-error" role="alert" data-testid="zones-error">
          {error}
        </p>
      )}
      {rows === null ? (
        zones && zones.length === 0 ? (
          <p className="muted">{t('zones.none')}</p>
        ) : (
          <ul className="plain-list">
            {(zones ?? []).map((z) => (
              <li key={z.zone} data-testid="zone">
                <span className="mono">{z.zone}</span> — {z.name}
                {z.location && <span className="muted"> · {z.location}</span>}
              </li>
            ))}
          </ul>
        )
      ) : (
        <form
          onSubmit={(e) => void save(e)}
          aria-label={t('zones.formLabel', { account: transmitter.account })}
          data-testid="zones-form"
        >
          <table className="detail-table zone-table">
            <thead>
              <tr>
                <th scope="col">{t('zones.zone')}</th>
                <th scope="col">{t('zones.name')}</th>
                <th scope="col">{t('zones.location')}</th>
                <th scope="col">{t('common:action.remove')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} data-testid="zone-row">
                  <td>
                    <input
                      className="field__input mono"
                      aria-label={t('zones.zoneNumber', { n: String(index + 1) })}
                      value={row.zone}
                      onChange={(e) => change(index, 'zone', e.target.value)}
                      data-testid="zone-number"
                    />
                  </td>
                  <td>
                    <input
                      className="field__input"
                      aria-label={t('zones.zoneName', { n: String(index + 1) })}
                      value={row.name}
                      onChange={(e) => change(index, 'name', e.target.value)}
                      data-testid="zone-name"
                    />
                  </td>
                  <td>
                    <input
                      className="field__input"
                      aria-label={t('zones.zoneLocation', { n: String(index + 1) })}
                      value={row.location}
                      onChange={(e) => change(index, 'location', e.target.value)}
                      data-testid="zone-location"
                    />
                  </td>
                  <td>
                    <button
                      className="button button--small"
                      type="button"
                      onClick={() => setRows(rows.filter((_, i) => i !== index))}
                      aria-label={t('zones.removeZone', { n: String(index + 1) })}
                    >
                      {t('common:action.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button
              className="button button--small"
              type="button"
              onClick={() => setRows([...rows, { zone: '', name: '', location: '' }])}
              data-testid="zone-add"
            >
              {t('zones.add')}
            </button>
            <button className="button button--primary" type="submit" disabled={pending} data-testid="zones-save">
              {pending ? t('common:action.saving') : t('zones.save')}
            </button>
            <button className="button" type="button" onClick={() => setRows(null)} disabled={pending}>
              {t('common:action.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
