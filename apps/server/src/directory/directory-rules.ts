import type { AuthorityLevel } from '@arc/shared/authority';
import type { OnCallSwapProblem } from '@arc/shared/directory';
import type { AppErrorDetails } from '../common/app-error.js';

/**
 * Directory rules as plain functions, so they are tested without a database. Each returns
 * null when the input is acceptable, else the reason (the caller names the field).
 */

/** Why a reorder is refused, as the catalogue text a screen words it with. */
export type ReorderRefusal =
  | { key: 'reorderRepeats' }
  | { key: 'reorderStranger'; params: { id: string } }
  | { key: 'reorderIncomplete'; params: { count: number } };

/** A reorder must name every contact of the site exactly once, and nothing else: the refusal. */
export function reorderRefusal(current: readonly string[], requested: readonly string[]): ReorderRefusal | null {
  if (new Set(requested).size !== requested.length) return { key: 'reorderRepeats' };
  const known = new Set(current);
  const stranger = requested.find((id) => !known.has(id));
  if (stranger) return { key: 'reorderStranger', params: { id: stranger } };
  if (requested.length !== current.length) return { key: 'reorderIncomplete', params: { count: current.length } };
  return null;
}

/** The English of a reorder refusal (the API's message, after "ids: "). */
export function reorderText(refusal: ReorderRefusal): string {
  switch (refusal.key) {
    case 'reorderRepeats':
      return 'must not repeat an id';
    case 'reorderStranger':
      return `${refusal.params.id} is not a contact of this site`;
    case 'reorderIncomplete':
      return `must list all ${refusal.params.count} contacts of the site`;
  }
}

/** A reorder must name every contact of the site exactly once, and nothing else. */
export function reorderProblem(current: readonly string[], requested: readonly string[]): string | null {
  const refusal = reorderRefusal(current, requested);
  return refusal ? reorderText(refusal) : null;
}

export interface Requester {
  listId: string;
  level: AuthorityLevel;
  validFrom: string | null;
  validTo: string | null;
}

/** Why a password change is refused for who asked, as the catalogue text a screen words it with. */
export type PasswordRequesterRefusal =
  | { key: 'requesterNoSuchPerson' }
  | { key: 'requesterOtherList' }
  | { key: 'requesterLevel'; params: { level: AuthorityLevel } }
  | { key: 'requesterNotValidOn'; params: { date: string } };

/** docs/domain.md section 3: only an A-level person of the same list may have a password changed. */
export function passwordRequesterRefusal(
  requester: Requester | undefined,
  listId: string,
  requestDate: string,
): PasswordRequesterRefusal | null {
  if (!requester) return { key: 'requesterNoSuchPerson' };
  if (requester.listId !== listId) return { key: 'requesterOtherList' };
  if (requester.level !== 'A') return { key: 'requesterLevel', params: { level: requester.level } };
  if (!isValidOn(requester, requestDate)) return { key: 'requesterNotValidOn', params: { date: requestDate } };
  return null;
}

/** The English of a requester refusal (the API's message, after "requestedByPersonId: "). */
export function passwordRequesterText(refusal: PasswordRequesterRefusal): string {
  switch (refusal.key) {
    case 'requesterNoSuchPerson':
      return 'no such person';
    case 'requesterOtherList':
      return 'is not on the same authorization list';
    case 'requesterLevel':
      return `has authority level ${refusal.params.level}, level A is required`;
    case 'requesterNotValidOn':
      return `was not valid on ${refusal.params.date}`;
  }
}

/** The same in English (the caller names the field). */
export function passwordRequesterProblem(
  requester: Requester | undefined,
  listId: string,
  requestDate: string,
): string | null {
  const refusal = passwordRequesterRefusal(requester, listId, requestDate);
  return refusal ? passwordRequesterText(refusal) : null;
}

/** Dates are ISO YYYY-MM-DD, so they compare as strings. */
export function isValidOn(period: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (!period.validFrom || period.validFrom <= date) && (!period.validTo || date <= period.validTo);
}

/** A swap the rotation's rules refuse, as the catalogue text a screen words it with. */
export function swapRefusal(problem: OnCallSwapProblem): AppErrorDetails {
  switch (problem.code) {
    case 'NOT_MONDAY':
      return { key: 'swapNotMonday' };
    case 'BEFORE_ROTATION':
      return { key: 'swapBeforeRotation', params: { date: problem.rotationStart } };
    case 'ALREADY_SWAPPED':
      return { key: 'swapExists', params: { week: '' } };
    case 'NO_SUCH_MEMBER':
      return { key: 'swapNoSuchMember' };
    case 'HAS_THE_WEEK':
      return { key: 'swapHasTheWeek', params: { name: problem.name } };
  }
}
