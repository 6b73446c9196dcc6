import { and, asc, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { documentVersions, uploadParts, uploadSessions, type UploadSessionRow } from '../../db/schema';

/** D1 side of chunked uploads: the sessions (owner, region, expiry) and the parts R2 has received. */
export function findOwnSession(db: Db, id: string, ownerId: string): Promise<UploadSessionRow | undefined> {
  return db
    .select()
    .from(uploadSessions)
    .where(and(eq(uploadSessions.id, id), eq(uploadSessions.ownerId, ownerId)))
    .get();
}

export async function countOpenSessions(db: Db, ownerId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(uploadSessions)
    .where(and(eq(uploadSessions.ownerId, ownerId), eq(uploadSessions.status, 'open')))
    .get();
  return row?.n ?? 0;
}

export function insertSession(db: Db, row: typeof uploadSessions.$inferInsert) {
  return db.insert(uploadSessions).values(row);
}

export function listParts(db: Db, sessionId: string) {
  return db
    .select({ partNumber: uploadParts.partNumber, etag: uploadParts.etag, size: uploadParts.size })
    .from(uploadParts)
    .where(eq(uploadParts.sessionId, sessionId))
    .orderBy(asc(uploadParts.partNumber))
    .all();
}

/** Records a received part; a part sent again (a retry whose answer was lost) replaces the earlier one, as in R2. */
export function savePart(db: Db, part: typeof uploadParts.$inferInsert) {
  return db
    .insert(uploadParts)
    .values(part)
    .onConflictDoUpdate({ target: [uploadParts.sessionId, uploadParts.partNumber], set: { etag: part.etag, size: part.size, uploadedAt: part.uploadedAt } });
}

export function markComplete(db: Db, id: string, result: { mime: string; ext: string; sha256: string }) {
  return db
    .update(uploadSessions)
    .set({ status: 'complete', ...result })
    .where(and(eq(uploadSessions.id, id), eq(uploadSessions.status, 'open')));
}

/** Claims a completed upload for one document (the status guard makes a second, concurrent claim find nothing). */
export function claimCompleted(db: Db, id: string, ownerId: string, now: number) {
  return db
    .update(uploadSessions)
    .set({ status: 'used' })
    .where(and(eq(uploadSessions.id, id), eq(uploadSessions.ownerId, ownerId), eq(uploadSessions.status, 'complete'), gt(uploadSessions.expiresAt, now)))
    .returning()
    .get();
}

export function releaseClaim(db: Db, id: string) {
  return db
    .update(uploadSessions)
    .set({ status: 'complete' })
    .where(and(eq(uploadSessions.id, id), eq(uploadSessions.status, 'used')));
}

/** Removes a session and its part records (for the document's batch, an abort or the cleanup). */
export function deleteSessionStatements(db: Db, id: string) {
  return [db.delete(uploadParts).where(eq(uploadParts.sessionId, id)), db.delete(uploadSessions).where(eq(uploadSessions.id, id))] as const;
}

export function expiredSessions(db: Db, now: number, limit: number) {
  return db.select().from(uploadSessions).where(lt(uploadSessions.expiresAt, now)).orderBy(asc(uploadSessions.expiresAt)).limit(limit).all();
}

/** R2 keys among `keys` that a document version points to (a claimed upload whose document was created). */
export async function keysUsedByVersions(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.select({ key: documentVersions.r2Key }).from(documentVersions).where(inArray(documentVersions.r2Key, keys)).all();
  return new Set(rows.map((r) => r.key));
}
