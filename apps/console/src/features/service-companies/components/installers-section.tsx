import type { Person, ServiceCompany } from '@arc/shared/directory';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-field';
import { describeRequestError } from '../../../utils/form-errors';
import { messageOf } from '../../../utils/request-state';
import { deletePerson } from '../api/service-companies-api';
import { useCompanyCache } from '../hooks/use-service-companies';
import { lapseStatus } from '../utils/lapse-status';
import { ConfirmBox } from './confirm-box';
import { InstallerForm } from './installer-form';
import { LapseBadge } from './lapse-badge';

export interface InstallersSectionProps {
  company: ServiceCompany;
  /** Sorted by name. */
  installers: readonly Person[];
  status: 'pending' | 'error' | 'success';
  error: unknown;
  canEdit: boolean;
  today: string;
}

type Editing =
  { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; person: Person } | { kind: 'remove'; person: Person };

/** The persons on the company's own authorization list, with their validity and its lapse. */
export function InstallersSection({ company, installers, status, error, canEdit, today }: InstallersSectionProps) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const headingId = useId();
  const cache = useCompanyCache();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => setEditing({ kind: 'none' });
  const startNew = () => setEditing({ kind: 'new' });

  const remove = async (person: Person) => {
    setPending(true);
    setFailure(null);
    try {
      await deletePerson(person.id);
      await Promise.all([cache.refreshInstallers(company.authorizationListId), cache.refresh()]);
      close();
    } catch (caught) {
      setFailure(`${t('installers.removeFailed')}: ${describeRequestError(caught).message}`);
    } finally {
      setPending(false);
    }
  };

  const saved = () => {
    void cache.refreshInstallers(company.authorizationListId);
    close();
  };

  return (
    <section className="company__part" aria-labelledby={headingId} data-testid="company-installers">
      <div className="registry-header">
        <h5 id={headingId} className="detail-section__title">
          {t('installers.title')}
        </h5>
        {canEdit && editing.kind !== 'new' && (
          <button type="button" className="button button--small" onClick={startNew} data-testid="installer-add">
            {t('installers.add')}
          </button>
        )}
      </div>
      {status === 'pending' && <p className="muted">{t('common:state.loading')}</p>}
      {status === 'error' && (
        <p className="form-error" role="alert">
          {messageOf(error, t('requestFailed'))}
        </p>
      )}
      {editing.kind === 'new' && (
        <InstallerForm listId={company.authorizationListId} person={null} onSaved={saved} onCancel={close} />
      )}
      {status === 'success' && installers.length === 0 && <p className="muted">{t('installers.empty')}</p>}
      {installers.length > 0 && (
        <table className="detail-table company-table" data-testid="installers-table">
          <caption className="detail-table__caption">{t('installers.caption', { name: company.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('installers.name')}</th>
              <th scope="col">{t('installers.phone')}</th>
              <th scope="col">{t('installers.level')}</th>
              <th scope="col">{t('installers.validFrom')}</th>
              <th scope="col">{t('installers.validTo')}</th>
              <th scope="col">{t('installers.status')}</th>
              {canEdit && <th scope="col">{t('installers.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {installers.map((person) => {
              const lapse = lapseStatus(person, today);
              return (
                <tr key={person.id} data-testid="installer-row" data-person-id={person.id} data-lapse={lapse.kind}>
                  <th scope="row">{person.name}</th>
                  <td className="mono">{person.phone}</td>
                  <td>{person.level}</td>
                  <td>{person.validFrom ?? t('none')}</td>
                  <td>{person.validTo ?? t('none')}</td>
                  <td>
                    <LapseBadge status={lapse} testId="installer-lapse" />
                  </td>
                  {canEdit && (
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('installers.editLabel', { name: person.name })}
                          onClick={() => setEditing({ kind: 'edit', person })}
                          data-testid="installer-edit"
                        >
                          {t('installers.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('installers.removeLabel', { name: person.name })}
                          onClick={() => setEditing({ kind: 'remove', person })}
                          data-testid="installer-remove"
                        >
                          {t('installers.remove')}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing.kind === 'edit' && (
        <InstallerForm
          key={editing.person.id}
          listId={company.authorizationListId}
          person={editing.person}
          onSaved={saved}
          onCancel={close}
        />
      )}
      {editing.kind === 'remove' && (
        <ConfirmBox
          question={t('installers.removeQuestion', { name: editing.person.name })}
          confirmLabel={t('installers.remove')}
          pending={pending}
          onConfirm={() => void remove(editing.person)}
          onCancel={close}
          testId="installer-remove-confirm"
        />
      )}
      <FormError message={failure} testId="installers-error" />
    </section>
  );
}
