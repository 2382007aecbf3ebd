import { useViewStore, type View } from './view-store';

const ITEMS: readonly { view: View; label: string }[] = [
  { view: 'queue', label: 'Queue' },
  { view: 'directory', label: 'Directory' },
];

export function TopNav() {
  const current = useViewStore((state) => state.view);
  const setView = useViewStore((state) => state.setView);
  return (
    <nav className="top-nav" aria-label="Main">
      {ITEMS.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          className="top-nav__item"
          aria-current={current === view ? 'page' : undefined}
          onClick={() => setView(view)}
          data-testid={`nav-${view}`}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
