import type { OperatorState } from '@arc/shared/supervisor';
import { useSupervisorStore } from '../store/supervisor-store';
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
export function OperatorsTable() {
  const operators = useSupervisorStore((state) => state.snapshot?.operators);
  if (!operators) return null;
  const sorted = [...operators].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
  const online = operators.filter((o) => o.state !== 'OFFLINE').length;

  return (
    <section className="supervisor-panel" aria-labelledby="sv-operators-title">
      <h3 className="supervisor-panel__title" id="sv-operators-title">
        Operators <span className="supervisor-panel__note">{online} with a console</span>
      </h3>
      <table className="detail-table" data-testid="operators-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>State</th>
            <th>Away reason</th>
            <th className="supervisor-num">Holding</th>
            <th className="supervisor-num">Handled today</th>
            <th className="supervisor-num">Mean handling</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((o) => (
            <tr key={o.userId} data-testid="operator-row" data-state={o.state}>
              <td>
                {o.name} <span className="muted">{o.role}</span>
              </td>
              <td>
                <span className="operator-state-badge" data-state={o.state}>
                  {operatorStateLabel(o.state)}
                </span>
              </td>
              <td>{o.awayReason ?? ''}</td>
              <td className="supervisor-num">{o.holding}</td>
              <td className="supervisor-num">{o.handledToday}</td>
              <td className="supervisor-num">{formatSeconds(o.meanHandlingSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
