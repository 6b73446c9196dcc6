// Writes of packages, shared by every entry path (admin form, CSV import, partner API, schedule job): the statements
// of one upsert, planned in memory so callers batch them with their audit rows (D1 has no interactive transactions).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import type { Db } from '../../db/client';
import { tenderLocations, tenders, type TenderRow } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { PublishStatus } from '../../publishing/workflow';
import { auditShape, contentColumns, contentHash, factsOf, normalizeContent, type TenderContent } from './content';
import { deriveState } from './schedule';

export type Statement = BatchItem<'sqlite'>;

/** D1 batches stay small: at most this many statements per db.batch (each batch is atomic). */
export const MAX_BATCH = 100;

/** A stored package with its location codes (what an upsert compares against). */
export interface StoredTender {
  row: TenderRow;
  locationCodes: string[];
}

export type UpsertOutcome = 'created' | 'changed' | 'unchanged';

export interface PlannedUpsert {
  id: string;
  outcome: UpsertOutcome;
  statements: Statement[];
  /** Regions whose public pages show the package before or after the write (purge them after the commit). */
  purgeCodes: string[];
  /** The status after the write. */
  status: TenderRow['status'];
}

const isPublic = (publishStatus: PublishStatus, deletedAt: number | null) => publishStatus === 'terbit' && deletedAt === null;

/** The owner region and the location regions of a package. */
export const regionsOf = (c: { regionCode: string; locationCodes: readonly string[] }) => [...new Set([c.regionCode, ...c.locationCodes])];

/**
 * Plans one upsert. Unchanged content (same hash) plans nothing: no statement, no new `updated_at`. A changed row is
 * updated only while its hash is still the one read (`expectHash`), so a concurrent writer is detected by the caller
 * (0 rows changed). New rows get `publishStatus` (default `terbit`: regency packages are public at once).
 */
