export interface MoveButtonsProps {
  index: number;
  count: number;
  onMove: (direction: -1 | 1) => void;
  /** Read by screen readers: "Move <label> up". */
  label: string;
  testIdPrefix: string;
  disabled?: boolean;
}

/** Keyboard-reachable reordering: up and down buttons instead of drag and drop. */
export function MoveButtons({ index, count, onMove, label, testIdPrefix, disabled = false }: MoveButtonsProps) {
  return (
    <span className="move-buttons">
      <button
        className="button button--small"
        type="button"
        aria-label={`Move ${label} up`}
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
        data-testid={`${testIdPrefix}-up`}
      >
        ↑
      </button>
      <button
        className="button button--small"
        type="button"
        aria-label={`Move ${label} down`}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(1)}
        data-testid={`${testIdPrefix}-down`}
      >
        ↓
      </button>
    </span>
  );
}
