import type { CaseStatus, CaseSummary } from '@arc/shared';
import { formatWaiting } from '../utils/format-waiting';

export interface QueueRowProps {
  summary: CaseSummary;
  /** Current time on the server clock, in ms. */
  now: number;
}

export function QueueRow({ summary, now }: QueueRowProps) {
  const waitingMs = now - Date.parse(summary.queuedAt);
  return (
    <tr
      className="queue-row"
      data-testid="queue-row"
      data-case-id={summary.id}
      data-category={summary.category}
      data-status={summary.status}
    >
      <td className="queue-row__category">
        <span className="category-badge" data-category={summary.category}>
          {summary.category}
        </span>
      </td>
      <td className="queue-row__case-no">{summary.caseNo}</td>
      <td className="queue-row__title">{summary.title}</td>
      <td className="queue-row__site">
        <SiteCell summary={summary} />
      </td>
      <td className="queue-row__signals">{summary.signalCount}</td>
      <td className="queue-row__status">
        <span className="status-tag" data-status={summary.status}>
          {statusLabel(summary.status)}
        </span>
      </td>
      <td className="queue-row__waiting">
        <time dateTime={summary.queuedAt} title={new Date(summary.queuedAt).toLocaleString()}>
          {formatWaiting(waitingMs)}
        </time>
      </td>
    </tr>
  );
}

function SiteCell({ summary }: { summary: CaseSummary }) {
  if (summary.unknownTransmitter) {
    return <span className="site site--unknown">Unknown transmitter {summary.account}</span>;
  }
  return (
    <span className="site">
      <span className="site__name">{summary.siteName ?? `Account ${summary.account}`}</span>
      {summary.siteAddress && <span className="site__address">{summary.siteAddress}</span>}
    </span>
  );
}

export function statusLabel(status: CaseStatus): string {
  switch (status) {
    case 'QUEUED':
      return 'Waiting';
    case 'ACCEPTED':
      return 'Accepted';
    case 'CLOSED':
      return 'Closed';
    default: {
      const unexpected: never = status;
      return String(unexpected);
    }
  }
}
