import { sortByText } from '../../../lib/i18n/format';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCentreSettings } from '../../../lib/settings/settings-store';
import { messageOf } from '../../../utils/request-state';
import { useRosters } from '../hooks/use-rosters';
import { RosterDetail } from './roster-detail';
import { RosterForm } from './roster-form';

type Mode = { kind: 'view' } | { kind: 'new' } | { kind: 'edit' };

/**
 * The administration view's on-call rosters: the list (by name), a roster's members and its
 * rotation week by week with the current week marked, and swaps of single weeks. Supervisors
 * read; administrators create, edit and delete rosters and add or remove swaps.
 */
export function RostersScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['rosters', 'common']);
  const headingId = useId();
  const { timeZone } = useCentreSettings();
  const query = useRosters();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const rosters = useMemo(() => sortByText(query.data?.items ?? [], (r) => r.name), [query.data]);
  const selected = rosters.find((r) => r.id === selectedId) ?? null;

  const choose = (id: string) => {
    setSelectedId(id);
    setMode({ kind: 'view' });
  };
  const showDetail = () => setMode({ kind: 'view' });
  const startNew = () => setMode({ kind: 'new' });
  const startEdit = () => setMode({ kind: 'edit' });

  return (
    <section
      className="admin-section roster-admin"
      data-testid="admin-rosters"
      data-can-edit={canEdit}
      aria-labelledby={headingId}
    >
      <div className="registry-header">
        <h3 id={headingId} className="registry-title">
          {t('heading')}
        </h3>
        {canEdit && (
          <button type="button" className="button button--primary" onClick={startNew} data-testid="roster-new">
            {t('new')}
          </button>
        )}
      </div>
      <p className="muted">{t('intro', { zone: timeZone })}</p>
      {query.isPending && <p className="muted">{t('common:state.loading')}</p>}
      {query.isError && (
        <div className="form-error" role="alert" data-testid="rosters-load-error">
          {t('loadFailed', { message: messageOf(query.error, t('requestFailed')) })}{' '}
          <button type="button" className="button button--small" onClick={() => void query.refetch()}>
            {t('common:action.retry')}
          </button>
        </div>
      )}
      {query.isSuccess && rosters.length === 0 && mode.kind !== 'new' && <p className="muted">{t('empty')}</p>}
      <div className="registry-split">
        {rosters.length > 0 && (
          <ul className="registry-list" aria-label={t('listLabel')} data-testid="roster-list">
            {rosters.map((roster) => (
              <li key={roster.id}>
                <button
                  type="button"
                  className="registry-list__item"
                  aria-current={roster.id === selectedId ? 'true' : undefined}
                  onClick={() => choose(roster.id)}
                  data-testid="roster-item"
                  data-roster-id={roster.id}
                >
                  <span className="registry-list__name">{roster.name}</span>
                  <span className="registry-list__meta">{t('memberCount', { count: roster.members.length })}</span>
                  <span className="registry-list__meta">
                    {roster.onCallNow ? t('onCallNow', { name: roster.onCallNow.name }) : t('nobodyNow')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="registry-split__detail">
          {mode.kind === 'new' && canEdit && (
            <RosterForm roster={null} onSaved={(saved) => choose(saved.id)} onCancel={showDetail} />
          )}
          {mode.kind === 'edit' && canEdit && selected && (
            <RosterForm roster={selected} onSaved={(saved) => choose(saved.id)} onCancel={showDetail} />
          )}
          {mode.kind === 'view' && selected && (
            <RosterDetail
              key={selected.id}
              roster={selected}
              canEdit={canEdit}
              onEdit={startEdit}
              onDeleted={() => setSelectedId(null)}
            />
          )}
          {mode.kind === 'view' && !selected && rosters.length > 0 && <p className="muted">{t('chooseHint')}</p>}
        </div>
      </div>
    </section>
  );
}
