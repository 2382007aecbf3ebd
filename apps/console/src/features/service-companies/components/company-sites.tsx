import type { ServiceCompany } from '@arc/shared/directory';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-field';
import { compareText } from '../../../lib/i18n/format';
import { describeRequestError } from '../../../utils/form-errors';
import { MIN_QUERY_LENGTH } from '../../../utils/site-search';
import { updateCompany } from '../api/service-companies-api';
import { useCompanyCache, useSites, useSiteSearch } from '../hooks/use-service-companies';

/** The sites the company services (its installers may call about these), by name; admins add and remove. */
export function CompanySites({ company, canEdit }: { company: ServiceCompany; canEdit: boolean }) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const headingId = useId();
  const searchId = useId();
  const cache = useCompanyCache();
  const reads = useSites(company.siteIds);
  const [text, setText] = useState('');
  const search = useSiteSearch(text);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const sites = company.siteIds
    .map((id, index) => ({ id, site: reads[index]?.data ?? null, failed: reads[index]?.isError ?? false }))
    .sort((a, b) => (a.site && b.site ? compareText(a.site.name, b.site.name) : a.site ? -1 : b.site ? 1 : 0));

  const save = async (siteIds: string[]) => {
    setPending(true);
    setError(null);
    try {
      cache.put(await updateCompany(company.id, { name: company.name, orgNo: company.orgNo, siteIds }));
    } catch (caught) {
      setError(`${t('sites.saveFailed')}: ${describeRequestError(caught).message}`);
    } finally {
      setPending(false);
    }
  };

  const hits = search.enabled ? (search.data ?? []) : [];
  const searchStatus = !search.enabled
    ? t('sites.tooShort', { count: MIN_QUERY_LENGTH })
    : search.isFetching
      ? t('sites.searching')
      : search.isSuccess && hits.length === 0
        ? t('sites.noHits')
        : '';

  return (
    <section className="company__part" aria-labelledby={headingId} data-testid="company-sites">
      <h5 id={headingId} className="detail-section__title">
        {t('sites.title')}
      </h5>
      {sites.length === 0 ? (
        <p className="muted">{t('sites.empty')}</p>
      ) : (
        <ul className="company-sites" aria-labelledby={headingId}>
          {sites.map(({ id, site, failed }) => (
            <li key={id} className="company-sites__item" data-testid="company-site" data-site-id={id}>
              <span className="company-sites__name">
                {site ? site.name : failed ? t('sites.unknown', { id }) : t('sites.loading')}
              </span>
              {site && (
                <span className="muted">
                  {site.street}, {site.city}
                </span>
              )}
              {canEdit && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('sites.removeLabel', { name: site?.name ?? id })}
                  disabled={pending}
                  onClick={() => void save(company.siteIds.filter((s) => s !== id))}
                  data-testid="company-site-remove"
                >
                  {t('sites.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={error} testId="company-sites-error" />
      {canEdit && (
        <div className="company-sites__add">
          <label className="field__label" htmlFor={searchId}>
            {t('sites.search')}
          </label>
          <input
            id={searchId}
            className="field__input"
            type="search"
            value={text}
            placeholder={t('sites.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
            data-testid="company-site-search"
          />
          <p className="muted" aria-live="polite" data-testid="company-site-search-status">
            {searchStatus}
          </p>
          {hits.length > 0 && (
            <ul className="company-sites">
              {hits.map((hit) => {
                const added = company.siteIds.includes(hit.siteId);
                return (
                  <li key={hit.siteId} className="company-sites__item" data-testid="company-site-hit">
                    <span>
                      {t('sites.hit', { name: hit.siteName, address: hit.address, municipality: hit.municipality })}
                    </span>
                    {added ? (
                      <span className="muted">{t('sites.added')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('sites.addLabel', { name: hit.siteName })}
                        disabled={pending}
                        onClick={() => void save([...company.siteIds, hit.siteId])}
                        data-testid="company-site-add"
                      >
                        {t('sites.add')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
