import { ALARM_CATEGORIES } from '@arc/shared/alarm';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../../utils/labels';
import { useQueueFilterStore } from '../store/queue-filter-store';
import { isFilterActive, type FilteredQueue, type QueueStateFilter } from '../utils/queue-filter';

/** The state filter's buttons, each labelled by its own key (queue:filter.<state>). */
const STATES: readonly QueueStateFilter[] = ['all', 'waiting', 'held'];

/** Category chips, state and a search over site, account and case number; instant, in this browser. */
export function QueueFilterBar() {
  const { t } = useTranslation('queue');
  const filter = useQueueFilterStore((state) => state.filter);
  const toggleCategory = useQueueFilterStore((state) => state.toggleCategory);
  const setState = useQueueFilterStore((state) => state.setState);
  const setText = useQueueFilterStore((state) => state.setText);
  return (
    <div className="queue-filter" role="search" aria-label={t('filter.label')} data-testid="queue-filter">
      <div className="queue-filter__chips" role="group" aria-label={t('filter.categories')}>
        {ALARM_CATEGORIES.map((category) => (
          <button
            key={category}
            type="button"
            className="queue-filter__chip"
            data-category={category}
            aria-pressed={filter.categories.includes(category)}
            onClick={() => toggleCategory(category)}
            data-testid={`queue-filter-category-${category}`}
          >
            {categoryLabel(category)}
          </button>
        ))}
      </div>
      <div className="queue-filter__states" role="group" aria-label={t('filter.state')}>
        {STATES.map((value) => (
          <button
            key={value}
            type="button"
            className="queue-filter__state"
            aria-pressed={filter.state === value}
            onClick={() => setState(value)}
            data-testid={`queue-filter-state-${value}`}
          >
            {t(`filter.${value}`)}
          </button>
        ))}
      </div>
      <input
        className="queue-filter__search"
        type="search"
        value={filter.text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('filter.searchPlaceholder')}
        aria-label={t('filter.searchLabel')}
        maxLength={100}
        data-testid="queue-filter-search"
      />
    </div>
  );
}

/**
 * Says that a filter is on and how much it hides, with a way out; waiting fire and hold-up
 * cases the filter hides are counted in red, so an operator never forgets them.
 */
export function QueueFilterNotice({ result }: { result: FilteredQueue }) {
  const { t } = useTranslation('queue');
  const filter = useQueueFilterStore((state) => state.filter);
  const clear = useQueueFilterStore((state) => state.clear);
  if (!isFilterActive(filter)) return null;
  const { FIRE: fire, HOLDUP: holdup } = result.hiddenUrgent;
  const urgent =
    fire > 0 && holdup > 0
      ? t('filter.hiddenBoth', { fire, holdup })
      : fire > 0
        ? t('filter.hiddenFire', { fire })
        : holdup > 0
          ? t('filter.hiddenHoldup', { holdup })
          : null;
  return (
    <div className="queue-filter-notice" role="status" data-testid="queue-filter-notice">
      <span data-testid="queue-filter-count">
        {t('filter.count', { shown: result.shown.length, total: result.total })}
      </span>
      {urgent && (
        <strong className="queue-filter-notice__urgent" data-testid="queue-filter-hidden-urgent">
          {urgent}
        </strong>
      )}
      <button className="button button--compact" type="button" onClick={clear} data-testid="queue-filter-clear">
        {t('filter.clear')}
      </button>
    </div>
  );
}
