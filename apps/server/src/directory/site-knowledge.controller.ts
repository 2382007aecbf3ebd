import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  SiteKnowledgeInputSchema,
  SiteNoteInputSchema,
  SiteNoteListQuerySchema,
  TransmitterZonesInputSchema,
  type SiteKnowledge,
  type SiteNote,
  type TransmitterZone,
} from '@arc/shared/site-knowledge';
import type { z } from 'zod';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { IdParam } from '../common/http/params.js';
import { AdminOnly, CanRead } from './directory-params.js';
import { SiteKnowledgeService } from './site-knowledge.service.js';

/** Zone names of one transmitter: everyone on duty reads them, an admin replaces the list. */
@Controller('transmitters/:transmitterId/zones')
export class TransmitterZonesController {
  constructor(private readonly knowledge: SiteKnowledgeService) {}

  @CanRead()
  @Get()
  list(@IdParam('transmitterId') id: string): Promise<TransmitterZone[]> {
    return this.knowledge.zones(id);
  }

  @AdminOnly()
  @Put()
  put(
    @CurrentUser() user: SessionUser,
    @IdParam('transmitterId') id: string,
    @Body({ schema: TransmitterZonesInputSchema }) body: z.output<typeof TransmitterZonesInputSchema>,
  ): Promise<TransmitterZone[]> {
    return this.knowledge.putZones(user, id, body);
  }
}

/** A site's instructions, hazards and emergency numbers, and its temporary notes. */
@Controller('sites/:siteId')
export class SiteKnowledgeController {
  constructor(private readonly knowledge: SiteKnowledgeService) {}

  @CanRead()
  @Get('knowledge')
  get(@IdParam('siteId') siteId: string): Promise<SiteKnowledge> {
    return this.knowledge.knowledge(siteId);
  }

  @AdminOnly()
  @Put('knowledge')
  put(
    @CurrentUser() user: SessionUser,
    @IdParam('siteId') siteId: string,
    @Body({ schema: SiteKnowledgeInputSchema }) body: z.output<typeof SiteKnowledgeInputSchema>,
  ): Promise<SiteKnowledge> {
    return this.knowledge.putKnowledge(user, siteId, body);
  }

  @CanRead()
  @Get('notes')
  notes(
    @IdParam('siteId') siteId: string,
    @Query({ schema: SiteNoteListQuerySchema }) query: z.output<typeof SiteNoteListQuerySchema>,
  ): Promise<SiteNote[]> {
    return this.knowledge.notes(siteId, query.includeExpired);
  }

  /** Operators, supervisors and admins add notes (from the case screen or the directory). */
  @CanRead()
  @Post('notes')
  addNote(
    @CurrentUser() user: SessionUser,
    @IdParam('siteId') siteId: string,
    @Body({ schema: SiteNoteInputSchema }) body: z.output<typeof SiteNoteInputSchema>,
  ): Promise<SiteNote> {
    return this.knowledge.addNote(user, siteId, body);
  }

  @AdminOnly()
  @Delete('notes/:noteId')
  @HttpCode(204)
  deleteNote(
    @CurrentUser() user: SessionUser,
    @IdParam('siteId') siteId: string,
    @IdParam('noteId') noteId: string,
  ): Promise<void> {
    return this.knowledge.deleteNote(user, siteId, noteId);
  }
}
