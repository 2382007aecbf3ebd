import { z } from 'zod';

/**
 * Building blocks of the response contracts: what the server answers, as zod schemas, so the
 * console can check a response and the OpenAPI document can describe it from the same source.
 */

export const id = z.uuid();
export const timestamp = z.iso.datetime();
export const date = z.iso.date();
export const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

/** A page of a list (GET /customers, /audit, …). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A user named in a record (who ticked, who noted, who set). */
export const UserRefSchema = z.object({ userId: id, name: z.string() });
