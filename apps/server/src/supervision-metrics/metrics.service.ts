// Moved to common/metrics/ (infrastructure): this re-export keeps the old path working.
export { MetricsService } from '../common/metrics/metrics.service.js';
