// Phone intake's public API: what other modules may use. Only re-exports (files inside intake/
// import each other directly, never this file).

export { IntakeModule } from './intake.module.js';
export { IntakeEventsBus } from './intake-events.bus.js';

// The query schemas of intake's routes (the API document describes them).
export {
  CallListQuerySchema,
  type CallListQuery,
  MessageListQuerySchema,
  type MessageListQuery,
  StatusQuerySchema,
  VerificationListQuerySchema,
  type VerificationListQuery,
} from './intake-params.js';
export { INTAKE_ROUTES } from './intake.openapi.js';
