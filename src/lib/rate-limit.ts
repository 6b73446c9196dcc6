import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rateLimits } from '../db/schema';
import { AppError } from './errors';

/**
 * Fixed-window rate limit in D1 (strongly consistent, unlike KV): one upsert per call. Throws 429 with Retry-After
 * and an Indonesian message when the key exceeded `limit` requests in the current window.
 */
export async function rateLimit(db: Db, key: string, limit: number, windowMs: number, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const row = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count })
    .get();
  if ((row?.count ?? 0) > limit) {
    const retry = Math.ceil((windowStart + windowMs - now) / 1000);
    throw new AppError('rate_limited', `Terlalu banyak kiriman dalam waktu singkat. Coba lagi dalam ${Math.max(1, Math.ceil(retry / 60))} menit.`, {
      headers: { 'Retry-After': String(retry) },
    });
  }
}

/**
 * Counting only failures (e.g. failed client authentication): `failuresInWindow` before the attempt, `recordFailure`
 * after a failed one; `tooManyFailures` throws the same 429 as `rateLimit` once `limit` failures are in the window.
 */
export async function tooManyFailures(db: Db, key: string, limit: number, windowMs: number, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const row = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)))
    .get();
  if ((row?.count ?? 0) >= limit) {
    const retry = Math.ceil((windowStart + windowMs - now) / 1000);
    throw new AppError('rate_limited', `Terlalu banyak percobaan yang gagal. Coba lagi dalam ${Math.max(1, Math.ceil(retry / 60))} menit.`, {
      headers: { 'Retry-After': String(retry) },
    });
  }
}

export async function recordFailure(db: Db, key: string, windowMs: number, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .run();
}

export function pruneRateLimits(db: Db, before: number) {
  return db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${before}`);
}
