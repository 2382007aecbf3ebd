// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel.
// Health has no Nest module of its own: the app module mounts the controller.
export { HealthController } from './health.controller.js';
export type { HealthReport } from './health.controller.js';
export { HEALTH_ROUTES } from './health.openapi.js';
