import type { LoginResponse, SessionUser } from '@arc/shared/auth';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { ApiRequestError } from '../../../lib/api';
import { settleLocaleAtSignIn } from '../../../lib/i18n/locale';
import { refreshToken, savePreferences } from '../api/auth-api';
import { signedOutNotice } from '../utils/auth-messages';

export interface SessionState {
  token: string | null;
  /** ISO time the server stops accepting the token. */
  expiresAt: string | null;
  /** Browser time (ms) at which to fetch a new token: two thirds into its lifetime. */
  refreshAt: number | null;
  user: SessionUser | null;
  /**
   * Why the last session ended when the user did not end it (account deactivated, password
   * reset, token refused): shown on the login page until the next sign-in.
   */
  notice: string | null;
  setSession: (response: LoginResponse, receivedAt?: number) => void;
  logout: () => void;
  /** Ends the session for a reason the login page then shows in words. */
  endSession: (notice: string) => void;
}

const REFRESH_FRACTION = 2 / 3;
const MIN_REFRESH_DELAY_MS = 1_000;

const signedOut = { token: null, expiresAt: null, refreshAt: null, user: null } satisfies Partial<SessionState>;

/** The logged-in operator. Kept in sessionStorage: a reload keeps the session, a new tab does not. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set, get) => ({
      ...signedOut,
      notice: null,
      setSession: (response, receivedAt = Date.now()) => {
        const signingIn = get().token === null;
        // The lifetime is measured against the browser clock at receipt; expiresAt is server time.
        const lifetimeMs = Date.parse(response.expiresAt) - receivedAt;
        const delayMs = Math.max(MIN_REFRESH_DELAY_MS, lifetimeMs * REFRESH_FRACTION);
        set({
          token: response.accessToken,
          expiresAt: response.expiresAt,
          refreshAt: receivedAt + delayMs,
          user: response.user,
          notice: null,
        });
        // At sign-in the user's own language (remembered on the server) comes into force, unless
        // they just picked one on the sign-in page: that one is then remembered instead.
        if (signingIn) {
          const picked = settleLocaleAtSignIn(response.locale);
          if (picked) void savePreferences({ locale: picked }).catch(() => undefined);
        }
      },
      logout: () => set({ ...signedOut, notice: null }),
      endSession: (notice) => set({ ...signedOut, notice }),
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
let tokenChange: Promise<unknown> | null = null;

/**
 * Marks a request that swaps the session's token (own password change, second-factor
 * enrolment). The server closes the user's sockets while it runs; the socket layer waits for it
 * (tokenChangeSettled) before deciding the session is over, so it reconnects with the new token.
 */
export function changingToken<T>(work: Promise<T>): Promise<T> {
  const tracked = work.finally(() => {
    if (tokenChange === tracked) tokenChange = null;
  });
  tokenChange = tracked;
  return tracked;
}

/** Resolves once no token-swapping request is under way. */
export async function tokenChangeSettled(): Promise<void> {
  while (tokenChange) {
    await tokenChange.catch(() => undefined);
  }
}

/**
 * Swaps the token for a new one. A 401 ends the session ('rejected') with a notice for the
 * login page (`reason` if given, else the server's message); a network failure keeps the
 * session ('unreachable') so the caller can retry. Concurrent callers share one request.
 */
export function refreshSession(reason?: string): Promise<RefreshResult> {
  inFlight ??= runRefresh(reason).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function runRefresh(reason: string | undefined): Promise<RefreshResult> {
  const { token } = useSessionStore.getState();
  if (token === null) return 'rejected';
  try {
    const response = await refreshToken(token);
    // The session changed while the request was in flight: logged out, or a newer token is held.
    if (useSessionStore.getState().token !== token) return sessionNow();
    useSessionStore.getState().setSession(response);
    return 'refreshed';
  } catch (error) {
    if (error instanceof ApiRequestError && (error.status === 401 || error.status === 403)) {
      // Only the session this refresh was for: a newer token (own password change) stays.
      if (useSessionStore.getState().token !== token) return sessionNow();
      useSessionStore.getState().endSession(signedOutNotice(reason ?? error.body?.message));
      return 'rejected';
    }
    return 'unreachable';
  }
}

function sessionNow(): RefreshResult {
  return useSessionStore.getState().token === null ? 'rejected' : 'refreshed';
}
