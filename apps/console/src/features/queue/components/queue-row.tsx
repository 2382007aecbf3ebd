import type { CaseStatus, CaseSummary } from '@arc/shared/case';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/i18n/format';
import { i18n } from '../../../lib/i18n/i18n';
import { caseTitle } from '../../../utils/case-title';
import { formatDateTime } from '../../../utils/time';
import { formatWaiting } from '../utils/format-waiting';
import type { QueueItem } from '../utils/queue-filter';
import { waitingAge } from '../utils/waiting-age';

/** What a supervisor (or admin) can do with a case from the queue. */
export interface SupervisorActions {
  onMoveToTop: (summary: CaseSummary) => void;
  onAssign: (summary: CaseSummary) => void;
}

export interface QueueRowProps {
  summary: CaseSummary;
  /** Current time on the server clock, in ms. */
  now: number;
  /** Shown as a last column for supervisors; operators do not get the column at all. */
  supervisor?: SupervisorActions | undefined;
  /** Position in the whole queue (0-based), for the virtualised list and screen readers. */
  index?: number;
  /** Lets the virtualised list measure the row's real height. */
  measureRef?: ((element: HTMLTableRowElement | null) => void) | undefined;
  /** Under a site's group header: indented. */
  grouped?: boolean;
}

export function QueueRow({ summary, now, supervisor, index, measureRef, grouped = false }: QueueRowProps) {
  const { t } = useTranslation(['queue', 'common']);
  const waitingMs = now - Date.parse(summary.queuedAt);
  const waiting = summary.status === 'QUEUED';
  return (
    <tr
      ref={measureRef}
      className={grouped ? 'queue-row queue-row--grouped' : 'queue-row'}
      data-testid="queue-row"
      data-grouped={grouped ? 'true' : undefined}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
      data-case-id={summary.id}
      data-category={summary.category}
      data-status={summary.status}
      data-age={waiting ? waitingAge(waitingMs) : undefined}
      data-runaway={summary.runaway ? 'true' : undefined}
      data-unencrypted={summary.unencryptedFromKeyed ? 'true' : undefined}
      data-returned={isReturned(summary) ? 'true' : undefined}
      data-moved-to-top={summary.movedToTop ? 'true' : undefined}
    >
      <td className="queue-row__category">
        <span className="category-badge" data-category={summary.category}>
          {t(`badge.${summary.category}`)}
        </span>
      </td>
      <td className="queue-row__case-no">{summary.caseNo}</td>
      <td className="queue-row__site">
        <SiteCell summary={summary} />
      </td>
      <td className="queue-row__account">{summary.account}</td>
      <td className="queue-row__title">
        <span className="queue-row__title-text" title={caseTitle(summary)}>
          {caseTitle(summary)}
        </span>
        <Badges summary={summary} />
      </td>
      <td className="queue-row__signals">
        {summary.runaway ? (
          <span className="runaway-badge" data-testid="runaway-badge" title={t('row.runawayTitle')}>
            {t('row.runaway')} {formatNumber(summary.signalCount)}
          </span>
        ) : (
          formatNumber(summary.signalCount)
        )}
      </td>
      <td className="queue-row__waiting">
        <time dateTime={summary.queuedAt} title={formatDateTime(summary.queuedAt)}>
          {formatWaiting(waitingMs)}
        </time>
      </td>
      <td className="queue-row__status">
        <span className="status-tag" data-status={summary.status}>
          {summary.status === 'ACCEPTED' && summary.heldBy ? t('status.heldBy') : statusLabel(summary.status)}
        </span>
        {summary.status === 'ACCEPTED' && summary.heldBy && (
          <span className="queue-row__holder" data-testid="held-by">
            {summary.heldBy.name}
          </span>
        )}
      </td>
      {supervisor && (
        <td className="queue-row__actions">
          <button
            className="button button--small"
            type="button"
            onClick={() => supervisor.onMoveToTop(summary)}
            disabled={!waiting || summary.movedToTop}
            data-testid="move-to-top"
          >
            {t('row.moveToTop')}
          </button>
          <button
            className="button button--small"
            type="button"
            onClick={() => supervisor.onAssign(summary)}
            data-testid="assign"
          >
            {t('row.assign')}
          </button>
        </td>
      )}
    </tr>
  );
}

/**
 * "Returned" tells whoever takes a waiting case that someone had it before. A held case is not
 * returned, whatever its past: one put back and taken again, or given to someone else, shows
 * who holds it now.
 */
function isReturned(summary: CaseSummary): boolean {
  return summary.returned && summary.status === 'QUEUED';
}

function Badges({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation(['queue', 'common']);
  const returned = isReturned(summary);
  if (!returned && !summary.movedToTop && !summary.unencryptedFromKeyed) return null;
  return (
    <span className="queue-row__badges">
      {summary.unencryptedFromKeyed && (
        <span className="tag tag--danger" data-testid="unencrypted-badge" title={t('row.unencryptedTitle')}>
          {t('row.unencrypted')}
        </span>
      )}
      {summary.movedToTop && (
        <span className="tag tag--top" data-testid="moved-to-top-badge" title={t('row.movedToTopTitle')}>
          {t('row.movedToTop')}
        </span>
      )}
      {returned && (
        <span className="tag tag--returned" data-testid="returned-badge" title={t('row.returnedTitle')}>
          {t('row.returned')}
          {summary.returnReason ? ` · ${summary.returnReason}` : ''}
        </span>
      )}
    </span>
  );
}

/** A site's header above its simultaneous cases: the site, how many, the most urgent category first. */
export function QueueGroupRow({
  group,
  columns,
  index,
  measureRef,
}: {
  group: Extract<QueueItem, { kind: 'group' }>;
  columns: number;
  index: number;
  measureRef?: ((element: HTMLTableRowElement | null) => void) | undefined;
}) {
  const { t } = useTranslation(['queue', 'common']);
  return (
    <tr
      ref={measureRef}
      className="queue-group"
      data-testid="queue-group"
      data-index={index}
      aria-rowindex={index + 2}
      data-category={group.categories[0]}
      data-count={group.count}
    >
      <td colSpan={columns}>
        <span className="queue-group__site" data-testid="queue-group-site">
          {group.siteName}
        </span>
        <span className="queue-group__count" data-testid="queue-group-count">
          {t('common:count.cases', { count: group.count })}
        </span>
        <span className="queue-group__categories">
          {group.categories.map((category) => (
            <span key={category} className="category-badge category-badge--small" data-category={category}>
              {t(`badge.${category}`)}
            </span>
          ))}
        </span>
      </td>
    </tr>
  );
}

function SiteCell({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation(['queue', 'common']);
  if (summary.unknownTransmitter) {
    return <span className="site site--unknown">{t('row.unknownTransmitter', { account: summary.account })}</span>;
  }
  return (
    <span className="site">
      <span className="site__name">{summary.siteName ?? t('row.account', { account: summary.account })}</span>
      {summary.siteAddress && <span className="site__address">{summary.siteAddress}</span>}
    </span>
  );
}

export function statusLabel(status: CaseStatus): string {
  switch (status) {
    case 'QUEUED':
    case 'ACCEPTED':
    case 'CLOSED':
      return i18n.t(`queue:status.${status}`);
    default: {
      const unexpected: never = status;
      return String(unexpected);
    }
  }
}
