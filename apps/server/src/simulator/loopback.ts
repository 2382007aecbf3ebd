import { isIPv4 } from 'node:net';

/** The simulator generates load: it must never be pointed at a real receiver by mistake. */
export function assertLoopback(host: string): string {
  if (host === 'localhost') return '127.0.0.1';
  if (host === '::1') return host;
  if (isIPv4(host) && host.startsWith('127.')) return host;
  throw new Error(`refusing host ${host}: the simulator only talks to loopback (127.0.0.0/8, ::1, localhost)`);
}
