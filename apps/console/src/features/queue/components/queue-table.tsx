import type { CaseSummary } from '@arc/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiRequestError } from '../../../lib/api';
import { moveCaseToTop } from '../api/queue-api';
import { useNow } from '../../../hooks/use-now';
import { useClockOffset, useQueueLoaded, useSortedCases } from '../hooks/use-queue';
import { AssignDialog } from './assign-dialog';
import { QueueRow, type SupervisorActions } from './queue-row';

export interface QueueTableProps {
  /** The connection is down: rows show the last known state and may be out of date. */
  stale: boolean;
  /** Supervisors and admins may move cases to the top and assign them. */
  canSupervise?: boolean;
}

/** A first guess of a row's height; each row rendered is measured. */
const ROW_ESTIMATE_PX = 62;
const OVERSCAN_ROWS = 10;

export function QueueTable({ stale, canSupervise = false }: QueueTableProps) {
  const cases = useSortedCases();
  const loaded = useQueueLoaded();
  const now = useNow() + useClockOffset();
  const [assigning, setAssigning] = useState<CaseSummary | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const supervisor = useMemo<SupervisorActions | undefined>(
    () =>
      canSupervise
        ? {
            onAssign: (summary) => {
              setActionError(null);
              setAssigning(summary);
            },
            onMoveToTop: (summary) => {
              setActionError(null);
              // The queue reorders when the change comes back over the socket.
              moveCaseToTop(summary.id).catch((error: unknown) => {
                setActionError(`${summary.caseNo}: ${messageOf(error)}`);
              });
            },
          }
        : undefined,
    [canSupervise],
  );

  return (
    <section className={stale ? 'queue queue--stale' : 'queue'} aria-labelledby="queue-heading" aria-busy={stale}>
      <div className="queue__bar">
        <h2 id="queue-heading" className="queue__heading">
          Alarm queue
          {stale && loaded && <span className="queue__stale-note"> (last known state)</span>}
        </h2>
        <AgeLegend />
      </div>
      {actionError && (
        <p className="form-error" role="alert" data-testid="queue-action-error">
          {actionError}
        </p>
      )}
      {assigning && <AssignDialog summary={assigning} onClose={() => setAssigning(null)} />}
      {!loaded ? (
        <p className="queue__empty">Loading queue…</p>
      ) : cases.length === 0 ? (
        <p className="queue__empty">No open alarms</p>
      ) : (
        <VirtualQueue cases={cases} now={now} supervisor={supervisor} />
      )}
    </section>
  );
}

/** The colours of the waiting times, spelt out. */
export function AgeLegend() {
  return (
    <ul className="age-legend" aria-label="Waiting time colours" data-testid="age-legend">
      <li className="age-legend__item" data-age="fresh">
        under 1 min
      </li>
      <li className="age-legend__item" data-age="amber">
        1–3 min amber
      </li>
      <li className="age-legend__item" data-age="red">
        over 3 min red
      </li>
    </ul>
  );
}

interface VirtualQueueProps {
  cases: readonly CaseSummary[];
  now: number;
  supervisor: SupervisorActions | undefined;
}

/**
 * Only the rows in view (plus a few) are in the DOM, so thousands of open cases scroll and tick
 * every second without work per case. Spacer rows above and below keep the scrollbar honest.
 */
function VirtualQueue({ cases, now, supervisor }: VirtualQueueProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new key function makes the virtualizer redo every row's offset: only when the list changes.
  const getItemKey = useCallback((index: number) => cases[index]?.id ?? index, [cases]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const columns = supervisor ? 8 : 7;

  return (
    <div ref={scrollRef} className="queue__scroller" data-testid="queue-scroller">
      <table className="queue-table" aria-rowcount={cases.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Category</th>
            <th scope="col">Case</th>
            <th scope="col">Alarm</th>
            <th scope="col">Site</th>
            <th scope="col" className="queue-table__num">
              Signals
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="queue-table__num">
              Waiting
            </th>
            {supervisor && <th scope="col">Supervisor</th>}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <SpacerRow height={before} columns={columns} />}
          {items.map((item) => {
            const summary = cases[item.index];
            if (!summary) return null;
            return (
              <QueueRow
                key={item.key}
                summary={summary}
                now={now}
                supervisor={supervisor}
                index={item.index}
                measureRef={virtualizer.measureElement}
              />
            );
          })}
          {after > 0 && <SpacerRow height={after} columns={columns} />}
        </tbody>
      </table>
    </div>
  );
}

function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="queue-table__spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

function messageOf(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return error instanceof Error ? error.message : 'Failed';
}
