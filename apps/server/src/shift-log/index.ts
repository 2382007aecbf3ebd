// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel.
export { ShiftLogModule } from './shift-log.module.js';
export { SHIFT_LOG_ROUTES } from './shift-log.openapi.js';
