import type { OperatorState } from '@arc/shared/supervisor';
import { useTranslation } from 'react-i18next';
import { useSupervisorStore } from '../store/supervisor-store';
import { formatNumber } from '../../../lib/i18n/format';
import { formatSeconds, operatorStateLabel } from '../utils/format';

/** Working first, offline last; within a state, by name (the server's order). */
const STATE_ORDER: Readonly<Record<OperatorState, number>> = {
  ON_CASE: 0,
  ON_CALL: 1,
  AVAILABLE: 2,
  AWAY: 3,
  OFFLINE: 4,
};

/** Who works, who is away and why, and how much each has handled today. */
/** The roles the server names; another role is shown as it comes. */
const KNOWN_ROLES = ['operator', 'supervisor', 'admin'] as const;

function isKnownRole(role: string): role is (typeof KNOWN_ROLES)[number] {
  return (KNOWN_ROLES as readonly string[]).includes(role);
}

export function OperatorsTable() {
  const { t } = useTranslation('supervisor');
  const operators = useSupervisorStore((state) => state.snapshot?.operators);
  if (!operators) return null;
  const sorted = [...operators].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
  const online = operators.filter((o) => o.state !== 'OFFLINE').length;

  return (
    <section className="supervisor-panel" aria-labelledby="sv-operators-title">
      <h3 className="supervisor-panel__title" id="sv-operators-title">
        {t('operators.title')}{' '}
        <span className="supervisor-panel__note">{t('operators.online', { count: online })}</span>
      </h3>
      <table className="detail-table" data-testid="operators-table">
        <thead>
          <tr>
            <th>{t('operators.name')}</th>
            <th>{t('operators.state')}</th>
            <th>{t('operators.awayReason')}</th>
            <th className="supervisor-num">{t('operators.holding')}</th>
            <th className="supervisor-num">{t('operators.handledToday')}</th>
            <th className="supervisor-num">{t('operators.meanHandling')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((o) => (
            <tr key={o.userId} data-testid="operator-row" data-state={o.state}>
              <td>
                {o.name} <span className="muted">{isKnownRole(o.role) ? t(`operators.role.${o.role}`) : o.role}</span>
              </td>
              <td>
                <span className="operator-state-badge" data-state={o.state}>
                  {operatorStateLabel(o.state)}
                </span>
              </td>
              <td>{o.awayReason ?? ''}</td>
              <td className="supervisor-num">{formatNumber(o.holding)}</td>
              <td className="supervisor-num">{formatNumber(o.handledToday)}</td>
              <td className="supervisor-num">{formatSeconds(o.meanHandlingSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
