import { useSessionStore } from '../features/auth/store/session-store';
import { useCaseStore } from '../features/case/store/case-store';
import { ShiftLogCount } from '../features/shift-log/components/unread-shift-notes';
import { useViewStore, type View } from './view-store';

/**
 * Queue, the open case (only while there is one), intake, the supervisor view (supervisors), the
 * directory and user management (administrators only).
 */
export function TopNav() {
  const current = useViewStore((state) => state.view);
  const setView = useViewStore((state) => state.setView);
  const caseNo = useCaseStore((state) => (state.caseId ? (state.detail?.summary.caseNo ?? '…') : null));
  const role = useSessionStore((state) => state.user?.role);
  const supervises = role === 'supervisor' || role === 'admin';
  const items: { view: View; label: string }[] = [
    { view: 'queue', label: 'Queue' },
    ...(caseNo ? [{ view: 'case' as const, label: `Case ${caseNo}` }] : []),
    { view: 'intake', label: 'Intake (F2)' },
    { view: 'history', label: 'History' },
    ...(supervises ? [{ view: 'supervisor' as const, label: 'Supervisor' }] : []),
    { view: 'directory', label: 'Directory' },
    { view: 'shift-log', label: 'Shift log' },
    ...(role === 'admin' ? [{ view: 'users' as const, label: 'Users' }] : []),
  ];
  return (
    <nav className="top-nav" aria-label="Main">
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
