import { LoginPage } from '../features/auth/components/login-page';
import { useSessionStore } from '../features/auth/store/session-store';
import { setTokenSource } from '../lib/api';
import { ConsoleShell } from './console-shell';

setTokenSource(() => useSessionStore.getState().token);

export function App() {
  const loggedIn = useSessionStore((state) => state.token !== null);
  return loggedIn ? <ConsoleShell /> : <LoginPage />;
}
