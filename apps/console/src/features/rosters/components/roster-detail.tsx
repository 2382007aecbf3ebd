import type { OnCallRoster } from '@arc/shared/directory';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-field';
import { describeRequestError } from '../../../utils/form-errors';
import { deleteRoster, removeSwap } from '../api/rosters-api';
import { useCurrentWeek, useRosterCache } from '../hooks/use-rosters';
import { dayWithDate } from '../utils/roster-words';
import { WEEKS_SHOWN, weeksToShow } from '../utils/weeks-to-show';
import { RosterWeeks } from './roster-weeks';
import { SwapForm } from './swap-form';

export interface RosterDetailProps {
  roster: OnCallRoster;
  canEdit: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}

/** One roster: its start, members in order and the rotation week by week, with its swaps. */
export function RosterDetail({ roster, canEdit, onEdit, onDeleted }: RosterDetailProps) {
  const { t } = useTranslation(['rosters', 'common']);
  const headingId = useId();
  const cache = useRosterCache();
  const { week: currentWeek } = useCurrentWeek();
  const [extra, setExtra] = useState(0);
  const [swapWeek, setSwapWeek] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { from, count } = weeksToShow(roster, currentWeek, extra);

  const run = async (work: () => Promise<void>, failed: string) => {
    setPending(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      const { message } = describeRequestError(caught);
      setError(message ? `${failed}: ${message}` : failed);
    } finally {
      setPending(false);
    }
  };

  const onDelete = () =>
    run(async () => {
      await deleteRoster(roster.id);
      await cache.refresh();
      onDeleted();
    }, t('detail.deleteFailed'));

  const onRemoveSwap = (swapId: string) =>
    run(async () => {
      await removeSwap(roster.id, swapId);
      await cache.refresh();
    }, t('weeks.removeFailed'));

  const closeSwap = (weekStart: string | null) => {
    setSwapWeek(null);
    if (weekStart) requestAnimationFrame(() => document.getElementById(swapButtonId(roster.id, weekStart))?.focus());
  };

  return (
    <article className="roster" aria-labelledby={headingId} data-testid="roster-detail" data-roster-id={roster.id}>
      <div className="registry-header">
        <h4 id={headingId} className="roster__title" data-testid="roster-title">
          {roster.name}
        </h4>
        {canEdit && (
          <div className="row-actions">
            <button type="button" className="button button--small" onClick={onEdit} data-testid="roster-edit">
              {t('detail.edit')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => setConfirming(true)}
              disabled={pending}
              data-testid="roster-delete"
            >
              {t('detail.delete')}
            </button>
          </div>
        )}
      </div>
      {confirming && (
        <div
          className="registry-confirm"
          role="group"
          aria-label={t('detail.delete')}
          data-testid="roster-delete-confirm"
        >
          <p className="registry-confirm__question">{t('detail.deleteQuestion', { name: roster.name })}</p>
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => void onDelete()}
            disabled={pending}
            data-testid="roster-delete-yes"
          >
            {t('detail.deleteConfirm')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => setConfirming(false)}
            disabled={pending}
            data-testid="roster-delete-no"
          >
            {t('common:action.cancel')}
          </button>
        </div>
      )}
      <FormError message={error} testId="roster-error" />
      <dl className="facts">
        <dt>{t('detail.rotationStart')}</dt>
        <dd data-testid="roster-start">{dayWithDate(roster.rotationStart)}</dd>
        <dt>{t('detail.members')}</dt>
        <dd>
          <ol className="roster__members" data-testid="roster-members">
            {roster.members.map((member, index) => (
              <li key={index}>{t('detail.memberLine', { name: member.name, phone: member.phone })}</li>
            ))}
          </ol>
        </dd>
      </dl>
      {swapWeek && canEdit && (
        <SwapForm
          roster={roster}
          weekStart={swapWeek}
          onSaved={(saved) => {
            cache.put(saved);
            closeSwap(null);
          }}
          onCancel={() => closeSwap(swapWeek)}
        />
      )}
      <RosterWeeks
        roster={roster}
        from={from}
        count={count}
        currentWeek={currentWeek}
        canEdit={canEdit}
        pending={pending}
        swapButtonId={(weekStart) => swapButtonId(roster.id, weekStart)}
        onSwap={setSwapWeek}
        onRemoveSwap={(swapId) => void onRemoveSwap(swapId)}
      />
      <div>
        <button
          type="button"
          className="button button--small"
          onClick={() => setExtra(extra + WEEKS_SHOWN)}
          data-testid="roster-more-weeks"
        >
          {t('weeks.more', { count: WEEKS_SHOWN })}
        </button>
      </div>
    </article>
  );
}

function swapButtonId(rosterId: string, weekStart: string): string {
  return `roster-${rosterId}-swap-${weekStart}`;
}
