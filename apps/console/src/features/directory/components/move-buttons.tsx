import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('directory');
  return (
    <span className="move-buttons">
      <button
        className="button button--small"
        type="button"
        aria-label={t('move.up', { label })}
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
        data-testid={`${testIdPrefix}-up`}
      >
        ↑
      </button>
      <button
        className="button button--small"
        type="button"
        aria-label={t('move.down', { label })}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(1)}
        data-testid={`${testIdPrefix}-down`}
      >
        ↓
      </button>
    </span>
  );
}
