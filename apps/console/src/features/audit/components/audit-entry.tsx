import type { AuditEntry } from '@arc/shared/directory';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/i18n/format';
import { formatDateTime } from '../../../utils/time';
import { changedCount, diffEntry, MASKED, type FieldDiff } from '../utils/audit-diff';
import { isAuditEntity } from '../utils/audit-query';

/** Before and after, side by side in this order. */
const SIDES = ['before', 'after'] as const;
type Side = (typeof SIDES)[number];

export interface AuditEntryViewProps {
  entry: AuditEntry;
  /** The log is narrowed to this entry's user / record already ("Only this …" is pressed). */
  onlyActor: boolean;
  onlyRecord: boolean;
  /** Narrows the log to this entry's user, or (pressed) back to everyone. */
  onOnlyActor: (actor: { id: string; name: string } | null) => void;
  /** Narrows the log to this entry's record, or (pressed) back to any record. */
  onOnlyRecord: (record: { entity: string; entityId: string } | null) => void;
}

/**
 * One audit entry: when, who, what, and the record's fields before and after side by side. A field
 * that differs is marked in words in its own column (and highlighted); secrets stay "***".
 */
export function AuditEntryView({ entry, onlyActor, onlyRecord, onOnlyActor, onOnlyRecord }: AuditEntryViewProps) {
  const { t } = useTranslation(['audit', 'common']);
  const headingId = `audit-entry-${entry.id}`;
  const entity = isAuditEntity(entry.entity) ? t(`entity.${entry.entity}`) : entry.entity;
  const diff = diffEntry(entry.before, entry.after);
  const compared = entry.before !== null && entry.after !== null;
  const who = entry.actorName ?? (entry.actorUserId ? t('entry.unknownUser') : t('entry.system'));

  const value = (row: FieldDiff, side: Side) => {
    const present = side === 'before' ? row.inBefore : row.inAfter;
    const raw = side === 'before' ? row.before : row.after;
    if (!present || raw === null || raw === undefined) return <span className="muted">{t('entry.none')}</span>;
    if (raw === MASKED) {
      return (
        <span className="admin-audit-masked">
          {MASKED} <span className="muted">({t('entry.masked')})</span>
        </span>
      );
    }
    if (typeof raw === 'boolean') return raw ? t('common:state.yes') : t('common:state.no');
    if (typeof raw === 'number') return formatNumber(raw);
    if (typeof raw === 'string') return raw;
    return <code className="admin-audit-json">{JSON.stringify(raw)}</code>;
  };

  return (
    <article
      className="admin-audit-entry"
      aria-labelledby={headingId}
      data-testid="audit-entry"
      data-entry-id={entry.id}
    >
      <h4 id={headingId} className="admin-audit-entry__title">
        {t('entry.heading', { action: t(`action.${entry.action}`), entity })}
      </h4>
      <dl className="facts admin-audit-entry__facts">
        <dt>{t('entry.at')}</dt>
        <dd>
          <time dateTime={entry.at} data-testid="audit-entry-at">
            {formatDateTime(entry.at)}
          </time>
        </dd>
        <dt>{t('entry.who')}</dt>
        <dd>
          <span data-testid="audit-entry-who">{who}</span>
          {entry.actorUserId && (
            <button
              type="button"
              className="button button--small admin-audit-entry__narrow"
              aria-label={t('entry.onlyPersonNamed', { name: who })}
              aria-pressed={onlyActor}
              onClick={() => onOnlyActor(onlyActor ? null : { id: entry.actorUserId!, name: who })}
              data-testid="audit-only-actor"
            >
              {t('entry.onlyPerson')}
            </button>
          )}
        </dd>
        <dt>{t('entry.record')}</dt>
        <dd>
          {entity}{' '}
          {entry.entityId && (
            <span className="mono" data-testid="audit-entry-record">
              {entry.entityId}
            </span>
          )}
          {entry.entityId && (
            <button
              type="button"
              className="button button--small admin-audit-entry__narrow"
              aria-label={t('entry.onlyRecordNamed', { entity, id: entry.entityId })}
              aria-pressed={onlyRecord}
              onClick={() => onOnlyRecord(onlyRecord ? null : { entity: entry.entity, entityId: entry.entityId! })}
              data-testid="audit-only-record"
            >
              {t('entry.onlyRecord')}
            </button>
          )}
        </dd>
      </dl>
      {diff.length === 0 ? (
        <p className="muted">{t('entry.noDetails')}</p>
      ) : (
        <>
          {compared && (
            <p className="admin-audit-entry__summary" data-testid="audit-entry-summary">
              {t('entry.changedCount', { count: changedCount(diff) })}
            </p>
          )}
          <div className="admin-table-scroll">
            <table className="detail-table admin-audit-diff" data-testid="audit-diff">
              <caption className="admin-visually-hidden">{t('entry.changes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('entry.field')}</th>
                  <th scope="col">{t('entry.before')}</th>
                  <th scope="col">{t('entry.after')}</th>
                  {compared && <th scope="col">{t('entry.change')}</th>}
                </tr>
              </thead>
              <tbody>
                {diff.map((row) => (
                  <tr
                    key={row.field}
                    className="admin-audit-diff__row"
                    data-change={row.change ?? 'none'}
                    data-testid="audit-diff-row"
                    data-field={row.field}
                  >
                    <th scope="row" className="mono">
                      {row.field}
                    </th>
                    {SIDES.map((side) => (
                      <td key={side} data-testid={`audit-diff-${side}`}>
                        {value(row, side)}
                      </td>
                    ))}
                    {compared && (
                      <td data-testid="audit-diff-change">
                        {row.change === 'changed' ? (
                          <strong className="admin-audit-diff__marker">▲ {t('entry.changed')}</strong>
                        ) : row.change === 'added' ? (
                          <strong className="admin-audit-diff__marker">+ {t('entry.added')}</strong>
                        ) : row.change === 'removed' ? (
                          <strong className="admin-audit-diff__marker">− {t('entry.removed')}</strong>
                        ) : row.change === 'same' ? (
                          <span className="muted">{t('entry.same')}</span>
                        ) : (
                          ''
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
