import { useNow } from '../hooks/use-now';
import { useClockOffset, useQueueLoaded, useSortedCases } from '../hooks/use-queue';
import { QueueRow } from './queue-row';

export interface QueueTableProps {
  /** The connection is down: rows show the last known state and may be out of date. */
  stale: boolean;
}

export function QueueTable({ stale }: QueueTableProps) {
  const cases = useSortedCases();
  const loaded = useQueueLoaded();
  const now = useNow() + useClockOffset();

  return (
    <section className={stale ? 'queue queue--stale' : 'queue'} aria-labelledby="queue-heading" aria-busy={stale}>
      <h2 id="queue-heading" className="queue__heading">
        Alarm queue
        {stale && loaded && <span className="queue__stale-note"> (last known state)</span>}
      </h2>
      {!loaded ? (
        <p className="queue__empty">Loading queue…</p>
      ) : cases.length === 0 ? (
        <p className="queue__empty">No open alarms</p>
      ) : (
        <table className="queue-table">
          <thead>
            <tr>
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
            </tr>
          </thead>
          <tbody>
            {cases.map((summary) => (
              <QueueRow key={summary.id} summary={summary} now={now} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
