// Moved to common/metrics/ (infrastructure): this re-export keeps the old path working.
export { MetricsModule } from '../common/metrics/metrics.module.js';
