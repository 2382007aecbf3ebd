// Moved to evaluation/: this re-export keeps the old path working until its importers use
// `../evaluation/index.js`.
export { EvaluationDispatcherService } from '../evaluation/index.js';
