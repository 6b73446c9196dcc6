import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { holidays } from '../../db/schema';

export function listHolidaysOfYear(db: Db, year: number) {
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lt(holidays.date, `${year + 1}-01-01`)))
    .orderBy(asc(holidays.date))
    .all();
}

export function findHoliday(db: Db, date: string) {
  return db.select().from(holidays).where(eq(holidays.date, date)).get();
}

/** Years that have at least one entry, newest first (for the year picker). */
export async function holidayYears(db: Db): Promise<number[]> {
  const rows = await db
    .select({ y: sql<string>`substr(${holidays.date}, 1, 4)` })
    .from(holidays)
    .groupBy(sql`substr(${holidays.date}, 1, 4)`)
    .all();
  return rows
    .map((r) => Number(r.y))
    .filter(Number.isFinite)
    .sort((a, b) => b - a);
}
