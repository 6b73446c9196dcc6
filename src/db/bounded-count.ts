import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/**
 * Pagination totals that stay cheap with ten years of data (bench/volume.md): a list counts its rows only up to
 * COUNT_BOUND past the start of the page it shows, then says "lebih dari …". Counting every row of a regency-wide
 * list reads the whole index on every uncached render; counting up to a bound stops early.
 */
export const COUNT_BOUND = 1000;

/** `count` is exact unless `atLeast`: then there are more than `count` rows. */
export interface BoundedTotal {
  count: number;
  atLeast: boolean;
}

/**
 * Rows of `table` matching `where`, counted up to `max(bound, offset + pageSize)`: always enough to know whether a
 * next page exists (see hasNextPage).
 */
export async function boundedCount(
  db: Db,
  table: SQLiteTable,
  where: SQL | undefined,
  page: { offset?: number; pageSize?: number; bound?: number } = {},
): Promise<BoundedTotal> {
  const cap = Math.max(page.bound ?? COUNT_BOUND, (page.offset ?? 0) + (page.pageSize ?? 0));
  const limited = db
    .select({ one: sql`1`.as('one') })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('limited');
  const row = await db.select({ n: sql<number>`count(*)` }).from(limited).get();
  const n = row?.n ?? 0;
  return n > cap ? { count: cap, atLeast: true } : { count: n, atLeast: false };
}

/** Whether a page after `page` (1-based) exists. */
export function hasNextPage(total: BoundedTotal, page: number, pageSize: number): boolean {
  return total.atLeast || page * pageSize < total.count;
}

/** "1.234" or "lebih dari 1.000" (Indonesian digit grouping). */
export function totalLabel(total: BoundedTotal): string {
  const n = total.count.toLocaleString('id-ID');
  return total.atLeast ? `lebih dari ${n}` : n;
}
