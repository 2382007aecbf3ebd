// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel.
export { centreSettings } from './settings.controller.js';
export { SettingsModule } from './settings.module.js';
export { SETTINGS_ROUTES } from './settings.openapi.js';
