// The evaluation module's public API.
export { EvaluationModule } from './evaluation.module.js';
export { EvaluationDispatcherService } from './evaluation-dispatcher.service.js';
export { EvaluationService, type CommittedBatch, type EvaluationResult } from './evaluation.service.js';
export { AdmissionGate } from './admission-gate.js';
