import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n/i18n';
import './lib/i18n/locale';
import { App } from './app/app';
import { applyTheme, useThemeStore } from './features/theme/store/theme-store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

// Before the first paint, so a day-theme user never sees a dark flash.
applyTheme(useThemeStore.getState().theme);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
