import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// Dev and preview both serve the console on one origin and forward API and socket traffic,
// so the browser never needs CORS and the socket uses the default same-origin URL.
const serverUrl = process.env.ARC_SERVER_URL ?? 'http://127.0.0.1:3000';
const port = Number(process.env.CONSOLE_PORT ?? 5173);

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: serverUrl, changeOrigin: true },
  '/socket.io': { target: serverUrl, changeOrigin: true, ws: true },
};

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
});
