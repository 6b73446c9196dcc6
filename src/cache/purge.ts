import type { Db } from '../db/client';
import type { Bindings } from '../env';
import { selfAndAncestors } from '../regions/codes';
import { paths } from '../regions/repo';
import { regionKeyPrefix } from './page-cache';

/**
 * THE way code invalidates cached public pages: purges every cached page of a region and of its ancestors (whose
 * pages roll up its content). Call it after anything publishes, edits, unpublishes or deletes public content.
 * Returns the number of keys deleted.
 */
export async function purgeRegionPages(deps: PurgeDeps, regionCode: string): Promise<number> {
  const codes = selfAndAncestors(regionCode);
  const rows = await paths(deps.db, codes);
  let deleted = 0;
  for (const { path } of rows) deleted += await purgePrefix(deps.env.PAGE_CACHE, regionKeyPrefix(deps.env.CACHE_GENERATION || '0', path));
  return deleted;
}

export interface PurgeDeps {
  db: Db;
  env: Pick<Bindings, 'PAGE_CACHE' | 'CACHE_GENERATION'>;
}

/** Purges pages of a region only (not its ancestors), e.g. when only its own layout-level data changed. */
export async function purgePrefix(kv: KVNamespace, prefix: string): Promise<number> {
  let cursor: string | undefined;
  let deleted = 0;
  do {
    const page: KVNamespaceListResult<unknown> = await kv.list({ prefix, cursor });
    await Promise.all(page.keys.map((k) => kv.delete(k.name)));
    deleted += page.keys.length;
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return deleted;
}

/** Purges every cached page (after a region-tree or site-wide change). */
export async function purgeAllPages(kv: KVNamespace): Promise<number> {
  return purgePrefix(kv, 'page:');
}
