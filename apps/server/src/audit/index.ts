// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel.
export { AuditModule } from './audit.module.js';
export { AuditService, maskSecrets } from './audit.service.js';
export type { AuditRecord } from './audit.service.js';
