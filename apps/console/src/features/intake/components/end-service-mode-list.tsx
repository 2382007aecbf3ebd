import type { SiteDetail } from '@arc/shared/directory';
import type { ServiceMode } from '@arc/shared/rules';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIntakeStore } from '../store/intake-store';
import { categoriesCovered, type VerifiedCaller } from '../utils/authority';
import { describeRequestError } from '../../../utils/form-errors';
import { formatDateTime, scopeText } from '../utils/labels';
import { AuthorityVerdict } from './authority-verdict';

/** The test ids this file passes to shared components (code, not text). */
const TEST_ID = {
  esmVerdict: 'intake-esm-verdict',
} as const;

/** The service modes in force on the site, each with a button to end it early. */
export function EndServiceModeList({ caller, detail }: { caller: VerifiedCaller; detail: SiteDetail }) {
  const { t } = useTranslation('intake');
  const inForce = detail.serviceModes.filter((mode) => mode.active);
  if (inForce.length === 0) {
    return (
      <p className="muted" data-testid="intake-esm-none">
        {t('endServiceMode.none')}
      </p>
    );
  }
  return (
    <ul className="plain-list service-modes" aria-label={t('endServiceMode.list')}>
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
  const { t } = useTranslation('intake');
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
      <span className="tag tag--service">{t('endServiceMode.tag')}</span>
      <span className="mono">{mode.account}</span>{' '}
      {t('endServiceMode.until', { category: scopeText(mode.category), endsAt: formatDateTime(mode.endsAt) })}
      <span className="muted">
        {' '}
        {t('endServiceMode.askedBy', {
          name: mode.requestedBy.name,
          level: mode.requestedBy.level,
          reason: mode.reason,
        })}
      </span>
      <AuthorityVerdict
        caller={caller}
        action="END_SERVICE_MODE"
        categories={categoriesCovered(mode.category, inputCategory)}
        testId={TEST_ID.esmVerdict}
      />
      <button
        className="button button--small"
        type="button"
        disabled={busy}
        onClick={() => void end()}
        data-testid="intake-esm-end"
      >
        {busy ? t('endServiceMode.ending') : t('endServiceMode.endNow')}
      </button>
      {error && (
        <span className="form-error" role="alert" data-testid="intake-esm-error">
          {error}
        </span>
      )}
    </li>
  );
}
