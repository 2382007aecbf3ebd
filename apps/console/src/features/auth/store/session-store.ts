import type { LoginResponse, SessionUser } from '@arc/shared';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { ApiRequestError } from '../../../lib/api';
import { refreshToken } from '../api/auth-api';

export interface SessionState {
  token: string | null;
  /** ISO time the server stops accepting the token. */
  expiresAt: string | null;
  /** Browser time (ms) at which to fetch a new token: two thirds into its lifetime. */
  refreshAt: number | null;
  user: SessionUser | null;
  setSession: (response: LoginResponse, receivedAt?: number) => void;
  logout: () => void;
}

const REFRESH_FRACTION = 2 / 3;
const MIN_REFRESH_DELAY_MS = 1_000;

const signedOut = { token: null, expiresAt: null, refreshAt: null, user: null } satisfies Partial<SessionState>;

/** The logged-in operator. Kept in sessionStorage: a reload keeps the session, a new tab does not. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      ...signedOut,
      setSession: (response, receivedAt = Date.now()) => {
        // The lifetime is measured against the browser clock at receipt; expiresAt is server time.
        const lifetimeMs = Date.parse(response.expiresAt) - receivedAt;
        const delayMs = Math.max(MIN_REFRESH_DELAY_MS, lifetimeMs * REFRESH_FRACTION);
        set({
          token: response.accessToken,
          expiresAt: response.expiresAt,
          refreshAt: receivedAt + delayMs,
          user: response.user,
        });
      },
      logout: () => set(signedOut),
    }),
    {
      name: 'arc.console.session',
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ token, expiresAt, refreshAt, user }) => ({ token, expiresAt, refreshAt, user }),
    },
  ),
);

// A session restored from storage after the token expired is useless; start at the login page.
const restored = useSessionStore.getState();
if (restored.expiresAt !== null && Date.parse(restored.expiresAt) <= Date.now()) restored.logout();

export type RefreshResult = 'refreshed' | 'rejected' | 'unreachable';

let inFlight: Promise<RefreshResult> | null = null;

/**
 * Swaps the token for a new one. A 401 logs out ('rejected'); a network failure keeps the
 * session ('unreachable') so the caller can retry. Concurrent callers share one request.
 */
export function refreshSession(): Promise<RefreshResult> {
  inFlight ??= runRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function runRefresh(): Promise<RefreshResult> {
  const { token } = useSessionStore.getState();
  if (token === null) return 'rejected';
  try {
    const response = await refreshToken(token);
    // The user may have logged out while the request was in flight.
    if (useSessionStore.getState().token !== token) return 'rejected';
    useSessionStore.getState().setSession(response);
    return 'refreshed';
  } catch (error) {
    if (error instanceof ApiRequestError && (error.status === 401 || error.status === 403)) {
      useSessionStore.getState().logout();
      return 'rejected';
    }
    return 'unreachable';
  }
}
