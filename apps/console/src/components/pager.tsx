import { useTranslation } from 'react-i18next';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** The two buttons' words ("Previous page", or "Newer entries" for a log). */
  previousText: string;
  nextText: string;
  testId: string;
}

/** Previous / next with "Page 2 of 5"; hidden when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage, previousText, nextText, testId }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="admin-pager" aria-label={t('paging.label')} data-testid={testId}>
      <button
        type="button"
        className="button button--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid={`${testId}-previous`}
      >
        {previousText}
      </button>
      <span className="admin-pager__where" data-testid={`${testId}-where`}>
        {t('paging.page', { page, pages })}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid={`${testId}-next`}
      >
        {nextText}
      </button>
    </nav>
  );
}
