import { ALARM_CATEGORIES } from '@arc/shared/alarm';
import { type Role } from '@arc/shared/auth';
import { CASE_RESULTS } from '@arc/shared/case-handling';
import { type ClosedCaseSummary } from '@arc/shared/case-history';
import { useEffect, useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../../../lib/i18n/format';
import { caseTitle } from '../../../utils/case-title';
import { categoryLabel, resultLabel } from '../../../utils/labels';
import { formatDateTimeShort } from '../../../utils/time';
import { EMPTY_FILTERS, useHistoryStore, type HistoryFilters } from '../store/history-store';

export interface HistorySearchProps {
  role: Role | undefined;
  userId: string | null;
  /** Opens a result read-only (the app shows it in place of the search). */
  onOpenCase: (caseId: string) => void;
}

/** The closed-case search of the "History" view. */
export function HistorySearch({ role, userId, onOpenCase }: HistorySearchProps) {
  const { t } = useTranslation(['history', 'common']);
  const { filters, page, status, error, operators, setFilters, search, loadOperators } = useHistoryStore(
    useShallow((s) => ({
      filters: s.filters,
      page: s.page,
      status: s.status,
      error: s.error,
      operators: s.operators,
      setFilters: s.setFilters,
      search: s.search,
      loadOperators: s.loadOperators,
    })),
  );
  const supervises = role === 'supervisor' || role === 'admin';
  useEffect(() => {
    if (supervises) void loadOperators();
  }, [supervises, loadOperators]);
  // The last 7 days are listed when the view first opens.
  useEffect(() => {
    if (useHistoryStore.getState().status === 'idle') void search();
  }, [search]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void search();
  };
  const set = (patch: Partial<HistoryFilters>) => setFilters(patch);
  const id = useId();
  const lastPage = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;

  return (
    <section className="history" aria-labelledby={`${id}-title`} data-testid="history">
      <h2 id={`${id}-title`} className="history__title">
        {t('title')}
      </h2>
      <form className="history__filters" onSubmit={onSubmit} aria-label={t('form')}>
        <label className="field">
          <span className="field__label">{t('site')}</span>
          <input
            className="field__input"
            value={filters.site}
            maxLength={100}
            placeholder={t('sitePlaceholder')}
            onChange={(e) => set({ site: e.target.value })}
            data-testid="history-site"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('account')}</span>
          <input
            className="field__input mono"
            value={filters.account}
            maxLength={16}
            onChange={(e) => set({ account: e.target.value })}
            data-testid="history-account"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('from')}</span>
          <input
            className="field__input"
            type="date"
            value={filters.fromDay}
            onChange={(e) => set({ fromDay: e.target.value })}
            data-testid="history-from"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('to')}</span>
          <input
            className="field__input"
            type="date"
            value={filters.toDay}
            onChange={(e) => set({ toDay: e.target.value })}
            data-testid="history-to"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('category')}</span>
          <select
            className="field__input"
            value={filters.category}
            onChange={(e) => set({ category: e.target.value as HistoryFilters['category'] })}
            data-testid="history-category"
          >
            <option value="">{t('any')}</option>
            {ALARM_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('result')}</span>
          <select
            className="field__input"
            value={filters.result}
            onChange={(e) => set({ result: e.target.value as HistoryFilters['result'] })}
            data-testid="history-result"
          >
            <option value="">{t('any')}</option>
            {CASE_RESULTS.map((r) => (
              <option key={r} value={r}>
                {resultLabel(r)}
              </option>
            ))}
          </select>
        </label>
        {supervises ? (
          <label className="field">
            <span className="field__label">{t('operator')}</span>
            <select
              className="field__input"
              value={filters.operatorId}
              onChange={(e) => set({ operatorId: e.target.value })}
              data-testid="history-operator"
            >
              <option value="">{t('anyone')}</option>
              {operators.map((o) => (
                <option key={o.userId} value={o.userId}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="history__mine">
            <input
              type="checkbox"
              checked={userId !== null && filters.operatorId === userId}
              onChange={(e) => set({ operatorId: e.target.checked && userId ? userId : '' })}
              data-testid="history-mine"
            />{' '}
            {t('mine')}
          </label>
        )}
        <div className="history__buttons">
          <button className="button button--primary" type="submit" data-testid="history-search">
            {t('common:action.search')}
          </button>
          <button
            className="button"
            type="button"
            onClick={() => {
              setFilters(EMPTY_FILTERS);
              void search();
            }}
          >
            {t('clear')}
          </button>
        </div>
      </form>
      <p className="muted history__period" data-testid="history-period">
        {page
          ? t('period', {
              from: formatDateTimeShort(page.from),
              to: formatDateTimeShort(page.to),
              total: page.total,
            })
          : t('defaultPeriod')}
        {status === 'loading' && ` ${t('searching')}`}
      </p>
      {status === 'error' && (
        <p className="form-error" role="alert" data-testid="history-error">
          {error}
        </p>
      )}
      {page && page.items.length === 0 && status !== 'loading' && (
        <p className="muted" data-testid="history-empty">
          {t('empty')}
        </p>
      )}
      {page && page.items.length > 0 && <ResultTable items={page.items} onOpenCase={onOpenCase} />}
      {page && lastPage > 1 && (
        <nav className="history__pages" aria-label={t('pages')}>
          <button
            className="button button--small"
            type="button"
            disabled={page.page <= 1}
            onClick={() => void search(page.page - 1)}
          >
            {t('newer')}
          </button>
          <span className="muted">{t('pageOf', { page: page.page, pages: lastPage })}</span>
          <button
            className="button button--small"
            type="button"
            disabled={page.page >= lastPage}
            onClick={() => void search(page.page + 1)}
            data-testid="history-next"
          >
            {t('older')}
          </button>
        </nav>
      )}
    </section>
  );
}

function ResultTable({ items, onOpenCase }: { items: ClosedCaseSummary[]; onOpenCase: (caseId: string) => void }) {
  const { t } = useTranslation('history');
  return (
    <table className="detail-table history__results">
      <thead>
        <tr>
          <th scope="col">{t('column.case')}</th>
          <th scope="col">{t('column.category')}</th>
          <th scope="col">{t('column.site')}</th>
          <th scope="col">{t('column.account')}</th>
          <th scope="col">{t('column.opened')}</th>
          <th scope="col">{t('column.closed')}</th>
          <th scope="col">{t('column.result')}</th>
          <th scope="col">{t('column.closedBy')}</th>
          <th scope="col">{t('column.signals')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="history-row" data-case-id={item.id}>
            <td className="mono">
              <button
                type="button"
                className="link-button mono"
                onClick={() => onOpenCase(item.id)}
                data-testid="history-open"
              >
                {item.caseNo}
              </button>
            </td>
            <td>
              <span className="category-badge category-badge--small" data-category={item.category}>
                {categoryLabel(item.category)}
              </span>
            </td>
            <td>
              {item.siteName ?? <span className="muted">{t('unknownTransmitter')}</span>}
              <span className="muted"> · {caseTitle(item)}</span>
            </td>
            <td className="mono">{item.account}</td>
            <td>{formatDateTimeShort(item.openedAt)}</td>
            <td>{formatDateTimeShort(item.closedAt)}</td>
            <td data-testid="history-row-result">{item.result ? resultLabel(item.result) : '—'}</td>
            <td>{item.closedBy?.name ?? '—'}</td>
            <td>{formatNumber(item.signalCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
