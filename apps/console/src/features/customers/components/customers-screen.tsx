import type { Customer } from '@arc/shared/directory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { compareText } from '../../../lib/i18n/format';
import { messageOf } from '../../../utils/request-state';
import { useCustomerPage, useRefreshCustomers } from '../hooks/use-customers';
import { CustomerDetail } from './customer-detail';
import { CustomerForm } from './customer-form';
import { Pager } from '../../../components/pager';

export const CUSTOMERS_PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 250;

/** The columns the list sorts by (each page, in the user's language). */
const SORT_COLUMNS = ['customerNo', 'name'] as const;
type SortColumn = (typeof SORT_COLUMNS)[number];

/**
 * The administration view's customers and contracts (issue 16): a searchable, paged list of
 * customers; a customer's contracts with contract manager, quota, term and this year's alarm
 * events; administrators create, change and delete both.
 */
export function CustomersScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['customers', 'common']);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, SEARCH_DELAY_MS);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortColumn>('customerNo');
  const [selected, setSelected] = useState<Customer | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const refresh = useRefreshCustomers();

  // A new search starts on its first page.
  const [searched, setSearched] = useState(q);
  if (searched !== q) {
    setSearched(q);
    setPage(1);
  }

  const customers = useCustomerPage({ q, page, pageSize: CUSTOMERS_PAGE_SIZE });
  const rows = [...(customers.data?.items ?? [])].sort(
    (a, b) => compareText(a[sort] ?? '', b[sort] ?? '') || compareText(a.customerNo, b.customerNo),
  );

  const sortButton = (column: SortColumn, label: string) => (
    <th key={column} scope="col" aria-sort={sort === column ? 'ascending' : undefined}>
      <button
        type="button"
        className="admin-sort"
        aria-pressed={sort === column}
        aria-label={t('list.sortBy', { column: label })}
        onClick={() => setSort(column)}
        data-testid={`customers-sort-${column}`}
      >
        {label}
        {sort === column && <span aria-hidden="true"> ▲</span>}
      </button>
    </th>
  );

  return (
    <section
      className="admin-section admin-customers"
      data-testid="admin-customers"
      data-can-edit={canEdit}
      aria-label={t('label')}
    >
      <div className="admin-customers__bar">
        <div className="admin-customers__search">
          <TextField
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            testId="customers-search"
            value={search}
            onChange={setSearch}
          />
        </div>
        {canEdit && (
          <button
            id="admin-customer-new"
            type="button"
            className="button"
            aria-expanded={creating}
            onClick={() => setCreating(true)}
            data-testid="customer-new"
          >
            {t('customer.new')}
          </button>
        )}
      </div>
      <p className="admin-notice" role="status" data-testid="customers-notice">
        {notice}
      </p>
      {creating && (
        <CustomerForm
          onSaved={(customer) => {
            setCreating(false);
            setSelected(customer);
            setNotice(t('customer.saved', { name: customer.name }));
            void refresh();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <div className="admin-customers__layout">
        <div className="admin-customers__list">
          {customers.isError ? (
            <p className="form-error" role="alert" data-testid="customers-error">
              {t('list.loadFailed', { error: messageOf(customers.error, t('failed')) })}
            </p>
          ) : !customers.data ? (
            <p className="muted">{t('list.loading')}</p>
          ) : rows.length === 0 ? (
            <p className="muted" data-testid="customers-empty">
              {q.trim() ? t('list.empty') : t('list.none')}
            </p>
          ) : (
            <>
              <p className="muted" data-testid="customers-count">
                {t('list.count', { total: customers.data.total })}
              </p>
              <div className="admin-table-scroll">
                <table
                  className="detail-table admin-table"
                  data-testid="customers-table"
                  aria-busy={customers.isFetching}
                >
                  <caption className="admin-visually-hidden">{t('list.caption')}</caption>
                  <thead>
                    <tr>
                      {SORT_COLUMNS.map((column) => sortButton(column, t(`list.${column}`)))}
                      <th scope="col">{t('list.orgNo')}</th>
                      <th scope="col">{t('list.show')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((customer) => {
                      const shown = selected?.id === customer.id;
                      return (
                        <tr
                          key={customer.id}
                          data-testid="customer-row"
                          data-customer-no={customer.customerNo}
                          data-selected={shown}
                          className="admin-table__row"
                        >
                          <td className="mono">{customer.customerNo}</td>
                          <td>
                            {customer.name}
                            {shown && (
                              <span className="tag" data-testid="customer-shown">
                                {t('list.shown')}
                              </span>
                            )}
                          </td>
                          <td>{customer.orgNo ?? ''}</td>
                          <td>
                            <button
                              type="button"
                              className="button button--small"
                              aria-pressed={shown}
                              aria-label={t('list.showNamed', { name: customer.name })}
                              onClick={() => setSelected(customer)}
                              data-testid="customer-show"
                            >
                              {t('list.show')}
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {sort === 'name' && <p className="muted admin-note">{t('list.sortNote')}</p>}
              <Pager
                page={page}
                pageSize={CUSTOMERS_PAGE_SIZE}
                total={customers.data.total}
                onPage={setPage}
                previousText={t('paging.previous')}
                nextText={t('paging.next')}
                testId="customers-pager"
              />
            </>
          )}
        </div>
        <div className="admin-customers__detail">
          {selected ? (
            <CustomerDetail
              key={selected.id}
              customer={selected}
              canEdit={canEdit}
              onNotice={setNotice}
              onSaved={setSelected}
              onDeleted={() => setSelected(null)}
              onChanged={refresh}
            />
          ) : (
            <p className="muted">{t('list.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
