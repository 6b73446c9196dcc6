import { asc, desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { pendingPurges, storageCensus } from '../../db/schema';

/** Reads of the status page: page-cache purges still failing, and the last storage census. */
export async function failedPurges(db: Db, limit = 50) {
  return db.select().from(pendingPurges).orderBy(desc(pendingPurges.lastFailedAt)).limit(limit).all();
}

export async function storageRows(db: Db) {
  return db.select().from(storageCensus).orderBy(asc(storageCensus.item)).all();
}
