import type { Role } from '@arc/shared/auth';
import { lazy, Suspense, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UsersRoute } from './users-route';
import { ADMIN_SECTIONS, useViewStore, type AdminSection } from './view-store';

// Each section loads on first use.
const CustomersScreen = lazy(() =>
  import('../features/customers/components/customers-screen').then((m) => ({ default: m.CustomersScreen })),
);
const RostersScreen = lazy(() =>
  import('../features/rosters/components/rosters-screen').then((m) => ({ default: m.RostersScreen })),
);
const ServiceCompaniesScreen = lazy(() =>
  import('../features/service-companies/components/service-companies-screen').then((m) => ({
    default: m.ServiceCompaniesScreen,
  })),
);
const AuditScreen = lazy(() =>
  import('../features/audit/components/audit-screen').then((m) => ({ default: m.AuditScreen })),
);

/**
 * The administration view (supervisors read, administrators change): customers and contracts,
 * on-call rosters, service companies with their installers and approvals, users (administrators
 * only) and the audit log, as tabs (arrow keys move between them).
 */
export function AdminRoute({ role }: { role: Role | undefined }) {
  const { t } = useTranslation('admin');
  const chosen = useViewStore((state) => state.adminSection);
  const setSection = useViewStore((state) => state.setAdminSection);
  if (role !== 'admin' && role !== 'supervisor') {
    return (
      <p className="form-error" role="alert" data-testid="admin-refused">
        {t('refused')}
      </p>
    );
  }
  const canEdit = role === 'admin';
  const sections = ADMIN_SECTIONS.filter((s) => s !== 'users' || canEdit);
  const section = sections.includes(chosen) ? chosen : sections[0]!;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = sections[(sections.indexOf(section) + step + sections.length) % sections.length]!;
    setSection(next);
    document.getElementById(`admin-tab-${next}`)?.focus();
  };
  return (
    <section className="admin" aria-labelledby="admin-heading">
      <h2 id="admin-heading" className="admin__heading">
        {t('heading')}
      </h2>
      <div className="admin__tabs" role="tablist" aria-label={t('sections')} onKeyDown={onKeyDown}>
        {sections.map((s) => (
          <button
            key={s}
            id={`admin-tab-${s}`}
            type="button"
            role="tab"
            className="admin__tab"
            aria-selected={s === section}
            aria-controls="admin-panel"
            tabIndex={s === section ? 0 : -1}
            onClick={() => setSection(s)}
            data-testid={`admin-tab-${s}`}
          >
            {t(`section.${s}`)}
          </button>
        ))}
      </div>
      <div id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${section}`} className="admin__panel">
        {!canEdit && <p className="muted">{t('readOnly')}</p>}
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <SectionScreen section={section} canEdit={canEdit} role={role} />
        </Suspense>
      </div>
    </section>
  );
}

function SectionScreen({ section, canEdit, role }: { section: AdminSection; canEdit: boolean; role: Role }) {
  switch (section) {
    case 'customers':
      return <CustomersScreen canEdit={canEdit} />;
    case 'rosters':
      return <RostersScreen canEdit={canEdit} />;
    case 'service-companies':
      return <ServiceCompaniesScreen canEdit={canEdit} />;
    case 'users':
      return <UsersRoute role={role} />;
    case 'audit':
      return <AuditScreen canEdit={canEdit} />;
    default: {
      const unexpected: never = section;
      return String(unexpected);
    }
  }
}
