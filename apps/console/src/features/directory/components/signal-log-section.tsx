import type { SignalLogEntry } from '@arc/shared/rules';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../lib/i18n/i18n';
import { eventLabel } from '../../../utils/event-label';
import { signalReason } from '../../../utils/signal-reason';
import { messageOf } from '../../../utils/request-state';
import { listSiteSignals } from '../api/directory-api';
import { formatDateTime } from '../utils/labels';
import { DetailSection } from './detail-section';

export interface SignalLogSectionProps {
  siteId: string;
  /** Changes whenever the site's detail was reloaded: the log reloads its newest page with it. */
  reloadKey?: unknown;
  pageSize?: number;
}

export const SIGNAL_LOG_PAGE_SIZE = 50;

interface LogState {
  entries: SignalLogEntry[];
  status: 'loading' | 'loading-older' | 'ready' | 'error';
  error: string | null;
  hasMore: boolean;
}

/**
 * Every signal of the site, newest first, with what the rules decided about it: also the ones
 * that raised no case (service mode, block window, tests), as report ZR0034 lists them.
 */
export function SignalLogSection({ siteId, reloadKey, pageSize = SIGNAL_LOG_PAGE_SIZE }: SignalLogSectionProps) {
  const { t } = useTranslation(['directory', 'common']);
  const [state, setState] = useState<LogState>({ entries: [], status: 'loading', error: null, hasMore: false });
  const [reloads, setReloads] = useState(0);
  // Older pages requested before a reload must not be appended to the newer list.
  const generation = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const current = ++generation.current;
    listSiteSignals(siteId, { limit: pageSize }, controller.signal).then(
      (entries) => {
        if (current === generation.current) {
          setState({ entries, status: 'ready', error: null, hasMore: entries.length === pageSize });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted && current === generation.current) {
          setState((s) => ({
            ...s,
            status: 'error',
            error: messageOf(error, i18n.t('directory:signalLog.loadFailed')),
          }));
        }
      },
    );
    return () => controller.abort();
  }, [siteId, pageSize, reloads, reloadKey]);

  const refresh = () => {
    setState((s) => ({ ...s, status: 'loading', error: null }));
    setReloads((n) => n + 1);
  };

  const loadOlder = async () => {
    const oldest = state.entries.at(-1);
    if (!oldest) return;
    const current = generation.current;
    setState((s) => ({ ...s, status: 'loading-older', error: null }));
    try {
      const older = await listSiteSignals(siteId, { limit: pageSize, before: oldest.id });
      if (current !== generation.current) return;
      setState((s) => ({
        entries: [...s.entries, ...older],
        status: 'ready',
        error: null,
        hasMore: older.length === pageSize,
      }));
    } catch (error) {
      if (current === generation.current)
        setState((s) => ({ ...s, status: 'error', error: messageOf(error, t('signalLog.loadFailed')) }));
    }
  };

  const busy = state.status === 'loading' || state.status === 'loading-older';
  const actions = (
    <button className="button button--small" type="button" onClick={refresh} disabled={busy} data-testid="sl-refresh">
      {t('signalLog.refresh')}
    </button>
  );

  return (
    <DetailSection title={t('signalLog.title')} testId="detail-signal-log" actions={actions}>
      {state.error && (
        <p className="form-error" role="alert" data-testid="sl-error">
          {state.error}
        </p>
      )}
      {state.entries.length === 0 ? (
        <p className="muted" data-testid="sl-empty">
          {state.status === 'loading' ? t('signalLog.loading') : t('signalLog.none')}
        </p>
      ) : (
        <table className="detail-table signal-log" aria-busy={busy}>
          <thead>
            <tr>
              <th scope="col">{t('signalLog.received')}</th>
              <th scope="col">{t('signalLog.account')}</th>
              <th scope="col">{t('signalLog.code')}</th>
              <th scope="col">{t('signalLog.zone')}</th>
              <th scope="col">{t('signalLog.description')}</th>
              <th scope="col">{t('signalLog.decision')}</th>
              <th scope="col">{t('signalLog.reason')}</th>
              <th scope="col">{t('signalLog.case')}</th>
            </tr>
          </thead>
          <tbody>
            {state.entries.map((entry) => (
              <SignalRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {state.hasMore && (
        <div className="form-actions">
          <button
            className="button button--small"
            type="button"
            onClick={() => void loadOlder()}
            disabled={busy}
            data-testid="sl-older"
          >
            {state.status === 'loading-older' ? t('common:state.loading') : t('signalLog.loadOlder')}
          </button>
        </div>
      )}
    </DetailSection>
  );
}

function SignalRow({ entry }: { entry: SignalLogEntry }) {
  const { t } = useTranslation(['directory', 'common']);
  return (
    <tr
      data-testid="signal-row"
      data-signal-id={entry.id}
      data-decision={entry.decision ?? 'PENDING'}
      data-unencrypted={entry.unencryptedFromKeyed ? 'true' : undefined}
    >
      <td>
        <time dateTime={entry.receivedAt}>{formatDateTime(entry.receivedAt)}</time>
      </td>
      <td className="mono">{entry.account}</td>
      <td className="mono">{entry.code}</td>
      <td className="mono">{entry.zone ?? '—'}</td>
      <td>
        {entry.category && (
          <span className="category-badge category-badge--small" data-category={entry.category}>
            {t(`categoryCode.${entry.category}`)}
          </span>
        )}{' '}
        {eventLabel(entry.code, entry.description)}
        {entry.unencryptedFromKeyed && (
          <span className="tag tag--danger" data-testid="signal-unencrypted" title={t('signalLog.unencryptedTitle')}>
            {t('signalLog.unencrypted')}
          </span>
        )}
      </td>
      <td>
        <span className="decision-badge" data-decision={entry.decision ?? 'PENDING'} data-testid="signal-decision">
          {t(`decision.${entry.decision ?? 'PENDING'}`)}
        </span>
      </td>
      <td data-testid="signal-reason">{signalReason(entry)}</td>
      <td data-testid="signal-case">{entry.caseNo ?? '—'}</td>
    </tr>
  );
}
