import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SessionUser } from '@arc/shared/auth';
import {
  zoneKey,
  type SiteKnowledge,
  type SiteKnowledgeInputSchema,
  type SiteNote,
  type SiteNoteInputSchema,
  type TransmitterZone,
  type TransmitterZonesInputSchema,
} from '@arc/shared/site-knowledge';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { first, rows, throwNotFound } from '../database/sql-kit.js';
import { findSiteNote, knowledgeOfSite, notesOfSite, toSiteNote, zonesOfTransmitter } from './site-knowledge-db.js';

type ZonesData = z.output<typeof TransmitterZonesInputSchema>;
type KnowledgeData = z.output<typeof SiteKnowledgeInputSchema>;
type NoteData = z.output<typeof SiteNoteInputSchema>;

/**
 * Zone names per transmitter, a site's instructions, hazards and emergency numbers (admin
 * writes), and temporary site notes (anyone on duty adds, an admin deletes). Every write is
 * audited in the same transaction.
 */
@Injectable()
export class SiteKnowledgeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async zones(transmitterId: string): Promise<TransmitterZone[]> {
    await this.requireTransmitter(transmitterId);
    return zonesOfTransmitter(this.dataSource, transmitterId);
  }

  /** Replaces the transmitter's zone list. */
  async putZones(user: SessionUser, transmitterId: string, input: ZonesData): Promise<TransmitterZone[]> {
    return this.dataSource.transaction(async (m) => {
      const found = await first(m, `SELECT 1 FROM transmitters WHERE id = $1 FOR UPDATE`, [transmitterId]);
      if (!found) throwNotFound('transmitter', transmitterId);
      const before = await zonesOfTransmitter(m, transmitterId);
      await m.query(`DELETE FROM transmitter_zones WHERE transmitter_id = $1`, [transmitterId]);
      if (input.zones.length > 0) {
        await m.query(
          `INSERT INTO transmitter_zones (transmitter_id, zone_key, zone, name, location)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
          [
            transmitterId,
            input.zones.map((z) => zoneKey(z.zone)),
            input.zones.map((z) => z.zone),
            input.zones.map((z) => z.name),
            input.zones.map((z) => z.location),
          ],
        );
      }
      const after = await zonesOfTransmitter(m, transmitterId);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'transmitter_zones',
        entityId: transmitterId,
        before: { zones: before },
        after: { zones: after },
      });
      return after;
    });
  }

  async knowledge(siteId: string): Promise<SiteKnowledge> {
    return (await knowledgeOfSite(this.dataSource, siteId)) ?? throwNotFound('site', siteId);
  }

  async putKnowledge(user: SessionUser, siteId: string, input: KnowledgeData): Promise<SiteKnowledge> {
    return this.dataSource.transaction(async (m) => {
      const before = (await knowledgeOfSite(m, siteId, true)) ?? throwNotFound('site', siteId);
      await m.query(
        `UPDATE sites SET instructions = $2, hazards = $3, police_phone = $4, rescue_phone = $5, updated_at = now()
          WHERE id = $1`,
        [siteId, input.instructions, input.hazards, input.policePhone, input.rescuePhone],
      );
      const after = (await knowledgeOfSite(m, siteId))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'site_knowledge',
        entityId: siteId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async notes(siteId: string, includeExpired: boolean): Promise<SiteNote[]> {
    await this.requireSite(siteId);
    return notesOfSite(this.dataSource, siteId, includeExpired);
  }

  /** A note must not be over before it is written: validUntil in the future. */
  async addNote(user: SessionUser, siteId: string, input: NoteData): Promise<SiteNote> {
    return this.dataSource.transaction(async (m) => {
      const site = await first<{ archived: boolean }>(
        m,
        `SELECT archived_at IS NOT NULL AS archived FROM sites WHERE id = $1 FOR KEY SHARE`,
        [siteId],
      );
      if (!site) throwNotFound('site', siteId);
      if (site.archived) {
        throw new AppError('UNPROCESSABLE', `site ${siteId} is archived`, {
          key: 'siteArchived',
          params: { siteName: siteId },
        });
      }
      const [row] = await rows<{ id: string }>(
        m,
        `INSERT INTO site_notes (site_id, text, valid_from, valid_until, author_user_id)
         SELECT $1, $2, COALESCE($3::timestamptz, now()), $4::timestamptz, $5
          WHERE $4::timestamptz > now()
         RETURNING id`,
        [siteId, input.text, input.validFrom, input.validUntil, user.id],
      );
      if (!row) throw new AppError('VALIDATION', 'validUntil: must be in the future', { key: 'validUntilFuture' });
      const note = (await findSiteNote(m, siteId, row.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'site_note',
        entityId: note.id,
        after: { ...note },
      });
      return note;
    });
  }

  /** Admin only; the audit log keeps the note's text. */
  async deleteNote(user: SessionUser, siteId: string, noteId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [deleted] = await rows<Parameters<typeof toSiteNote>[0]>(
        m,
        `DELETE FROM site_notes n USING users u
          WHERE n.site_id = $1 AND n.id = $2 AND u.id = n.author_user_id
          RETURNING n.id, n.site_id, n.text, n.valid_from, n.valid_until, n.author_user_id,
                    u.display_name AS author_name, n.created_at`,
        [siteId, noteId],
      );
      if (!deleted) throwNotFound('site note', noteId);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'site_note',
        entityId: noteId,
        before: { ...toSiteNote(deleted) },
      });
    });
  }

  private async requireSite(siteId: string): Promise<void> {
    if (!(await first(this.dataSource, `SELECT 1 FROM sites WHERE id = $1`, [siteId]))) throwNotFound('site', siteId);
  }

  private async requireTransmitter(id: string): Promise<void> {
    if (!(await first(this.dataSource, `SELECT 1 FROM transmitters WHERE id = $1`, [id])))
      throwNotFound('transmitter', id);
  }
}
