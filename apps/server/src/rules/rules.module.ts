import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { RulesService } from './rules.service.js';

@Module({
  imports: [CasesModule],
  providers: [RulesService],
  exports: [RulesService],
})
export class RulesModule {}
