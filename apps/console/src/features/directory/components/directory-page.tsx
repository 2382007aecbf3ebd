import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSite } from '../api/directory-api';
import { useDirectoryStore } from '../store/directory-store';
import { DirectorySearch } from './directory-search';
import { SiteDetailView } from './site-detail';
import { SiteFormContainer } from './site-form-container';

export interface DirectoryPageProps {
  /** Admins write; operators and supervisors only read (the server enforces it as well). */
  canEdit: boolean;
}

export function DirectoryPage({ canEdit }: DirectoryPageProps) {
  const siteOpen = useDirectoryStore((state) => state.siteId !== null);
  const [creating, setCreating] = useState(false);
  const { t } = useTranslation('directory');

  if (siteOpen) return <SiteDetailView canEdit={canEdit} />;

  return (
    <div className="directory">
      <div className="directory__bar">
        {canEdit && !creating && (
          <button
            className="button button--primary"
            type="button"
            onClick={() => setCreating(true)}
            data-testid="new-site"
          >
            {t('page.newSite')}
          </button>
        )}
      </div>
      {creating && (
        <section className="detail-section" aria-label={t('page.newSite')}>
          <h3 className="detail-section__title">{t('page.newSite')}</h3>
          <SiteFormContainer
            onCancel={() => setCreating(false)}
            onSave={async (input) => {
              const site = await createSite(input);
              setCreating(false);
              await useDirectoryStore.getState().openSite(site.id);
            }}
          />
        </section>
      )}
      <DirectorySearch />
    </div>
  );
}
