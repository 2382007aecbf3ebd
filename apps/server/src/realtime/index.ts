// The realtime module's public API: the gateway is reached by the consoles, not by other modules.
export { RealtimeModule } from './realtime.module.js';
export { CasePresentedService, PRESENTED_FLUSH_MS } from './case-presented.service.js';
