import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/index.js';
import { RulesModule } from '../rules/index.js';
import { EvaluationDispatcherService } from './evaluation-dispatcher.service.js';
import { EvaluationService } from './evaluation.service.js';

/**
 * Evaluation: the dispatcher that batches stored signals by category priority, the batch that
 * judges them by the rules and writes cases through the cases' batch writer, and the deferrals
 * (waiting AC losses) that batch inserts and settles.
 */
@Module({
  imports: [RulesModule, CasesModule],
  providers: [EvaluationService, EvaluationDispatcherService],
  exports: [EvaluationService, EvaluationDispatcherService],
})
export class EvaluationModule {}
