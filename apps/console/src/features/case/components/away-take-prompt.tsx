import { useId, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCaseStore } from '../store/case-store';

/**
 * Take next was refused because the operator is away: "You are Away (Break). Become available and
 * take the next case?" Enter (the focused button) confirms, Escape cancels.
 */
export function AwayTakePrompt() {
  const headingId = useId();
  const { question, takeNext, cancel } = useCaseStore(
    useShallow((state) => ({
      question: state.awayPrompt,
      takeNext: state.takeNext,
      cancel: state.cancelAwayPrompt,
    })),
  );
  if (!question) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };
  return (
    <div
      className="panel-dialog away-prompt"
      role="alertdialog"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      data-testid="away-prompt"
    >
      <p id={headingId} className="panel-dialog__title">
        {question}
      </p>
      <div className="form-actions">
        <button
          className="button button--primary"
          type="button"
          autoFocus
          onClick={() => void takeNext(true)}
          data-testid="away-prompt-confirm"
        >
          Become available and take
        </button>
        <button className="button" type="button" onClick={cancel} data-testid="away-prompt-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
