import type { Contract, Customer } from '@arc/shared/directory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { centreToday } from '../../../utils/time';
import { messageOf } from '../../../utils/request-state';
import { compareText } from '../../../lib/i18n/format';
import { deleteContract } from '../api/customers-api';
import { useContracts } from '../hooks/use-customers';
import { contractEndDate, contractStatus } from '../utils/contract-term';
import { AlarmEventsCell } from './alarm-events-cell';
import { ConfirmDelete } from './confirm-delete';
import { ContractForm } from './contract-form';

export interface ContractsSectionProps {
  customer: Customer;
  canEdit: boolean;
  onNotice: (notice: string) => void;
  onChanged: () => Promise<void>;
}

/** A customer's contracts: manager, quota, term and this year's alarm events; admins add, change and delete. */
export function ContractsSection({ customer, canEdit, onNotice, onChanged }: ContractsSectionProps) {
  const { t } = useTranslation(['customers', 'common']);
  const contracts = useContracts(customer.id);
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const today = centreToday();
  const headingId = `contracts-heading-${customer.id}`;

  const saved = async (contract: Contract) => {
    setEditing(null);
    onNotice(t('contracts.saved', { contractNo: contract.contractNo }));
    await onChanged();
  };
  const remove = async (contract: Contract) => {
    await deleteContract(contract.id);
    onNotice(t('contracts.deleted', { contractNo: contract.contractNo }));
    await onChanged();
  };

  const items = [...(contracts.data?.items ?? [])].sort((a, b) => compareText(a.contractNo, b.contractNo));

  return (
    <section className="admin-contracts" aria-labelledby={headingId} data-testid="contracts-section">
      <div className="detail-section__header">
        <h4 id={headingId} className="detail-section__title">
          {t('contracts.heading', { name: customer.name })}
        </h4>
        {canEdit && (
          <button
            id={`contract-new-${customer.id}`}
            type="button"
            className="button button--small"
            aria-expanded={editing === 'new'}
            onClick={() => setEditing('new')}
            data-testid="contract-new"
          >
            {t('contracts.new')}
          </button>
        )}
      </div>
      {editing === 'new' && <ContractForm customer={customer} onSaved={saved} onCancel={() => setEditing(null)} />}
      {contracts.isError ? (
        <p className="form-error" role="alert" data-testid="contracts-error">
          {t('contracts.loadFailed', { error: messageOf(contracts.error, t('failed')) })}
        </p>
      ) : !contracts.data ? (
        <p className="muted">{t('contracts.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="contracts-none">
          {t('contracts.none')}
        </p>
      ) : (
        <div className="admin-table-scroll">
          <table className="detail-table admin-table" data-testid="contracts-table">
            <caption className="admin-visually-hidden">{t('contracts.caption', { name: customer.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contracts.contractNo')}</th>
                <th scope="col">{t('contracts.manager')}</th>
                <th scope="col">{t('contracts.quota')}</th>
                <th scope="col">{t('contracts.term')}</th>
                <th scope="col">{t('contracts.events')}</th>
                {canEdit && <th scope="col">{t('contracts.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((contract) => {
                const status = contractStatus(contract.startDate, contract.termMonths, today);
                return editing !== 'new' && editing?.id === contract.id ? (
                  <tr key={contract.id}>
                    <td colSpan={canEdit ? 6 : 5}>
                      <ContractForm
                        customer={customer}
                        initial={contract}
                        onSaved={saved}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={contract.id} data-testid="contract-row" data-contract-no={contract.contractNo}>
                    <td className="mono">{contract.contractNo}</td>
                    <td data-testid="contract-manager">
                      <span className="admin-contracts__manager">{contract.managerName}</span>
                      {contract.managerPhone && <span className="admin-contracts__reach">{contract.managerPhone}</span>}
                      {contract.managerEmail && <span className="admin-contracts__reach">{contract.managerEmail}</span>}
                    </td>
                    <td data-testid="contract-quota">
                      {t('contracts.quotaValue', { quota: contract.yearlyEventQuota })}
                    </td>
                    <td data-testid="contract-term">
                      {t('contracts.termValue', {
                        start: contract.startDate,
                        end: contractEndDate(contract.startDate, contract.termMonths),
                      })}{' '}
                      <span className="muted">({t('contracts.termMonths', { months: contract.termMonths })})</span>{' '}
                      <span className="tag" data-status={status} data-testid="contract-status">
                        {t(`contracts.status.${status}`)}
                      </span>
                    </td>
                    <td>
                      <AlarmEventsCell contractId={contract.id} />
                    </td>
                    {canEdit && (
                      <td>
                        <div className="row-actions">
                          <button
                            id={`contract-edit-${contract.id}`}
                            type="button"
                            className="button button--small"
                            aria-label={t('contracts.editNamed', { contractNo: contract.contractNo })}
                            onClick={() => setEditing(contract)}
                            data-testid="contract-edit"
                          >
                            {t('contracts.edit')}
                          </button>
                          <ConfirmDelete
                            label={t('contracts.delete')}
                            ariaLabel={t('contracts.deleteNamed', { contractNo: contract.contractNo })}
                            question={t('contracts.deleteQuestion', { contractNo: contract.contractNo })}
                            onConfirm={() => remove(contract)}
                            testId="contract-delete"
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {contracts.data && contracts.data.total > contracts.data.items.length && (
        <p className="muted">
          {t('contracts.more', { shown: contracts.data.items.length, total: contracts.data.total })}
        </p>
      )}
    </section>
  );
}
