import { useTranslation } from 'react-i18next';
import { useIntakeStore } from '../store/intake-store';
import { formatTime } from '../utils/labels';

/** What happened in this call so far, refusals included, newest last. */
export function CallEvents() {
  const { t } = useTranslation('intake');
  const events = useIntakeStore((state) => state.events);
  if (events.length === 0) return null;
  return (
    <section className="detail-section" aria-labelledby="intake-events-heading">
      <h3 id="intake-events-heading" className="detail-section__title">
        {t('events.title')}
      </h3>
      <ol className="plain-list intake-events" data-testid="intake-events">
        {events.map((event, index) => (
          <li key={index} className={`intake-event intake-event--${event.kind}`} data-kind={event.kind}>
            <time className="mono muted" dateTime={event.at}>
              {formatTime(event.at)}
            </time>{' '}
            {event.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
