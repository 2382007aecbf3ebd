import { rotationWeeks, type OnCallRoster } from '@arc/shared/directory';
import { useTranslation } from 'react-i18next';
import { dayWithDate } from '../utils/roster-words';

export interface RosterWeeksProps {
  roster: OnCallRoster;
  /** The first Monday shown and how many weeks. */
  from: string;
  count: number;
  /** The Monday of the week in force in the centre's time zone. */
  currentWeek: string;
  canEdit: boolean;
  pending: boolean;
  swapButtonId: (weekStart: string) => string;
  onSwap: (weekStart: string) => void;
  onRemoveSwap: (swapId: string) => void;
}

/**
 * The rotation as weeks: ISO week number, the Monday it starts in words, who has it (a swap's
 * stand-in with whom they stand in for) and the current week marked in words as well as colour.
 */
export function RosterWeeks(props: RosterWeeksProps) {
  const { roster, from, count, currentWeek, canEdit, pending } = props;
  const { t } = useTranslation(['rosters', 'common']);
  const weeks = rotationWeeks(roster, from, count);
  return (
    <table className="detail-table roster-weeks" data-testid="roster-weeks">
      <caption className="detail-table__caption">{t('weeks.caption', { name: roster.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('weeks.week')}</th>
          <th scope="col">{t('weeks.starts')}</th>
          <th scope="col">{t('weeks.onCall')}</th>
          {canEdit && <th scope="col">{t('weeks.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => {
          const current = week.weekStart === currentWeek;
          const number = week.isoWeek.week;
          return (
            <tr
              key={week.weekStart}
              className={current ? 'roster-week roster-week--current' : 'roster-week'}
              aria-current={current ? 'date' : undefined}
              data-testid="roster-week"
              data-week={week.weekStart}
              data-current={current}
              data-swapped={week.swap !== null}
            >
              <th scope="row" className="roster-week__number">
                <span>{t('weeks.weekNumber', { week: number })}</span>
                {current && (
                  <span className="tag tag--current" data-testid="roster-current-week">
                    {t('weeks.current')}
                  </span>
                )}
              </th>
              <td>{dayWithDate(week.weekStart)}</td>
              <td data-testid="roster-week-on-call">
                {week.onCall ? (
                  <span className="roster-week__who">
                    <span className="roster-week__name">{week.onCall.name}</span>
                    <span className="mono">{week.onCall.phone}</span>
                    {week.swap && (
                      <>
                        <span className="tag tag--swap">{t('weeks.swapped')}</span>
                        {week.scheduled && (
                          <span className="muted">{t('weeks.insteadOf', { name: week.scheduled.member.name })}</span>
                        )}
                        {week.swap.outside && <span className="muted">{t('weeks.outside')}</span>}
                      </>
                    )}
                  </span>
                ) : (
                  <span className="muted">{t('weeks.nobody')}</span>
                )}
              </td>
              {canEdit && (
                <td>
                  {week.swap ? (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('weeks.removeSwapLabel', { week: number })}
                      disabled={pending}
                      onClick={() => props.onRemoveSwap(week.swap!.id)}
                      data-testid="roster-swap-remove"
                    >
                      {t('weeks.removeSwap')}
                    </button>
                  ) : (
                    week.scheduled && (
                      <button
                        type="button"
                        id={props.swapButtonId(week.weekStart)}
                        className="button button--small"
                        aria-label={t('weeks.swapLabel', { week: number })}
                        disabled={pending}
                        onClick={() => props.onSwap(week.weekStart)}
                        data-testid="roster-swap"
                      >
                        {t('weeks.swap')}
                      </button>
                    )
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
