import { useShallow } from 'zustand/react/shallow';
import { Dialog } from '../../../components/dialog';
import { useCaseStore } from '../store/case-store';

/**
 * Take next was refused because the operator is away: "You are Away (Break). Become available and
 * take the next case?" Enter (the focused button) confirms, Escape cancels.
 */
export function AwayTakePrompt() {
  const { question, takeNext, cancel } = useCaseStore(
    useShallow((state) => ({
      question: state.awayPrompt,
      takeNext: state.takeNext,
      cancel: state.cancelAwayPrompt,
    })),
  );
  if (!question) return null;
  return (
    <Dialog
      title={question}
      titleAs="p"
      role="alertdialog"
      className="panel-dialog away-prompt"
      onEscape={cancel}
      data-testid="away-prompt"
    >
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
    </Dialog>
  );
}
