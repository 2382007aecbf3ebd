import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { LoginPage } from '../features/auth/components/login-page';
import { useSessionStore } from '../features/auth/store/session-store';
import { setTokenSource } from '../lib/api';
import { queryClient } from '../lib/query-client';
import { ConsoleShell } from './console-shell';

setTokenSource(() => useSessionStore.getState().token);

export function App() {
  const loggedIn = useSessionStore((state) => state.token !== null);
  useEffect(() => {
    // The next user must not see anything this user read.
    if (!loggedIn) queryClient.clear();
  }, [loggedIn]);
  return <QueryClientProvider client={queryClient}>{loggedIn ? <ConsoleShell /> : <LoginPage />}</QueryClientProvider>;
}
