import type { SiteDetail } from '@arc/shared/directory';
import type { ServiceMode } from '@arc/shared/rules';
import { useState } from 'react';
import { useIntakeStore } from '../store/intake-store';
import { categoriesCovered, type VerifiedCaller } from '../utils/authority';
import { describeRequestError } from '../../../utils/form-errors';
import { formatDateTime } from '../utils/labels';
import { AuthorityVerdict } from './authority-verdict';

/** The service modes in force on the site, each with a button to end it early. */
export function EndServiceModeList({ caller, detail }: { caller: VerifiedCaller; detail: SiteDetail }) {
  const inForce = detail.serviceModes.filter((mode) => mode.active);
  if (inForce.length === 0) {
    return (
      <p className="muted" data-testid="intake-esm-none">
        No service mode is in force on this site.
      </p>
    );
  }
  return (
    <ul className="plain-list service-modes" aria-label="Service modes in force">
      {inForce.map((mode) => (
        <ServiceModeRow
          key={mode.id}
          mode={mode}
          caller={caller}
          inputCategory={detail.transmitters.find((t) => t.id === mode.transmitterId)?.inputCategory ?? null}
        />
      ))}
    </ul>
  );
}

interface ServiceModeRowProps {
  mode: ServiceMode;
  caller: VerifiedCaller;
  inputCategory: ServiceMode['category'];
}

function ServiceModeRow({ mode, caller, inputCategory }: ServiceModeRowProps) {
  const endServiceMode = useIntakeStore((state) => state.endServiceMode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await endServiceMode({ verificationId: caller.verificationId, serviceModeId: mode.id });
    } catch (caught) {
      setError(describeRequestError(caught).message);
      setBusy(false);
    }
  };
  return (
    <li className="service-mode intake-esm" data-testid="intake-esm-row" data-service-mode-id={mode.id}>
      <span className="tag tag--service">IN SERVICE MODE</span>
      <span className="mono">{mode.account}</span> {mode.category ?? 'all categories'} until{' '}
      {formatDateTime(mode.endsAt)}
      <span className="muted">
        {' '}
        · asked by {mode.requestedBy.name} ({mode.requestedBy.level}) · {mode.reason}
      </span>
      <AuthorityVerdict
        caller={caller}
        action="END_SERVICE_MODE"
        categories={categoriesCovered(mode.category, inputCategory)}
        testId="intake-esm-verdict"
      />
      <button
        className="button button--small"
        type="button"
        disabled={busy}
        onClick={() => void end()}
        data-testid="intake-esm-end"
      >
        {busy ? 'Ending…' : 'End now'}
      </button>
      {error && (
        <span className="form-error" role="alert" data-testid="intake-esm-error">
          {error}
        </span>
      )}
    </li>
  );
}
