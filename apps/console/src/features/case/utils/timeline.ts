import type { CaseDetail, CaseHistoryEntry, CaseResult, CaseSignal, ContactOutcome } from '@arc/shared/case-handling';
import { CaseTitleParamsSchema } from '@arc/shared/case-title';
import type { ContactRouteKind } from '@arc/shared/directory';
import { outcomeLabel, routeKindLabel } from './labels';
import { i18n } from '../../../lib/i18n/i18n';
import { caseTitle } from '../../../utils/case-title';
import { eventLabel } from '../../../utils/event-label';
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

/** The case title a history entry records (opened, raised by the centre), in the language in force. */
function titleText(data: CaseHistoryEntry['data']): string | null {
  const title = text(data.title);
  if (!title) return null;
  const params = CaseTitleParamsSchema.safeParse(data.titleParams);
  return caseTitle({
    title,
    titleKey: typeof data.titleKey === 'string' ? data.titleKey : null,
    titleParams: params.success ? params.data : null,
  });
}

function signalEntry(signal: CaseSignal): TimelineEntry {
  const restore = signal.decision === 'RESTORE';
  const parts = [
    `${signal.code}`,
    signal.zone ? i18n.t('case:timeline.zone', { zone: signal.zone }) : null,
    signal.text ? `"${signal.text}"` : null,
    i18n.t('case:timeline.account', { account: signal.account }),
    signal.unencryptedFromKeyed ? i18n.t('case:timeline.unencrypted') : null,
  ].filter(Boolean);
  const description = eventLabel(signal.code, signal.description);
  return {
    key: `signal-${signal.id}`,
    at: signal.receivedAt,
    kind: restore ? 'restore' : 'signal',
    title: restore ? i18n.t('case:timeline.restore', { description }) : description,
    detail: parts.join(' · '),
    by: null,
  };
}

/** The name of the user a history entry's `data.to` names, from the case's holds. */
function userName(detail: CaseDetail, userId: unknown): string {
  const someone = i18n.t('case:timeline.anotherOperator');
  if (typeof userId !== 'string') return someone;
  return detail.holds.find((h) => h.by.userId === userId)?.by.name ?? someone;
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
        ? i18n.t('case:timeline.raisedSupervision')
        : data.RUNAWAY_DETECTED
          ? i18n.t('case:timeline.raisedRunaway')
          : data.ACTIVE_AT_END
            ? i18n.t('case:timeline.raisedActiveAtEnd')
            : data.DEFERRED_RAISED
              ? i18n.t('case:timeline.raisedDeferred')
              : null;
      return make('system', i18n.t('case:timeline.opened'), [titleText(data), why].filter(Boolean).join(' · ') || null);
    }
    case 'SIGNALS_APPENDED':
      // Each signal is a line of its own; only signals beyond the newest shown need a word.
      return entry.signalId && signalIds.has(entry.signalId)
        ? null
        : make(
            'signal',
            typeof data.count === 'number'
              ? i18n.t('case:timeline.signalsAdded', { count: data.count })
              : i18n.t('case:timeline.moreSignalsAdded'),
          );
    case 'RESTORE_RECEIVED':
      if (entry.signalId && signalIds.has(entry.signalId)) return null;
      return make(
        'restore',
        i18n.t('case:timeline.restore', {
          description: text(data.description)
            ? eventLabel(null, text(data.description)!)
            : i18n.t('case:timeline.restored'),
        }),
      );
    case 'SUPERVISION_MISSED':
      return make('system', i18n.t('case:timeline.supervisionMissed'), titleText(data));
    case 'RUNAWAY_DETECTED':
      return make('system', i18n.t('case:timeline.runaway'), titleText(data));
    case 'ACTIVE_AT_END':
      return make(
        'system',
        data.serviceModeId
          ? i18n.t('case:timeline.activeAtEndServiceMode')
          : i18n.t('case:timeline.activeAtEndBlockWindow'),
        titleText(data),
      );
    case 'DEFERRED_RAISED':
      return make('system', i18n.t('case:timeline.deferredRaised'), titleText(data));
    case 'TAKEN':
      return data.by === 'site sticks to the operator'
        ? make('handling', i18n.t('case:timeline.givenBySite'))
        : make('handling', i18n.t('case:timeline.taken'));
    case 'ASSIGNED':
      return make('handling', i18n.t('case:timeline.assigned', { name: userName(detail, data.to) }));
    case 'REASSIGNED':
      return make('handling', i18n.t('case:timeline.reassigned'), text(data.reason));
    case 'PUT_BACK':
      return make('handling', i18n.t('case:timeline.putBack'), text(data.reason));
    case 'RETURNED':
      return make('handling', i18n.t('case:timeline.returned'), text(data.reason));
    case 'MOVED_TO_TOP':
      return make('handling', i18n.t('case:timeline.movedToTop'));
    case 'CONTACT_ATTEMPT': {
      const route = typeof data.routeKind === 'string' ? `${routeKindLabel(data.routeKind as ContactRouteKind)} ` : '';
      const outcome = typeof data.outcome === 'string' ? outcomeLabel(data.outcome as ContactOutcome) : null;
      const name = text(data.name) ?? i18n.t('case:timeline.aContact');
      return make(
        'contact',
        outcome
          ? i18n.t('case:timeline.calledWithOutcome', { name, outcome })
          : i18n.t('case:timeline.called', { name }),
        [`${route}${text(data.routeValue) ?? ''}`.trim() || null, text(data.note)].filter(Boolean).join(' · ') || null,
      );
    }
    case 'STEP_TICKED': {
      const label = text(data.label) ?? '';
      const title =
        typeof data.position === 'number'
          ? i18n.t('case:timeline.stepNumberDone', { position: data.position, label })
          : i18n.t('case:timeline.stepDone', { label });
      return make('step', title.trim(), text(data.note));
    }
    case 'NOTE_ADDED':
      return make('note', i18n.t('case:timeline.note'), text(data.text));
    case 'CLOSED': {
      const result =
        typeof data.result === 'string'
          ? resultLabel(data.result as CaseResult)
          : i18n.t('case:timeline.closedNoResult');
      const cancelledBy =
        data.cancelledBy && typeof data.cancelledBy === 'object' && 'name' in data.cancelledBy
          ? i18n.t('case:timeline.cancelledBy', { name: String((data.cancelledBy as { name: unknown }).name) })
          : null;
      const open = text(data.openStepsReason);
      return make(
        'closed',
        i18n.t('case:timeline.closed', { result }),
        [text(data.note), cancelledBy, open ? i18n.t('case:timeline.stepsLeftOpen', { reason: open }) : null]
          .filter(Boolean)
          .join(' · ') || null,
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
