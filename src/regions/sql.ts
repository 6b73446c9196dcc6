import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { levelOfCode, subtreeRange } from './codes';

/**
 * THE region-scope condition for every tenant query: the region-code column lies in one of the subtrees (a code and
 * all its descendants, as an index-friendly range). An empty list matches nothing.
 */
export function inSubtrees(column: AnySQLiteColumn, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`0 = 1`;
  const parts = roots.map((r) => subtreeCondition(column, r));
  return (parts.length === 1 ? parts[0] : or(...parts)) as SQL;
}

/**
 * One subtree as a condition on the region-code column. For a regency root the range holds (nearly) every row, so it
 * is written on `+column`: the same filter, but SQLite then does not pick a region-code index for it and can walk an
 * index in the list's order instead and stop at the page's LIMIT (regency-wide lists and admin lists stay flat as
 * data grows, bench/volume.md). A desa or kelurahan has no descendants: its subtree is the code itself, written as
 * equality so an index (region_code, …, order columns) is walked in order. A kecamatan keeps the index-friendly range.
 */
export function subtreeCondition(column: AnySQLiteColumn, root: string): SQL {
  const { from, to } = subtreeRange(root);
  const level = levelOfCode(root);
  if (level === 'kabupaten') return sql`(+${column} >= ${from} AND +${column} < ${to})`;
  if (level === 'desa' || level === 'kelurahan') return eq(column, root);
  return and(gte(column, from), lt(column, to)) as SQL;
}
