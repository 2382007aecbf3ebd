import type { VerificationAttempt } from '@arc/shared/intake';
import type { SupervisorAlertKind, SupervisorSnapshot } from '@arc/shared/supervisor';
import type { LockedAccount, LockedAddress, LoginActivity, LoginFailure } from '@arc/shared/users';
import { create } from 'zustand';

/** What the supervisor screen's alert tone does: sound while an alert is not acknowledged. */
export type SupervisorSound = 'alert' | 'off';

/** As many failed verifications as the server keeps in a snapshot's `recent`. */
export const MAX_FAILURES = 20;

/** Failed sign-ins kept on the screen: the list API's newest ones, and those pushed since. */
export const MAX_LOGIN_FAILURES = 50;

export interface SupervisorState {
  /** The last snapshot from the server; null until the first one arrives. */
  snapshot: SupervisorSnapshot | null;
  /** Browser clock when that snapshot arrived: the screen's age and the ticking waiting times count from it. */
  receivedAt: number | null;
  /**
   * Failed or locked caller verifications, newest first: the snapshot's `recent` merged with the
   * ones pushed live since, so a failure shows at once and not only at the next snapshot.
   */
  failures: VerificationAttempt[];
  /**
   * Alert kinds the supervisor acknowledged. A kind leaves the list when its alert clears, so an
   * alert that comes back, or a kind not seen before, sounds again.
   */
  acknowledged: SupervisorAlertKind[];
  /** Failed sign-ins, newest first (GET /security/logins merged with `auth.login-failed.v1`). */
  loginFailures: LoginFailure[];
  /** Accounts and source addresses locked now (entries past their time are filtered when shown). */
  lockedAccounts: LockedAccount[];
  lockedAddresses: LockedAddress[];
  /** Takes a snapshot unless a newer one is already held (a slow HTTP answer after a socket push). */
  applySnapshot: (snapshot: SupervisorSnapshot, receivedAt?: number) => void;
  /** A failed verification pushed live (`intake.verification-failed.v1`). */
  addFailure: (attempt: VerificationAttempt) => void;
  /** The list from GET /security/logins: replaces the locks, merges the failures. */
  applyLoginActivity: (activity: LoginActivity) => void;
  /** A failed sign-in pushed live; one that locked adds the lock at once. */
  addLoginFailure: (failure: LoginFailure) => void;
  /** An administrator unlocked it: gone from the list without waiting for a reload. */
  removeAccountLock: (username: string) => void;
  removeAddressLock: (address: string) => void;
  /** Silences the alerts raised now; a new kind of alert sounds again. */
  acknowledge: () => void;
  reset: () => void;
}

const initialState = {
  snapshot: null,
  receivedAt: null,
  failures: [],
  acknowledged: [],
  loginFailures: [],
  lockedAccounts: [],
  lockedAddresses: [],
} satisfies Partial<SupervisorState>;

export const useSupervisorStore = create<SupervisorState>()((set, get) => ({
  ...initialState,

  applySnapshot: (snapshot, receivedAt = Date.now()) => {
    const held = get().snapshot;
    if (held && Date.parse(snapshot.at) < Date.parse(held.at)) return;
    const kinds = new Set(snapshot.alerts.map((alert) => alert.kind));
    set((state) => ({
      snapshot,
      receivedAt,
      failures: mergeFailures(state.failures, snapshot.verifications.recent),
      acknowledged: state.acknowledged.filter((kind) => kinds.has(kind)),
    }));
  },

  addFailure: (attempt) => set((state) => ({ failures: mergeFailures(state.failures, [attempt]) })),

  applyLoginActivity: (activity) =>
    set((state) => ({
      loginFailures: mergeLoginFailures(state.loginFailures, activity.failures),
      lockedAccounts: activity.lockedAccounts,
      lockedAddresses: activity.lockedAddresses,
    })),

  addLoginFailure: (failure) =>
    set((state) => {
      const next: Partial<SupervisorState> = { loginFailures: mergeLoginFailures(state.loginFailures, [failure]) };
      if (failure.lockedUntil && failure.lockScope === 'account') {
        next.lockedAccounts = [
          ...state.lockedAccounts.filter((lock) => lock.username !== failure.username),
          { username: failure.username, userId: failure.userId, lockedUntil: failure.lockedUntil },
        ];
      } else if (failure.lockedUntil && failure.lockScope === 'address' && failure.sourceAddress) {
        const address = failure.sourceAddress;
        next.lockedAddresses = [
          ...state.lockedAddresses.filter((lock) => lock.address !== address),
          { address, lockedUntil: failure.lockedUntil },
        ];
      }
      return next;
    }),

  removeAccountLock: (username) =>
    set((state) => ({ lockedAccounts: state.lockedAccounts.filter((lock) => lock.username !== username) })),

  removeAddressLock: (address) =>
    set((state) => ({ lockedAddresses: state.lockedAddresses.filter((lock) => lock.address !== address) })),

  acknowledge: () => {
    const alerts = get().snapshot?.alerts ?? [];
    set({ acknowledged: [...new Set(alerts.map((alert) => alert.kind))] });
  },

  reset: () => set(initialState),
}));

export function selectSupervisorSound(state: Pick<SupervisorState, 'snapshot' | 'acknowledged'>): SupervisorSound {
  const alerts = state.snapshot?.alerts ?? [];
  return alerts.some((alert) => !state.acknowledged.includes(alert.kind)) ? 'alert' : 'off';
}

/**
 * Failed verifications in the last 15 minutes: the snapshot's count plus those pushed after it
 * was computed (the snapshot could not count them yet).
 */
export function selectFailedLast15m(state: Pick<SupervisorState, 'snapshot' | 'failures'>): number {
  if (!state.snapshot) return 0;
  const computedAt = Date.parse(state.snapshot.at);
  const later = state.failures.filter((f) => Date.parse(f.at) > computedAt).length;
  return state.snapshot.verifications.failedLast15m + later;
}

/** Union by id, newest first, at most MAX_FAILURES. */
function mergeFailures(held: readonly VerificationAttempt[], incoming: readonly VerificationAttempt[]) {
  const byId = new Map<string, VerificationAttempt>();
  for (const attempt of [...held, ...incoming]) byId.set(attempt.id, attempt);
  return [...byId.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, MAX_FAILURES);
}

function mergeLoginFailures(held: readonly LoginFailure[], incoming: readonly LoginFailure[]) {
  const byId = new Map<string, LoginFailure>();
  for (const failure of [...held, ...incoming]) byId.set(failure.id, failure);
  return [...byId.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, MAX_LOGIN_FAILURES);
}
