import type { CaseDetail } from '@arc/shared/case-handling';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatTime } from '../../../utils/time';
import { buildTimeline } from '../utils/timeline';
import { CaseSection } from './case-section';

/**
 * The case's timeline: every signal, restore and action in order, each with its time in the
 * centre's zone and who did it. A compact list in a box of its own, kept scrolled to the newest
 * line as the case changes, unless the operator scrolled up to read.
 */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('case');
  // Worded in the language in force: built again when it changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is read by buildTimeline through i18n
  const entries = useMemo(() => buildTimeline(detail), [detail, i18n.language]);
  const box = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const firstDay = entries[0] ? formatDate(entries[0].at) : '';

  useLayoutEffect(() => {
    const element = box.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [entries]);

  const onScroll = () => {
    const element = box.current;
    if (element) pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 8;
  };

  return (
    <CaseSection title={t('timeline.title', { count: entries.length })} data-testid="case-timeline">
      {entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" ref={box} onScroll={onScroll} aria-label={t('timeline.label')}>
          {entries.map((entry) => (
            <li
              key={entry.key}
              className="timeline__entry"
              data-kind={entry.kind}
              data-testid="timeline-entry"
              data-at={entry.at}
            >
              <time className="timeline__time mono" dateTime={entry.at} title={formatDateTime(entry.at)}>
                {formatDate(entry.at) !== firstDay ? formatDateTime(entry.at) : formatTime(entry.at)}
              </time>
              <span className="timeline__what">
                <span className="timeline__title" data-testid="timeline-title">
                  {entry.title}
                </span>
                {entry.detail && <span className="timeline__detail muted"> · {entry.detail}</span>}
              </span>
              {entry.by && (
                <span className="timeline__by muted" data-testid="timeline-by">
                  {entry.by}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </CaseSection>
  );
}
