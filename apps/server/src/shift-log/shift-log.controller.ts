import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  ShiftNoteInputSchema,
  ShiftNoteListQuerySchema,
  type ShiftNote,
  type ShiftNoteListQuery,
  type ShiftNotePage,
} from '@arc/shared/shift-log';
import { z } from 'zod';
import { Roles } from '../common/auth/auth.decorators.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { ShiftLogService } from './shift-log.service.js';

/** Everyone on duty reads and writes the shift log; supervisors also see who read each note. */
const OnDuty = () => Roles('operator', 'supervisor', 'admin');
export const NoteId = () => Param('id', { schema: z.uuid('must be an id') });

@Controller('shift-log')
export class ShiftLogController {
  constructor(private readonly shiftLog: ShiftLogService) {}

  @OnDuty()
  @Get()
  list(
    @CurrentUser() user: SessionUser,
    @Query({ schema: ShiftNoteListQuerySchema }) query: ShiftNoteListQuery,
  ): Promise<ShiftNotePage> {
    return this.shiftLog.list(user, query);
  }

  @OnDuty()
  @Get('unread')
  unread(@CurrentUser() user: SessionUser): Promise<ShiftNote[]> {
    return this.shiftLog.unread(user);
  }

  @OnDuty()
  @Post()
  create(
    @CurrentUser() user: SessionUser,
    @Body({ schema: ShiftNoteInputSchema }) body: z.output<typeof ShiftNoteInputSchema>,
  ): Promise<ShiftNote> {
    return this.shiftLog.create(user, body);
  }

  @OnDuty()
  @Post(':id/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: SessionUser, @NoteId() id: string): Promise<ShiftNote> {
    return this.shiftLog.markRead(user, id);
  }
}
