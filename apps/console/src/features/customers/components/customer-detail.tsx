import type { Customer } from '@arc/shared/directory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCustomer } from '../api/customers-api';
import { ConfirmDelete } from './confirm-delete';
import { ContractsSection } from './contracts-section';
import { CustomerForm } from './customer-form';

export interface CustomerDetailProps {
  customer: Customer;
  canEdit: boolean;
  onNotice: (notice: string) => void;
  onSaved: (customer: Customer) => void;
  onDeleted: () => void;
  onChanged: () => Promise<void>;
}

/** One customer: its numbers, its contracts, and (administrators) change and delete. */
export function CustomerDetail({ customer, canEdit, onNotice, onSaved, onDeleted, onChanged }: CustomerDetailProps) {
  const { t } = useTranslation(['customers', 'common']);
  const [editing, setEditing] = useState(false);
  const headingId = `customer-heading-${customer.id}`;

  const saved = async (next: Customer) => {
    setEditing(false);
    onSaved(next);
    onNotice(t('customer.saved', { name: next.name }));
    await onChanged();
  };
  const remove = async () => {
    await deleteCustomer(customer.id);
    onNotice(t('customer.deleted', { name: customer.name }));
    onDeleted();
    await onChanged();
  };

  return (
    <article className="admin-customer" aria-labelledby={headingId} data-testid="customer-detail">
      <div className="detail-section__header">
        <h3 id={headingId} className="admin-customer__title">
          {customer.name}
        </h3>
        {canEdit && (
          <div className="row-actions">
            <button
              id={`customer-edit-${customer.id}`}
              type="button"
              className="button button--small"
              aria-expanded={editing}
              onClick={() => setEditing(true)}
              data-testid="customer-edit"
            >
              {t('customer.edit')}
            </button>
            <ConfirmDelete
              label={t('customer.delete')}
              question={t('customer.deleteQuestion', { name: customer.name })}
              onConfirm={remove}
              testId="customer-delete"
            />
          </div>
        )}
      </div>
      {editing ? (
        <CustomerForm initial={customer} onSaved={(next) => void saved(next)} onCancel={() => setEditing(false)} />
      ) : (
        <dl className="facts">
          <dt>{t('customer.customerNo')}</dt>
          <dd className="mono" data-testid="customer-detail-no">
            {customer.customerNo}
          </dd>
          <dt>{t('customer.orgNo')}</dt>
          <dd data-testid="customer-detail-org-no">{customer.orgNo ?? t('customer.noOrgNo')}</dd>
        </dl>
      )}
      <ContractsSection customer={customer} canEdit={canEdit} onNotice={onNotice} onChanged={onChanged} />
    </article>
  );
}
