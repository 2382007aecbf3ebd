import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Dialog } from '../../../components/dialog';
import { useCaseStore } from '../store/case-store';

/** The question is a paragraph, not a heading: the dialog has no title of its own. */
const TITLE_AS = 'p';

/**
 * Take next was refused because the operator is away: "You are Away (Break). Become available and
 * take the next case?" Enter (the focused button) confirms, Escape cancels.
 */
export function AwayTakePrompt() {
  const { t } = useTranslation(['case', 'common']);
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
      titleAs={TITLE_AS}
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
          {t('away.confirm')}
        </button>
        <button className="button" type="button" onClick={cancel} data-testid="away-prompt-cancel">
          {t('common:action.cancel')} <kbd>{t('key.esc')}</kbd>
        </button>
      </div>
    </Dialog>
  );
}
