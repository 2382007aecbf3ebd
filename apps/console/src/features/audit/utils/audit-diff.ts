/**
 * An audit entry's before and after, field by field, for showing them side by side. Fields are
 * compared by value (objects and lists as a whole, key order ignored). Secrets arrive masked as
 * "***" on both sides, so whether they changed cannot be told from the entry: no verdict.
 */

/** How a field differs; null when there is nothing to compare (a creation, a deletion, a secret). */
export type FieldChange = 'changed' | 'added' | 'removed' | 'same' | null;

export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
  /** The field is in the entry's before (after) at all. */
  inBefore: boolean;
  inAfter: boolean;
  change: FieldChange;
}

export const MASKED = '***';

type Fields = Readonly<Record<string, unknown>>;

/** JSON with object keys sorted, so two equal values read the same whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Every field of before and after (before's order, then fields only after has), with its change. */
export function diffEntry(before: Fields | null, after: Fields | null): FieldDiff[] {
  const fields = [...Object.keys(before ?? {})];
  for (const key of Object.keys(after ?? {})) if (!fields.includes(key)) fields.push(key);
  const compare = before !== null && after !== null;
  return fields.map((field) => {
    const inBefore = before !== null && Object.hasOwn(before, field);
    const inAfter = after !== null && Object.hasOwn(after, field);
    const b = inBefore ? before[field] : undefined;
    const a = inAfter ? after[field] : undefined;
    let change: FieldChange = null;
    if (compare && !(b === MASKED && a === MASKED)) {
      if (!inBefore) change = 'added';
      else if (!inAfter) change = 'removed';
      else change = stableJson(b) === stableJson(a) ? 'same' : 'changed';
    }
    return { field, before: b, after: a, inBefore, inAfter, change };
  });
}

/** How many fields differ (changed, added or removed). */
export function changedCount(diff: readonly FieldDiff[]): number {
  return diff.filter((row) => row.change !== null && row.change !== 'same').length;
}
