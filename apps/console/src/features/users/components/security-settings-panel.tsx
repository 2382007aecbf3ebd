import type { Role } from '@arc/shared/auth';
import type { SecuritySettings } from '@arc/shared/users';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-field';
import { formatNumber } from '../../../lib/i18n/format';
import { fetchSecuritySettings, updateSecuritySettings } from '../api/users-api';
import { describeUserError } from '../utils/user-messages';

const PRIVILEGED: readonly Role[] = ['supervisor', 'admin'];

export interface SecuritySettingsPanelProps {
  /** After a change: the users' "second factor required" flags changed with it. */
  onChanged: () => void;
}

/** Whether supervisors and administrators must sign in with a second factor; the lockout figures. */
const IDS = { error: 'security-settings-error' } as const;

export function SecuritySettingsPanel({ onChanged }: SecuritySettingsPanelProps) {
  const { t } = useTranslation(['users', 'common']);
  const [settings, setSettings] = useState<SecuritySettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchSecuritySettings(controller.signal).then(setSettings, (e: unknown) => {
      if (!controller.signal.aborted) setError(describeUserError(e).message);
    });
    return () => controller.abort();
  }, []);

  const required = settings !== null && PRIVILEGED.every((role) => settings.totpRequiredRoles.includes(role));

  const toggle = async (on: boolean) => {
    if (!settings) return;
    const others = settings.totpRequiredRoles.filter((role) => !PRIVILEGED.includes(role));
    setPending(true);
    setError(null);
    try {
      setSettings(await updateSecuritySettings({ totpRequiredRoles: on ? [...others, ...PRIVILEGED] : others }));
      onChanged();
    } catch (e) {
      setError(describeUserError(e).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby="security-settings-title" data-testid="security-settings">
      <h3 className="detail-section__title" id="security-settings-title">
        {t('security.title')}
      </h3>
      {settings ? (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={required}
              disabled={pending}
              onChange={(event) => void toggle(event.target.checked)}
              data-testid="require-totp"
            />
            {t('security.requireTotp')}
          </label>
          <p className="muted field__hint">
            {t('security.hint', {
              accountLock: formatNumber(settings.throttle.accountLockMinutes),
              accountMax: formatNumber(settings.throttle.accountMaxFailures),
              accountWindow: formatNumber(settings.throttle.accountWindowMinutes),
              addressLock: formatNumber(settings.throttle.addressLockMinutes),
              addressMax: formatNumber(settings.throttle.addressMaxFailures),
              addressWindow: formatNumber(settings.throttle.addressWindowMinutes),
            })}
          </p>
        </>
      ) : (
        !error && <p className="muted">{t('common:state.loading')}</p>
      )}
      <FormError message={error} testId={IDS.error} />
    </section>
  );
}
