import type { UserAccount } from '@arc/shared/users';
import { create } from 'zustand';
import { compareText } from '../../../lib/i18n/format';
import { describeUserError } from '../utils/user-messages';
import { fetchUsers } from '../api/users-api';

export interface UsersState {
  /** Null until the first load answered. */
  users: UserAccount[] | null;
  loadError: string | null;
  load: () => Promise<void>;
  /** A user the server answered after a change: replaces the old row, or adds a new one. */
  upsert: (user: UserAccount) => void;
  reset: () => void;
}

const initialState = { users: null, loadError: null } satisfies Partial<UsersState>;

export const useUsersStore = create<UsersState>()((set) => ({
  ...initialState,
  load: async () => {
    try {
      const users = await fetchUsers();
      set({ users, loadError: null });
    } catch (error) {
      set({ loadError: describeUserError(error).message });
    }
  },
  upsert: (user) =>
    set((state) => {
      const others = (state.users ?? []).filter((u) => u.id !== user.id);
      return { users: [...others, user].sort((a, b) => compareText(a.username, b.username)) };
    }),
  reset: () => set(initialState),
}));

export type StatusFilter = 'all' | 'active' | 'deactivated' | 'locked';

/** The users a search text (name or username, any case) and the role and status filters keep. */
export function filterUsers(
  users: readonly UserAccount[],
  query: string,
  role: UserAccount['role'] | 'all',
  status: StatusFilter,
  now: number,
): UserAccount[] {
  const q = query.trim().toLowerCase();
  return users.filter((user) => {
    if (q && !user.username.toLowerCase().includes(q) && !user.displayName.toLowerCase().includes(q)) return false;
    if (role !== 'all' && user.role !== role) return false;
    switch (status) {
      case 'all':
        return true;
      case 'active':
        return user.active;
      case 'deactivated':
        return !user.active;
      case 'locked':
        return isLocked(user, now);
      default: {
        const unexpected: never = status;
        return Boolean(unexpected);
      }
    }
  });
}

export function isLocked(user: Pick<UserAccount, 'lockedUntil'>, now: number): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}