export async function planUpsert(
  db: Db,
  ctx: ActionContext,
  input: TenderContent,
  existing: StoredTender | null,
  options: { publishStatus?: PublishStatus; isDemo?: boolean; auditAction?: string; summary?: string } = {},
): Promise<PlannedUpsert> {
  const content = normalizeContent(input);
  const hash = await contentHash(content);
  const actorId = ctx.actor.id;
  if (existing && existing.row.contentHash === hash && existing.row.deletedAt === null) {
    return { id: existing.row.id, outcome: 'unchanged', statements: [], purgeCodes: [], status: existing.row.status };
  }
  const derived = deriveState(factsOf(content), ctx.now, existing?.row ?? null);
  const columns = { ...contentColumns(content), ...derived, contentHash: hash };
  const id = existing?.row.id ?? newId(ctx.now);
  const statements: Statement[] = [];
  const locations = content.locationCodes;
  const audit = (action: string, summary: string, before?: unknown) =>
    auditInsert(db, ctx, { action, regionCode: content.regionCode, entityType: 'tender', entityId: id, summary, before, after: auditShape(content) });

  if (!existing) {
    const publishStatus = options.publishStatus ?? 'terbit';
    statements.push(
      db.insert(tenders).values({
        id,
        ...columns,
        publishStatus,
        isDemo: options.isDemo ?? false,
        createdBy: actorId,
        updatedBy: actorId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    if (locations.length) statements.push(db.insert(tenderLocations).values(locations.map((regionCode) => ({ regionCode, tenderId: id }))));
    statements.push(audit(options.auditAction ?? 'tender.create', options.summary ?? `Menambahkan paket “${content.name}” (${content.externalCode})`));
    return { id, outcome: 'created', statements, purgeCodes: isPublic(publishStatus, null) ? regionsOf(content) : [], status: derived.status };
  }

  const before = existing.row;
  statements.push(
    db
      .update(tenders)
      .set({ ...columns, ...(options.publishStatus ? { publishStatus: options.publishStatus } : {}), deletedAt: null, updatedBy: actorId, updatedAt: ctx.now })
      .where(and(eq(tenders.id, id), eq(tenders.contentHash, before.contentHash))),
  );
  const sameLocations = existing.locationCodes.length === locations.length && existing.locationCodes.every((c, i) => c === locations[i]);
  if (!sameLocations) {
    statements.push(db.delete(tenderLocations).where(eq(tenderLocations.tenderId, id)));
    if (locations.length) statements.push(db.insert(tenderLocations).values(locations.map((regionCode) => ({ regionCode, tenderId: id }))));
  }
  statements.push(
    audit(
      options.auditAction ?? 'tender.update',
      options.summary ?? `Mengubah paket “${content.name}” (${content.externalCode})`,
      auditShape(contentOfStored(existing)),
    ),
  );
  const wasPublic = isPublic(before.publishStatus, before.deletedAt);
  const nowPublic = isPublic(options.publishStatus ?? before.publishStatus, null);
  const purgeCodes = [
    ...(wasPublic ? regionsOf({ regionCode: before.regionCode, locationCodes: existing.locationCodes }) : []),
    ...(nowPublic ? regionsOf(content) : []),
  ];
  return { id, outcome: 'changed', statements, purgeCodes: [...new Set(purgeCodes)], status: derived.status };
}

const contentOfStored = (s: StoredTender) => ({
  source: s.row.source,
  externalCode: s.row.externalCode,
  name: s.row.name,
  pagu: s.row.pagu,
  hps: s.row.hps,
  winnerName: s.row.winnerName,
  contractValue: s.row.contractValue,
});

/**
 * Stored packages by (source, owner region, external code), for upserts (deleted ones too: an upsert revives them):
 * one query per ≤ 90 codes (D1 binds at most 100 values per statement).
 */
export async function findStoredByCodes(db: Db, source: TenderRow['source'], regionCode: string, codes: readonly string[]): Promise<Map<string, StoredTender>> {
  const out = new Map<string, StoredTender>();
  for (let i = 0; i < codes.length; i += 90) {
    const part = codes.slice(i, i + 90);
    const rows = await db
      .select()
      .from(tenders)
      .where(and(eq(tenders.source, source), eq(tenders.regionCode, regionCode), inArray(tenders.externalCode, part)))
      .all();
    const locations = await locationsOf(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) out.set(row.externalCode, { row, locationCodes: locations.get(row.id) ?? [] });
  }
  return out;
}

/** Location codes per package id (sorted), ≤ 90 ids per query. */
export async function locationsOf(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 90) {
    const part = ids.slice(i, i + 90);
    if (part.length === 0) continue;
    const rows = await db.select().from(tenderLocations).where(inArray(tenderLocations.tenderId, part)).all();
    for (const r of rows) out.set(r.tenderId, [...(out.get(r.tenderId) ?? []), r.regionCode].sort());
  }
  return out;
}

/** One stored package by id (not deleted), with its locations. */
export async function findStored(db: Db, id: string): Promise<StoredTender | null> {
  const row = await db
    .select()
    .from(tenders)
    .where(and(eq(tenders.id, id), isNull(tenders.deletedAt)))
    .get();
  if (!row) return null;
  return { row, locationCodes: (await locationsOf(db, [id])).get(id) ?? [] };
}

/** Runs statements in order, in atomic chunks of at most MAX_BATCH. */
export async function runBatched(db: Db, statements: readonly Statement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += MAX_BATCH) {
    const [first, ...rest] = statements.slice(i, i + MAX_BATCH);
    if (first) await db.batch([first, ...rest]);
  }
}

/** Runs groups of statements (one group per package) in batches of at most MAX_BATCH, never splitting a group. */
export async function runGroups(db: Db, groups: readonly Statement[][]): Promise<void> {
  let batch: Statement[] = [];
  const flush = async () => {
    const [first, ...rest] = batch;
    if (first) await db.batch([first, ...rest]);
    batch = [];
  };
  for (const group of groups) {
    if (batch.length + group.length > MAX_BATCH) await flush();
    batch.push(...group);
  }
  await flush();
}
