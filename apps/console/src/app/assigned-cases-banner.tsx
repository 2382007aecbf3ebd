import type { CaseSummary } from '@arc/shared/case';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { acknowledgeCase } from '../features/case/api/case-api';
import { useShortcuts } from '../features/case/hooks/use-shortcuts';
import { useCaseStore } from '../features/case/store/case-store';
import { messageOf } from '../utils/request-state';
import { useQueueStore } from '../features/queue/store/queue-store';
import { categoryLabel } from '../utils/labels';
import { givenCases, outranksOpenCase, secondsLeft } from './given-cases';
import { useViewStore } from './view-store';

/** Opens a given case on the case screen; viewing it acknowledges it (useAcknowledgeOnView). */
function openGiven(caseId: string): void {
  void useCaseStore.getState().open(caseId);
  useViewStore.getState().setView('case');
}

/**
 * Shell level, on every screen: each case given to the operator (the site sticks to them, a
 * supervisor assigned it) that they have not acknowledged, with its category in words, site,
 * case number and the seconds left before it goes back to the queue. "Open" (or O, the most
 * urgent) opens it, which acknowledges it. A case of higher priority than the one the operator
 * has open is urgent (role=alert) and cannot be put aside; the console does not switch to it by
 * itself, so keys meant for the open case never land on another one.
 */
export function AssignedCasesBanner({ userId }: { userId: string | null }) {
  const { t } = useTranslation('app');
  const { cases, clockOffsetMs } = useQueueStore(
    useShallow((state) => ({ cases: state.cases, clockOffsetMs: state.clockOffsetMs })),
  );
  const open = useCaseStore((state) => state.detail);
  const openId = useCaseStore((state) => state.caseId);
  const view = useViewStore((state) => state.view);
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  // The case on screen is being viewed: not announced (useAcknowledgeOnView acknowledges it).
  const given = givenCases(cases, userId).filter((c) => !(view === 'case' && c.id === openId));

  useEffect(() => {
    if (given.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [given.length]);

  useShortcuts((key) => {
    if (key !== 'O' || given.length === 0) return false;
    openGiven(given[0]!.id);
    return true;
  });

  if (given.length === 0) return null;
  const acknowledge = (summary: CaseSummary) => {
    setError(null);
    acknowledgeCase(summary.id).catch((caught: unknown) => setError(messageOf(caught, t('given.ackFailed'))));
  };

  return (
    <section className="given-cases" aria-label={t('given.label')} data-testid="given-cases">
      {given.map((summary, index) => {
        const urgent = outranksOpenCase(summary, open, userId);
        return (
          <div
            key={summary.id}
            className={`given-case${urgent ? ' given-case--urgent' : ''}`}
            role={urgent ? 'alert' : 'status'}
            data-testid="given-case"
            data-case-id={summary.id}
            data-category={summary.category}
            data-urgent={urgent ? 'true' : 'false'}
          >
            <span className="category-badge" data-category={summary.category}>
              {categoryLabel(summary.category)}
            </span>
            <span className="given-case__text">
              {urgent ? t('given.urgent') : t('given.plain')} <strong>{categoryLabel(summary.category)}</strong>{' '}
              {t('given.at')}{' '}
              <strong>{summary.siteName ?? t('given.unknownTransmitter', { account: summary.account })}</strong>{' '}
              <span className="mono">{summary.caseNo}</span>
            </span>
            <span className="given-case__left" data-testid="given-case-left">
              {t('given.secondsLeft', { seconds: secondsLeft(summary.ackDueAt!, now, clockOffsetMs) })}
            </span>
            <button
              className="button button--primary button--small"
              type="button"
              onClick={() => openGiven(summary.id)}
              data-testid="given-case-open"
            >
              {t('given.open')} {index === 0 && <kbd>O</kbd>}
            </button>
            {!urgent && (
              <button
                className="button button--small"
                type="button"
                onClick={() => acknowledge(summary)}
                title={t('given.keepTitle')}
                data-testid="given-case-ack"
              >
                {t('given.keep')}
              </button>
            )}
          </div>
        );
      })}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * The holder viewing a given case on the case screen acknowledges it (once per case and deadline;
 * a failed call is tried again with the next change of the case).
 */
export function useAcknowledgeOnView(userId: string | null): void {
  const openId = useCaseStore((state) => state.caseId);
  const summary = useQueueStore((state) => (openId ? state.cases[openId] : undefined));
  const view = useViewStore((state) => state.view);
  const sent = useRef<string | null>(null);
  const key =
    summary && view === 'case' && summary.ackDueAt && summary.heldBy?.userId === userId && summary.status === 'ACCEPTED'
      ? `${summary.id}@${summary.ackDueAt}`
      : null;

  useEffect(() => {
    if (key === null || sent.current === key) return;
    sent.current = key;
    const caseId = key.slice(0, key.indexOf('@'));
    acknowledgeCase(caseId)
      .then((acked) => useQueueStore.getState().upsert(acked))
      .catch(() => {
        sent.current = null;
      });
  }, [key]);
}
