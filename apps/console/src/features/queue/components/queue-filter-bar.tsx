import { ALARM_CATEGORIES } from '@arc/shared/alarm';
import { categoryLabel } from '../../../utils/labels';
import { useQueueFilterStore } from '../store/queue-filter-store';
import { isFilterActive, type FilteredQueue, type QueueStateFilter } from '../utils/queue-filter';

const STATES: { value: QueueStateFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'held', label: 'Held' },
];

/** Category chips, state and a search over site, account and case number; instant, in this browser. */
export function QueueFilterBar() {
  const filter = useQueueFilterStore((state) => state.filter);
  const toggleCategory = useQueueFilterStore((state) => state.toggleCategory);
  const setState = useQueueFilterStore((state) => state.setState);
  const setText = useQueueFilterStore((state) => state.setText);
  return (
    <div className="queue-filter" role="search" aria-label="Filter the queue" data-testid="queue-filter">
      <div className="queue-filter__chips" role="group" aria-label="Categories">
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
      <div className="queue-filter__states" role="group" aria-label="State">
        {STATES.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            className="queue-filter__state"
            aria-pressed={filter.state === value}
            onClick={() => setState(value)}
            data-testid={`queue-filter-state-${value}`}
          >
            {label}
          </button>
        ))}
      </div>
      <input
        className="queue-filter__search"
        type="search"
        value={filter.text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Search site, account, case no"
        aria-label="Search site, account or case number"
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
  const filter = useQueueFilterStore((state) => state.filter);
  const clear = useQueueFilterStore((state) => state.clear);
  if (!isFilterActive(filter)) return null;
  const { FIRE: fire, HOLDUP: holdup } = result.hiddenUrgent;
  const urgent = [fire > 0 ? `${fire} fire` : null, holdup > 0 ? `${holdup} hold-up` : null].filter(Boolean);
  return (
    <div className="queue-filter-notice" role="status" data-testid="queue-filter-notice">
      <span data-testid="queue-filter-count">
        Filtered: {result.shown.length} of {result.total} cases shown
      </span>
      {urgent.length > 0 && (
        <strong className="queue-filter-notice__urgent" data-testid="queue-filter-hidden-urgent">
          {urgent.join(' and ')} waiting {fire + holdup === 1 ? 'case' : 'cases'} hidden
        </strong>
      )}
      <button className="button button--compact" type="button" onClick={clear} data-testid="queue-filter-clear">
        Clear
      </button>
    </div>
  );
}
