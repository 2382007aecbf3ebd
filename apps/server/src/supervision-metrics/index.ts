// The supervision and metrics module's public API. The metric registry itself is infrastructure:
// common/metrics/metrics.service.ts.
export { SupervisionMetricsModule } from './supervision-metrics.module.js';
export { SupervisorViewService } from './supervisor-view.service.js';
export { SUPERVISION_ROUTES } from './supervision-metrics.openapi.js';
