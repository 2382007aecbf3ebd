import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSessionStore } from '../store/session-store';

export interface UserMenuProps {
  /** Opens the own-account screen (password, second factor). */
  onOpenAccount: () => void;
  /** More items for the menu (theme, resync …), shown above "Log out". */
  children?: ReactNode;
}

/**
 * Who is logged in, as one compact button (the header stays on one line); it opens a menu with
 * the role, the own account, the extra items and the way out. Esc or a click elsewhere closes it.
 */
export function UserMenu({ onOpenAccount, children }: UserMenuProps) {
  const { t } = useTranslation(['auth', 'common']);
  const { displayName, role, logout } = useSessionStore(
    useShallow((state) => ({ displayName: state.user?.displayName, role: state.user?.role, logout: state.logout })),
  );
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!displayName || !role) return null;

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        className="button user-menu__toggle"
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        title={t('menu.title', { name: displayName, role: t(`common:role.${role}`) })}
        data-testid="user-menu"
      >
        <span className="user-menu__name" data-testid="user-name">
          {displayName}
        </span>
        <span className="user-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="user-menu__panel" id={menuId} data-testid="user-menu-panel">
          <span className="user-menu__role" data-testid="user-role">
            {t(`common:role.${role}`)}
          </span>
          <button
            className="button"
            type="button"
            onClick={() => {
              setOpen(false);
              onOpenAccount();
            }}
            data-testid="open-account"
          >
            {t('menu.account')}
          </button>
          {children}
          <button className="button" type="button" onClick={logout} data-testid="logout">
            {t('menu.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
