import { useTranslation } from 'react-i18next';

/** Save and Cancel under a form (Save says "Saving…" while the request runs). */
export function FormButtons({
  pending,
  onCancel,
  testIdPrefix,
}: {
  pending: boolean;
  onCancel: () => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation(['customers', 'common']);
  return (
    <div className="form-actions">
      <button className="button button--primary" type="submit" disabled={pending} data-testid={`${testIdPrefix}-save`}>
        {pending ? t('common:action.saving') : t('common:action.save')}
      </button>
      <button
        className="button"
        type="button"
        onClick={onCancel}
        disabled={pending}
        data-testid={`${testIdPrefix}-cancel`}
      >
        {t('common:action.cancel')}
      </button>
    </div>
  );
}
