import { and, asc, eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client';
import { pendingPurges } from '../db/schema';
import type { AppEnv, Bindings } from '../env';
import { selfAndAncestors } from '../regions/codes';
import { paths } from '../regions/repo';
import { descendantsKeyPrefix, regionKeyPrefix } from './page-cache';

export interface PurgeDeps {
  db: Db;
  env: Pick<Bindings, 'PAGE_CACHE' | 'CACHE_GENERATION'>;
}

export interface PurgeScope {
  /**
   * The changed content is also shown on the pages of the region's descendants — a kecamatan's or the regency's
   * news and announcements that a village without its own shows as "Dari Kecamatan …", an office contact a village
   * without one falls back to — so their cached pages go too. Without it only the region and its ancestors are purged.
   */
  shownBelow?: boolean;
}

/**
 * THE way code invalidates cached public pages: purges every cached page of a region and of its ancestors (whose
 * pages roll up its content), and of its descendants when `scope.shownBelow` says the change is shown there. Call it
 * after anything publishes, edits, unpublishes or deletes public content — after the change is committed.
 *
 * One failure policy: a committed change never fails because of the cache. When the purge fails (KV or D1
 * unavailable) the region is recorded in `pending_purges` and logged; the next admin request (`pendingPurgeDrain`)
 * or the hourly job purges it again — with its descendants, whatever the scope was (failures are rare, so the wider
 * purge is cheap insurance and `pending_purges` needs no scope). Never throws. Returns the number of keys deleted (0
 * when deferred).
 */
export async function purgeRegionPages(deps: PurgeDeps, regionCode: string, requestId?: string | null, scope: PurgeScope = {}): Promise<number> {
  try {
    return await deleteRegionPages(deps, regionCode, scope.shownBelow === true);
  } catch (err) {
    await recordPendingPurge(deps.db, regionCode, err, requestId ?? null);
    return 0;
  }
}

/** Purges the regions of failed purges, oldest first; a region stays pending while its purge keeps failing. */
export async function drainPendingPurges(deps: PurgeDeps, limit = 20): Promise<{ purged: number; failed: number }> {
  const rows = await deps.db.select().from(pendingPurges).orderBy(asc(pendingPurges.lastFailedAt)).limit(limit).all();
  let purged = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await deleteRegionPages(deps, row.regionCode, true);
      // A failure recorded meanwhile (a newer change) keeps its row: its purge may have missed pages rendered since.
      await deps.db
        .delete(pendingPurges)
        .where(and(eq(pendingPurges.regionCode, row.regionCode), eq(pendingPurges.lastFailedAt, row.lastFailedAt), eq(pendingPurges.attempts, row.attempts)))
        .run();
      purged++;
    } catch (err) {
      failed++;
      await recordPendingPurge(deps.db, row.regionCode, err, null);
    }
  }
  if (rows.length > 0) console.log(JSON.stringify({ msg: 'pending purges drained', purged, failed }));
  return { purged, failed };
}

/**
 * After an admin request, drains pending purges at most once per `everyMs` per isolate (one indexed read when there
 * is nothing to do), in `waitUntil` so the officer never waits for it. Public pages never run it: a KV hit stays
 * free of D1 queries.
 */
export function pendingPurgeDrain(everyMs = 60_000): MiddlewareHandler<AppEnv> {
  let nextCheckAt = 0;
  return async function pendingPurgeDrainMiddleware(c, next) {
    await next();
    const now = Date.now();
    if (now < nextCheckAt) return;
    nextCheckAt = now + everyMs;
    const work = drainPendingPurges({ db: c.get('db'), env: c.env }).catch((err: unknown) => {
      console.error(JSON.stringify({ msg: 'pending purge drain failed', requestId: c.get('requestId'), err: String(err) }));
    });
    let ctx: ExecutionContext | undefined;
    try {
      ctx = c.executionCtx;
    } catch {
      ctx = undefined; // app.request() without an execution context (tests): finish the work before answering
    }
    if (ctx) ctx.waitUntil(work);
    else await work;
  };
}

async function deleteRegionPages(deps: PurgeDeps, regionCode: string, withDescendants: boolean): Promise<number> {
  const generation = deps.env.CACHE_GENERATION || '0';
  const rows = await paths(deps.db, selfAndAncestors(regionCode));
  let deleted = 0;
  for (const { path } of rows) deleted += await deleteByPrefix(deps.env.PAGE_CACHE, regionKeyPrefix(generation, path));
  const own = rows.find((r) => r.code === regionCode);
  if (withDescendants && own) deleted += await deleteByPrefix(deps.env.PAGE_CACHE, descendantsKeyPrefix(generation, own.path));
  return deleted;
}

async function deleteByPrefix(kv: KVNamespace, prefix: string): Promise<number> {
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

async function recordPendingPurge(db: Db, regionCode: string, err: unknown, requestId: string | null): Promise<void> {
  const now = Date.now();
  const error = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 200);
  try {
    await db
      .insert(pendingPurges)
      .values({ regionCode, firstFailedAt: now, lastFailedAt: now, attempts: 1, lastError: error })
      .onConflictDoUpdate({ target: pendingPurges.regionCode, set: { lastFailedAt: now, attempts: sql`${pendingPurges.attempts} + 1`, lastError: error } })
      .run();
    console.error(JSON.stringify({ msg: 'purge deferred', regionCode, requestId, err: error }));
  } catch (dbErr) {
    // Nothing left to record it in: cached pages expire by their TTL (PAGE_CACHE_TTL). Operators see this line.
    console.error(JSON.stringify({ msg: 'purge failed and not recorded', regionCode, requestId, err: error, dbErr: String(dbErr) }));
  }
}
