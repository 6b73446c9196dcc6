import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { createDb, type Db } from '../../db/client';
import { posts, regions } from '../../db/schema';
import type { Bindings } from '../../env';
import type { ScheduledJob } from '../descriptor';
import { purgeRegionPages } from '../../cache/purge';
import { touchContentUpdate } from '../../regions/freshness';

/** How far back a due scheduled post is looked for (bounds the scan; cached pages also expire by TTL). */
const LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Scheduled publication: a post approved/published with a future `published_at` becomes visible by itself, but the
 * KV pages rendered before that moment do not know it. Every cron run finds regions with a post that became due
 * after the region's pages last changed (`published_at > last_content_update`), moves their freshness forward and
 * purges their pages (and their ancestors' and descendants': villages without news of their own show it).
 *
 * Idempotent without any extra state: once handled, `last_content_update ≥ published_at`, so the next run finds
 * nothing; a missed run is caught up by the next one.
 */
export async function publishDueScheduledPosts(
  deps: { db: Db; env: Pick<Bindings, 'PAGE_CACHE' | 'CACHE_GENERATION'> },
  now: number,
): Promise<{ regions: string[] }> {
  const { db } = deps;
  const due = await db
    .select({ code: posts.regionCode, at: sql<number>`MAX(${posts.publishedAt})` })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(
      and(
        eq(posts.status, 'terbit'),
        lte(posts.publishedAt, now),
        gt(posts.publishedAt, now - LOOKBACK_MS),
        gt(posts.publishedAt, sql`COALESCE(${regions.lastContentUpdate}, 0)`),
      ),
    )
    .groupBy(posts.regionCode)
    .all();
  for (const r of due) {
    await touchContentUpdate(db, r.code, r.at).run();
    await purgeRegionPages(deps, r.code, null, { shownBelow: true }); // scheduled news shows on villages without their own
  }
  if (due.length) console.log(JSON.stringify({ msg: 'scheduled posts published', regions: due.map((r) => r.code) }));
  return { regions: due.map((r) => r.code) };
}

/** Cron entry: never throws, so the other jobs of the same trigger still run. */
async function runScheduledPublish(_controller: ScheduledController, env: Bindings): Promise<void> {
  try {
    await publishDueScheduledPosts({ db: createDb(env.DB), env }, Date.now());
  } catch (err) {
    console.error(JSON.stringify({ msg: 'scheduled publish failed', err: err instanceof Error ? err.message : String(err) }));
  }
}

/** On every trigger (daily and hourly). */
export const scheduledPublishJobs: ScheduledJob[] = [
  { name: 'scheduled publish', schedule: 'daily', run: runScheduledPublish },
  { name: 'scheduled publish', schedule: 'hourly', run: runScheduledPublish },
];
