import type { Context } from 'hono';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type CHANGE_FEEDS, changeSequences } from '../db/schema';
import type { AppEnv } from '../env';
import { AppError, notFound } from '../lib/errors';
import { witaDateToMs } from '../lib/time';
import { findRegionByCode, rootRegionCode } from '../regions/repo';
import { RegionCodeSchema } from '../regions/schemas';
import { decodeCursor, encodeCursor } from './respond';

// Helpers shared by the public list endpoints of /api/v1: region filter, year window, `since`, cursor errors.

/** `since`: 'YYYY-MM-DD' (00:00 WITA) or an ISO 8601 instant with a time zone. Returns epoch ms or null. */
export function parseSince(v: string): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    try {
      return witaDateToMs(v);
    } catch {
      return null;
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}

/** Shared list parameters of the public list APIs (posts, documents …). */
export const ListParams = {
  region: RegionCodeSchema.optional().describe('Region code; the list includes its descendants (rollup). Default: the whole regency'),
  year: z.coerce
    .number({ message: 'year harus angka.' })
    .int('year harus bilangan bulat.')
    .min(1945, 'year tidak valid.')
    .max(2100, 'year tidak valid.')
    .optional(),
  since: z
    .string()
    .refine((v) => parseSince(v) !== null, 'since harus tanggal YYYY-MM-DD atau waktu ISO 8601 dengan zona waktu.')
    .optional()
    .describe('Only items created or changed at/after this instant (YYYY-MM-DD is read as 00:00 WITA)'),
  cursor: z.string().max(200, 'cursor tidak valid.').optional().describe('Opaque cursor from next_cursor'),
  limit: z.coerce
    .number({ message: 'limit harus angka.' })
    .int('limit harus bilangan bulat.')
    .min(1, 'limit minimal 1.')
    .max(100, 'limit maksimal 100.')
    .default(20),
};

/** The region filter: 404 for a well-formed but unknown code; the regency when absent. */
export async function apiRegion(c: Context<AppEnv>, code: string | undefined): Promise<string> {
  if (!code) return rootRegionCode(c.get('db'));
  const region = await findRegionByCode(c.get('db'), code);
  if (!region) throw notFound(`Wilayah dengan kode ${code} tidak ditemukan.`);
  return code;
}

/** Half-open WITA calendar-year window. */
export function yearWindow(year: number | undefined): { from?: number; to?: number } {
  return year === undefined ? {} : { from: witaDateToMs(`${year}-01-01`), to: witaDateToMs(`${year + 1}-01-01`) };
}

export function badCursor(): AppError {
  return new AppError('bad_request', 'cursor tidak valid.', { fieldErrors: [{ field: 'cursor', message: 'cursor tidak valid.' }] });
}

/**
 * Change feeds page by the feed's change sequence (migrations/0062_change_sequences.sql), never by time: the cursor
 * is the opaque sequence of the last change a partner has seen. Read the head BEFORE the page: every sequence value at
 * or below it is committed, so a caught-up partner can resume from it without skipping a late commit.
 */
export function seqCursor(seq: number): string {
  return encodeCursor({ s: seq });
}

/** The sequence in a cursor this API issued, or null without a cursor; anything else is a 400. */
export function seqOfCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const cur = decodeCursor(cursor);
  if (!cur || typeof cur.s !== 'number' || !Number.isSafeInteger(cur.s) || cur.s < 0) throw badCursor();
  return cur.s;
}

export async function feedHead(db: Db, feed: (typeof CHANGE_FEEDS)[number]): Promise<number> {
  const row = await db.select({ value: changeSequences.value }).from(changeSequences).where(eq(changeSequences.feed, feed)).get();
  return row?.value ?? 0;
}

/**
 * The two cursors of a change-feed page: `next_cursor` while more changes wait, and `sync_cursor`, always set, to
 * store and poll with later (on the last page it is the head read before the page, so nothing is fetched twice).
 */
export function feedCursors(page: { changeSeq: number }[], more: boolean, after: number | null, headBefore: number) {
  const lastSeq = page[page.length - 1]?.changeSeq ?? 0;
  const sync = more ? lastSeq : Math.max(lastSeq, headBefore, after ?? 0);
  return { next_cursor: more ? seqCursor(lastSeq) : null, sync_cursor: seqCursor(sync) };
}

export const SYNC_CURSOR = z
  .string()
  .describe('Always set: store it and pass it as `cursor` on the next poll to get exactly the changes committed since (never by time)');
