import { and, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { subtreeRange } from '../../regions/codes';

/**
 * SQL condition: a region-code column (posts.region_code, documents.region_code …) lies in one of the subtrees.
 * An empty list matches nothing. Same rule as admin/regions-repo.ts `inSubtrees`, for any tenant column.
 */
export function regionInSubtrees(column: AnySQLiteColumn, roots: readonly string[]): SQL {
  if (roots.length === 0) return eq(column, '__none__');
  const parts = roots.map((r) => {
    const { from, to } = subtreeRange(r);
    return and(gte(column, from), lt(column, to)) as SQL;
  });
  return (parts.length === 1 ? parts[0] : or(...parts)) as SQL;
}
