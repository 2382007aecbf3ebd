import type { AuthorityLevel } from '@arc/shared/authority';

/**
 * Directory rules as plain functions, so they are tested without a database. Each returns
 * null when the input is acceptable, else the reason (the caller names the field).
 */

/** A reorder must name every contact of the site exactly once, and nothing else. */
export function reorderProblem(current: readonly string[], requested: readonly string[]): string | null {
  if (new Set(requested).size !== requested.length) return 'must not repeat an id';
  const known = new Set(current);
  const stranger = requested.find((id) => !known.has(id));
  if (stranger) return `${stranger} is not a contact of this site`;
  if (requested.length !== current.length) return `must list all ${current.length} contacts of the site`;
  return null;
}

export interface Requester {
  listId: string;
  level: AuthorityLevel;
  validFrom: string | null;
  validTo: string | null;
}

/** docs/domain.md section 3: only an A-level person of the same list may have a password changed. */
export function passwordRequesterProblem(
  requester: Requester | undefined,
  listId: string,
  requestDate: string,
): string | null {
  if (!requester) return 'no such person';
  if (requester.listId !== listId) return 'is not on the same authorization list';
  if (requester.level !== 'A') return `has authority level ${requester.level}, level A is required`;
  if (!isValidOn(requester, requestDate)) return `was not valid on ${requestDate}`;
  return null;
}

/** Dates are ISO YYYY-MM-DD, so they compare as strings. */
export function isValidOn(period: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (!period.validFrom || period.validFrom <= date) && (!period.validTo || date <= period.validTo);
}
