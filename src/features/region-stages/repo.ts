import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';

export async function listKecamatan(db: Db) {
  return db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.level, 'kecamatan')).orderBy(asc(regions.name)).all();
}
