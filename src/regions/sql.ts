import { and, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { subtreeRange } from './codes';

/**
 * THE region-scope condition for every tenant query: the region-code column lies in one of the subtrees (a code and
 * all its descendants, as an index-friendly range). An empty list matches nothing.
 */
export function inSubtrees(column: AnySQLiteColumn, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`0 = 1`;
  const parts = roots.map((r) => {
    const { from, to } = subtreeRange(r);
    return and(gte(column, from), lt(column, to)) as SQL;
  });
  return (parts.length === 1 ? parts[0] : or(...parts)) as SQL;
}
