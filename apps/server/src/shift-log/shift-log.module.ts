import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { ShiftLogController } from './shift-log.controller.js';
import { ShiftLogService } from './shift-log.service.js';

/** Handover notes between shifts (GET/POST /shift-log, GET /shift-log/unread, POST /shift-log/:id/read). */
@Module({
  imports: [AuditModule],
  controllers: [ShiftLogController],
  providers: [ShiftLogService],
})
export class ShiftLogModule {}
