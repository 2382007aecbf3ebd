import type { Role } from '@arc/shared/auth';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// User management is for administrators only and loads on first use.
const UsersScreen = lazy(() =>
  import('../features/users/components/users-screen').then((m) => ({ default: m.UsersScreen })),
);

/** The Users screen for administrators; anyone else who types #/users is refused in words. */
export function UsersRoute({ role }: { role: Role | undefined }) {
  const { t } = useTranslation('app');
  if (role !== 'admin') {
    // The server refuses the API too; this only says so instead of showing a blank page.
    return (
      <p className="form-error" role="alert" data-testid="users-refused">
        {t('users.refused')}
      </p>
    );
  }
  return (
    <Suspense fallback={<p className="muted">{t('users.loading')}</p>}>
      <UsersScreen />
    </Suspense>
  );
}
