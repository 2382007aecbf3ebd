import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../../utils/request-state';
import { useAuditPage, useAuditUsers } from '../hooks/use-audit';
import { auditPath, NO_FILTERS, type AuditFilters } from '../utils/audit-query';
import { AuditEntryView } from './audit-entry';
import { AuditFiltersForm, type AuditUsers } from './audit-filters-form';
import { Pager } from '../../../components/pager';

export const AUDIT_PAGE_SIZE = 20;

/**
 * The administration view's audit log (issue 16): who changed what and when, newest first,
 * filtered by person, record and action and by period, with each change's before and after side
 * by side. Supervisors and administrators read it alike; only administrators may list the users
 * to choose "who" from (`canEdit`).
 */
export function AuditScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['audit', 'common']);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  // A filter set from an entry ("Only this person") starts the form again from the filters in force.
  const [formVersion, setFormVersion] = useState(0);
  const entries = useAuditPage(auditPath(filters, page, AUDIT_PAGE_SIZE));
  const usersQuery = useAuditUsers(canEdit);
  const users: AuditUsers = {
    list: canEdit ? (usersQuery.data ?? []) : null,
    loading: canEdit && usersQuery.isPending,
    error: usersQuery.isError ? messageOf(usersQuery.error, t('failed')) : null,
  };

  const apply = (next: AuditFilters) => {
    setFilters(next);
    setPage(1);
  };
  const narrow = (change: Partial<AuditFilters>) => {
    apply({ ...filters, ...change });
    setFormVersion((version) => version + 1);
  };

  return (
    <section
      className="admin-section admin-audit"
      data-testid="admin-audit"
      data-can-edit={canEdit}
      aria-label={t('label')}
    >
      <AuditFiltersForm key={formVersion} initial={filters} users={users} onApply={apply} />
      {entries.isError ? (
        <p className="form-error" role="alert" data-testid="audit-error">
          {t('list.loadFailed', { error: messageOf(entries.error, t('failed')) })}
        </p>
      ) : !entries.data ? (
        <p className="muted">{t('list.loading')}</p>
      ) : (
        <div className="admin-audit__results" aria-busy={entries.isFetching}>
          <p className="admin-notice" role="status" data-testid="audit-total">
            {t('list.total', { total: entries.data.total })}
          </p>
          {entries.data.items.length === 0 ? (
            <p className="muted" data-testid="audit-empty">
              {t('list.empty')}
            </p>
          ) : (
            <ol className="admin-audit__entries">
              {entries.data.items.map((entry) => (
                <li key={entry.id}>
                  <AuditEntryView
                    entry={entry}
                    onlyActor={filters.actor !== '' && filters.actor === entry.actorUserId}
                    onlyRecord={
                      filters.entity === entry.entity && filters.entityId !== '' && filters.entityId === entry.entityId
                    }
                    onOnlyActor={(actor) => narrow({ actor: actor?.id ?? '', actorName: actor?.name ?? '' })}
                    onOnlyRecord={(record) =>
                      narrow({ entity: record?.entity ?? '', entityId: record?.entityId ?? '' })
                    }
                  />
                </li>
              ))}
            </ol>
          )}
          <Pager
            page={page}
            pageSize={AUDIT_PAGE_SIZE}
            total={entries.data.total}
            onPage={setPage}
            previousText={t('paging.previous')}
            nextText={t('paging.next')}
            testId="audit-pager"
          />
        </div>
      )}
    </section>
  );
}
