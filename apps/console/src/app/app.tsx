import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../features/auth/components/login-page';
import { useSessionStore } from '../features/auth/store/session-store';
import { setTokenSource } from '../lib/api';
import { queryClient } from '../lib/query-client';
import { ConsoleShell } from './console-shell';

setTokenSource(() => useSessionStore.getState().token);

export function App() {
  const { t } = useTranslation();
  const loggedIn = useSessionStore((state) => state.token !== null);
  const title = t('appName');
  useEffect(() => {
    // The browser tab says the console's name in the language in force (index.html has the English).
    document.title = title;
  }, [title]);
  useEffect(() => {
    // The next user must not see anything this user read.
    if (!loggedIn) queryClient.clear();
  }, [loggedIn]);
  return <QueryClientProvider client={queryClient}>{loggedIn ? <ConsoleShell /> : <LoginPage />}</QueryClientProvider>;
}
