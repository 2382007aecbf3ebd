import type { Role } from '@arc/shared';
import { useShallow } from 'zustand/react/shallow';
import { useSessionStore } from '../store/session-store';

export interface UserMenuProps {
  /** Opens the own-account screen (password, second factor). */
  onOpenAccount: () => void;
}

/** Who is logged in, their account, and the way out. */
export function UserMenu({ onOpenAccount }: UserMenuProps) {
  const { displayName, role, logout } = useSessionStore(
    useShallow((state) => ({ displayName: state.user?.displayName, role: state.user?.role, logout: state.logout })),
  );
  if (!displayName || !role) return null;

  return (
    <div className="user-menu">
      <span className="user-menu__who">
        <span className="user-menu__name" data-testid="user-name">
          {displayName}
        </span>
        <span className="user-menu__role" data-testid="user-role">
          {roleLabel(role)}
        </span>
      </span>
      <button className="button" type="button" onClick={onOpenAccount} data-testid="open-account">
        My account
      </button>
      <button className="button" type="button" onClick={logout} data-testid="logout">
        Log out
      </button>
    </div>
  );
}

function roleLabel(role: Role): string {
  switch (role) {
    case 'operator':
      return 'Operator';
    case 'supervisor':
      return 'Supervisor';
    case 'admin':
      return 'Administrator';
    default: {
      const unexpected: never = role;
      return String(unexpected);
    }
  }
}
