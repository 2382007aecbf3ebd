import type { CaseDetail, CaseHistoryEntry, CaseResult, CaseSignal, ContactOutcome } from '@arc/shared/case-handling';
import type { ContactRouteKind } from '@arc/shared/directory';
import { outcomeLabel, routeKindLabel } from './labels';
import { resultLabel } from '../../../utils/labels';

/** What a line of the timeline is about (its colour and marker). */
export type TimelineKind = 'signal' | 'restore' | 'handling' | 'contact' | 'step' | 'note' | 'closed' | 'system';

export interface TimelineEntry {
  key: string;
  at: string;
  kind: TimelineKind;
  /** In words: "Fire alarm", "Taken", "Called Anna Berg". */
  title: string;
  /** The rest in words: codes and zones of a signal, an outcome, a reason, a note. */
  detail: string | null;
  /** Who did it; null for what the transmitter or the centre's machinery did. */
  by: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function signalEntry(signal: CaseSignal): TimelineEntry {
  const restore = signal.decision === 'RESTORE';
  const parts = [
    `${signal.code}`,
    signal.zone ? `zone ${signal.zone}` : null,
    signal.text ? `"${signal.text}"` : null,
    `account ${signal.account}`,
    signal.unencryptedFromKeyed ? 'UNENCRYPTED from an encrypted transmitter' : null,
  ].filter(Boolean);
  return {
    key: `signal-${signal.id}`,
    at: signal.receivedAt,
    kind: restore ? 'restore' : 'signal',
    title: restore ? `Restore: ${signal.description}` : signal.description,
    detail: parts.join(' · '),
    by: null,
  };
}

/** The name of the user a history entry's `data.to` names, from the case's holds. */
function userName(detail: CaseDetail, userId: unknown): string {
  if (typeof userId !== 'string') return 'another operator';
  return detail.holds.find((h) => h.by.userId === userId)?.by.name ?? 'another operator';
}

/** One history entry in words; null for entries the signals already show. */
function historyEntry(detail: CaseDetail, entry: CaseHistoryEntry, signalIds: Set<string>): TimelineEntry | null {
  const { data } = entry;
  const base = { key: `event-${entry.id}`, at: entry.at, by: entry.by?.name ?? null };
  const make = (kind: TimelineKind, title: string, more: string | null = null): TimelineEntry => ({
    ...base,
    kind,
    title,
    detail: more,
  });
  switch (entry.type) {
    case 'CREATED': {
      const why = data.SUPERVISION_MISSED
        ? 'raised by the centre: test signal missing'
        : data.RUNAWAY_DETECTED
          ? 'raised by the centre: runaway transmitter'
          : data.ACTIVE_AT_END
            ? 'raised by the centre: still active at the end of a service mode or block window'
            : data.DEFERRED_RAISED
              ? 'raised by the centre: not restored in time'
              : null;
      return make('system', 'Case opened', [text(data.title), why].filter(Boolean).join(' · ') || null);
    }
    case 'SIGNALS_APPENDED':
      // Each signal is a line of its own; only signals beyond the newest shown need a word.
      return entry.signalId && signalIds.has(entry.signalId)
        ? null
        : make('signal', `${typeof data.count === 'number' ? data.count : 'More'} signal(s) added`);
    case 'RESTORE_RECEIVED':
      if (entry.signalId && signalIds.has(entry.signalId)) return null;
      return make('restore', `Restore: ${text(data.description) ?? 'restored'}`);
    case 'SUPERVISION_MISSED':
      return make('system', 'Test signal missing', text(data.title));
    case 'RUNAWAY_DETECTED':
      return make('system', 'Runaway transmitter', text(data.title));
    case 'ACTIVE_AT_END':
      return make(
        'system',
        data.serviceModeId ? 'Still active at the end of a service mode' : 'Still active at the end of a block window',
        text(data.title),
      );
    case 'DEFERRED_RAISED':
      return make('system', 'Not restored in time: case raised', text(data.title));
    case 'TAKEN':
      return data.by === 'site sticks to the operator'
        ? make('handling', 'Given to the operator working the site')
        : make('handling', 'Taken');
    case 'ASSIGNED':
      return make('handling', `Assigned to ${userName(detail, data.to)}`);
    case 'REASSIGNED':
      return make('handling', 'Handed over by a supervisor', text(data.reason));
    case 'PUT_BACK':
      return make('handling', 'Put back in the queue', text(data.reason));
    case 'RETURNED':
      return make('handling', 'Returned to the queue', text(data.reason));
    case 'MOVED_TO_TOP':
      return make('handling', 'Moved to the top of the queue');
    case 'CONTACT_ATTEMPT': {
      const route = typeof data.routeKind === 'string' ? `${routeKindLabel(data.routeKind as ContactRouteKind)} ` : '';
      const outcome = typeof data.outcome === 'string' ? outcomeLabel(data.outcome as ContactOutcome) : null;
      return make(
        'contact',
        `Called ${text(data.name) ?? 'a contact'}${outcome ? `: ${outcome}` : ''}`,
        [`${route}${text(data.routeValue) ?? ''}`.trim() || null, text(data.note)].filter(Boolean).join(' · ') || null,
      );
    }
    case 'STEP_TICKED': {
      const position = typeof data.position === 'number' ? `Step ${data.position}` : 'Step';
      return make('step', `${position} done: ${text(data.label) ?? ''}`.trim(), text(data.note));
    }
    case 'NOTE_ADDED':
      return make('note', 'Note', text(data.text));
    case 'CLOSED': {
      const result = typeof data.result === 'string' ? resultLabel(data.result as CaseResult) : 'closed';
      const cancelledBy =
        data.cancelledBy && typeof data.cancelledBy === 'object' && 'name' in data.cancelledBy
          ? `cancelled on the phone by ${String((data.cancelledBy as { name: unknown }).name)}`
          : null;
      const open = text(data.openStepsReason);
      return make(
        'closed',
        `Closed: ${result}`,
        [text(data.note), cancelledBy, open ? `steps left open: ${open}` : null].filter(Boolean).join(' · ') || null,
      );
    }
    default:
      // A kind of entry this console does not know yet: shown in plain words, never dropped.
      return make('system', entry.type.toLowerCase().replaceAll('_', ' '));
  }
}

/**
 * Everything that happened to the case, oldest first: its signals and restores with codes and
 * zones, and its history (taken, handed over, calls, steps, notes, closed) in words.
 */
export function buildTimeline(detail: CaseDetail): TimelineEntry[] {
  const signalIds = new Set(detail.signals.map((s) => s.id));
  const signals = detail.signals.map(signalEntry);
  const events = detail.history.flatMap((entry) => historyEntry(detail, entry, signalIds) ?? []);
  // Both lists are in order already; merge them by time, a signal first on a tie (the case
  // is opened by its first signal).
  const merged: TimelineEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < signals.length || j < events.length) {
    const s = signals[i];
    const e = events[j];
    if (s && (!e || Date.parse(s.at) <= Date.parse(e.at))) {
      merged.push(s);
      i += 1;
    } else if (e) {
      merged.push(e);
      j += 1;
    }
  }
  return merged;
}
