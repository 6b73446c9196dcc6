import { and, asc, desc, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importJobs, importLinks, importResults, type ImportJobRow, regions } from '../../db/schema';

/** Import jobs, their per-item results and the source links of imported items (migrations/0041_imports.sql). */

export async function findJob(db: Db, id: string) {
  return db
    .select({ job: importJobs, regionName: regions.name, regionLevel: regions.level, regionPath: regions.path, regionStage: regions.stage })
    .from(importJobs)
    .innerJoin(regions, eq(regions.code, importJobs.regionCode))
    .where(eq(importJobs.id, id))
    .get();
}

export async function listJobs(db: Db, limit = 30) {
  return db
    .select({ job: importJobs, regionName: regions.name, regionLevel: regions.level })
    .from(importJobs)
    .innerJoin(regions, eq(regions.code, importJobs.regionCode))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit)
    .all();
}

/** Imports started and not finished (the hourly job continues them; the status page lists them as queued work). */
export async function unfinishedJobs(db: Db, limit = 20) {
  return db.select().from(importJobs).where(eq(importJobs.status, 'berjalan')).orderBy(asc(importJobs.updatedAt)).limit(limit).all();
}

/** Takes the job's lease for one chunk; false when another chunk holds it or the job is not running. */
export async function claimJob(db: Db, job: ImportJobRow, now: number, leaseMs: number): Promise<boolean> {
  const res = await db
    .update(importJobs)
    .set({ leaseUntil: now + leaseMs })
    .where(
      and(
        eq(importJobs.id, job.id),
        eq(importJobs.status, 'berjalan'),
        eq(importJobs.cursor, job.cursor),
        or(isNull(importJobs.leaseUntil), lt(importJobs.leaseUntil, now)),
      ),
    )
    .run();
  return res.meta.changes > 0;
}

export function updateJob(db: Db, id: string, set: Partial<ImportJobRow>) {
  return db.update(importJobs).set(set).where(eq(importJobs.id, id));
}

export function saveResult(db: Db, row: typeof importResults.$inferInsert) {
  return db
    .insert(importResults)
    .values(row)
    .onConflictDoUpdate({
      target: [importResults.jobId, importResults.seq],
      set: { outcome: row.outcome, reason: row.reason ?? null, target: row.target ?? null, title: row.title, at: row.at },
    });
}

/** The report: every item that was not simply unchanged, in import order, paged. */
export async function reportOf(db: Db, jobId: string, limit = 500) {
  return db
    .select()
    .from(importResults)
    .where(and(eq(importResults.jobId, jobId), ne(importResults.outcome, 'tetap')))
    .orderBy(asc(importResults.seq))
    .limit(limit)
    .all();
}

export async function findLinks(db: Db, regionCode: string, keys: string[]) {
  const out = new Map<string, typeof importLinks.$inferSelect>();
  for (let i = 0; i < keys.length; i += 90) {
    const rows = await db
      .select()
      .from(importLinks)
      .where(and(eq(importLinks.regionCode, regionCode), inArray(importLinks.itemKey, keys.slice(i, i + 90))))
      .all();
    for (const r of rows) out.set(r.itemKey, r);
  }
  return out;
}

export function saveLink(db: Db, row: typeof importLinks.$inferInsert) {
  return db
    .insert(importLinks)
    .values(row)
    .onConflictDoUpdate({
      target: [importLinks.regionCode, importLinks.itemKey],
      set: {
        entityType: row.entityType,
        entityId: row.entityId,
        target: row.target,
        media: row.media ?? null,
        sourceHash: row.sourceHash,
        entityUpdatedAt: row.entityUpdatedAt,
        updatedAt: row.updatedAt,
      },
    });
}
