import type { CaseSummary } from '@arc/shared/case';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../../utils/request-state';
import { moveCaseToTop } from '../api/queue-api';
import { useNow } from '../../../hooks/use-now';
import { useClockOffset, useQueueLoaded, useSortedCases } from '../hooks/use-queue';
import { AssignDialog } from './assign-dialog';
import { useQueueFilterStore } from '../store/queue-filter-store';
import { applyQueueFilter, groupBySite, type QueueItem } from '../utils/queue-filter';
import { QueueFilterBar, QueueFilterNotice } from './queue-filter-bar';
import { QueueGroupRow, QueueRow, type SupervisorActions } from './queue-row';

export interface QueueTableProps {
  /** The connection is down: rows show the last known state and may be out of date. */
  stale: boolean;
  /** Supervisors and admins may move cases to the top and assign them. */
  canSupervise?: boolean;
}

/** A first guess of a row's height (one line per case); each row rendered is measured. */
const ROW_ESTIMATE_PX = 30;
const OVERSCAN_ROWS = 10;

export function QueueTable({ stale, canSupervise = false }: QueueTableProps) {
  const { t, i18n } = useTranslation('queue');
  const all = useSortedCases();
  const filter = useQueueFilterStore((state) => state.filter);
  const filtered = useMemo(() => applyQueueFilter(all, filter), [all, filter]);
  // The group headers name unknown sites in words: grouped again when the language changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is read by groupBySite through i18n
  const items = useMemo(() => groupBySite(filtered.shown), [filtered, i18n.language]);
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
          {t('heading')}
          {stale && loaded && <span className="queue__stale-note"> {t('staleNote')}</span>}
        </h2>
        <QueueFilterBar />
        <AgeLegend />
      </div>
      <QueueFilterNotice result={filtered} />
      {actionError && (
        <p className="form-error" role="alert" data-testid="queue-action-error">
          {actionError}
        </p>
      )}
      {assigning && <AssignDialog summary={assigning} onClose={() => setAssigning(null)} />}
      {!loaded ? (
        <p className="queue__empty">{t('loading')}</p>
      ) : all.length === 0 ? (
        <p className="queue__empty">{t('empty')}</p>
      ) : items.length === 0 ? (
        <p className="queue__empty" data-testid="queue-filter-empty">
          {t('filterEmpty')}
        </p>
      ) : (
        <VirtualQueue items={items} caseCount={filtered.shown.length} now={now} supervisor={supervisor} />
      )}
    </section>
  );
}

/** The colours of the waiting times, spelt out. */
export function AgeLegend() {
  const { t } = useTranslation('queue');
  return (
    <ul className="age-legend" aria-label={t('legend.label')} data-testid="age-legend">
      <li className="age-legend__item" data-age="fresh">
        {t('legend.fresh')}
      </li>
      <li className="age-legend__item" data-age="amber">
        {t('legend.amber')}
      </li>
      <li className="age-legend__item" data-age="red">
        {t('legend.red')}
      </li>
    </ul>
  );
}

interface VirtualQueueProps {
  /** Cases and site-group headers, in display order. */
  items: readonly QueueItem[];
  caseCount: number;
  now: number;
  supervisor: SupervisorActions | undefined;
}

/**
 * Only the rows in view (plus a few) are in the DOM, so thousands of open cases scroll and tick
 * every second without work per case. Spacer rows above and below keep the scrollbar honest.
 */
function VirtualQueue({ items: rows, caseCount, now, supervisor }: VirtualQueueProps) {
  const { t } = useTranslation('queue');
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new key function makes the virtualizer redo every row's offset: only when the list changes.
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const columns = supervisor ? 9 : 8;

  return (
    <div ref={scrollRef} className="queue__scroller" data-testid="queue-scroller">
      <table className="queue-table" aria-rowcount={rows.length + 1} data-case-count={caseCount}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('column.category')}</th>
            <th scope="col">{t('column.case')}</th>
            <th scope="col">{t('column.site')}</th>
            <th scope="col">{t('column.account')}</th>
            <th scope="col">{t('column.alarm')}</th>
            <th scope="col" className="queue-table__num" title={t('column.signalsTitle')}>
              {t('column.signals')}
            </th>
            <th scope="col" className="queue-table__num">
              {t('column.waiting')}
            </th>
            <th scope="col">{t('column.status')}</th>
            {supervisor && <th scope="col">{t('column.supervisor')}</th>}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <SpacerRow height={before} columns={columns} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            if (row.kind === 'group') {
              return (
                <QueueGroupRow
                  key={item.key}
                  group={row}
                  columns={columns}
                  index={item.index}
                  measureRef={virtualizer.measureElement}
                />
              );
            }
            return (
              <QueueRow
                key={item.key}
                summary={row.summary}
                grouped={row.grouped}
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
