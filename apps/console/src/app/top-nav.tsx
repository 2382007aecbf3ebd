import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../features/auth/store/session-store';
import { useCaseStore } from '../features/case/store/case-store';
import { ShiftLogCount } from '../features/shift-log/components/unread-shift-notes';
import { useViewStore, type View } from './view-store';

/**
 * Queue, the open case (only while there is one), intake, the supervisor view (supervisors), the
 * directory and user management (administrators only).
 */
export function TopNav() {
  const { t } = useTranslation('app');
  const current = useViewStore((state) => state.view);
  const setView = useViewStore((state) => state.setView);
  const caseNo = useCaseStore((state) => (state.caseId ? (state.detail?.summary.caseNo ?? '…') : null));
  const role = useSessionStore((state) => state.user?.role);
  const supervises = role === 'supervisor' || role === 'admin';
  const items: { view: View; label: string }[] = [
    { view: 'queue', label: t('nav.queue') },
    ...(caseNo ? [{ view: 'case' as const, label: t('nav.case', { caseNo }) }] : []),
    { view: 'intake', label: t('nav.intake') },
    { view: 'history', label: t('nav.history') },
    ...(supervises ? [{ view: 'supervisor' as const, label: t('nav.supervisor') }] : []),
    { view: 'directory', label: t('nav.directory') },
    { view: 'shift-log', label: t('nav.shiftLog') },
    ...(supervises ? [{ view: 'admin' as const, label: t('nav.admin') }] : []),
  ];
  return (
    <nav className="top-nav" aria-label={t('nav.label')}>
      {items.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          className="top-nav__item"
          aria-current={current === view ? 'page' : undefined}
          onClick={() => setView(view)}
          data-testid={`nav-${view}`}
        >
          {label}
          {view === 'shift-log' && <ShiftLogCount />}
        </button>
      ))}
    </nav>
  );
}
