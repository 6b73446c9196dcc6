import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';

/**
 * Login throttling that slows an attacker without letting a stranger lock the owner out.
 *
 * - The wait is kept per (account, client) pair: failures from one client never delay the same account from another.
 *   An account is its user id, so its username and e-mail count as one; a name that matches no account is keyed by
 *   the typed name (the same work, so the answers do not tell which accounts exist).
 * - A client (IPv4 address or IPv6 /64, see clientIp) spraying many accounts is slowed by its own counter.
 * - The first few failures are free; then every failure doubles the wait (15 s, 30 s, 1 min … at most 15 minutes): the
 *   CAPTCHA-free proof is a short wait, and the answer says how long.
 * - Each attempt claims its place atomically (one upsert that only succeeds when the wait is over) BEFORE the
 *   password is checked, so parallel attempts cannot run more checks than allowed. A success clears the pair and
 *   gives the client its attempt back; an administrator's password reset clears every pair of the account.
 */
export const FREE_FAILURES_PER_PAIR = 4;
export const FREE_FAILURES_PER_CLIENT = 19;
export const FIRST_WAIT_MS = 15_000;
export const MAX_WAIT_MS = 15 * 60_000;
/** A key quiet for this long starts again from zero (and the daily job deletes it). */
export const THROTTLE_MEMORY_MS = 24 * 60 * 60_000;

export function pairKey(account: string, client: string): string {
  return `pair:${account}|${client}`;
}

export function clientKey(client: string): string {
  return `ip:${client}`;
}

/** The account part of a pair key: the user's id, else the normalised typed name. */
export function accountOf(user: { id: string } | undefined, typed: string): string {
  return user ? `user:${user.id}` : `name:${typed.trim().toLowerCase().slice(0, 200)}`;
}

/** The wait after the n-th failure, for a key allowing `free` failures without waiting. */
export function waitAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(16, failures - free - 1));
}

/** The same rule as waitAfter, in SQL, for the atomic upsert (`n` is the failure count after this attempt). */
function waitSql(n: ReturnType<typeof sql>, free: number) {
  return sql`CASE WHEN ${n} <= ${free} THEN 0 ELSE min(${MAX_WAIT_MS}, ${FIRST_WAIT_MS} * (1 << min(16, ${n} - ${free} - 1))) END`;
}

/**
 * Claims one attempt for `key`: counts it as a failure in advance and sets the next allowed moment. Returns the
 * statement; its RETURNING row is empty when the key must still wait.
 */
function claim(db: Db, key: string, free: number, now: number) {
  const forgetBefore = now - THROTTLE_MEMORY_MS;
  const next = sql`(CASE WHEN ${loginThrottle.updatedAt} < ${forgetBefore} THEN 0 ELSE ${loginThrottle.failures} END + 1)`;
  return db
    .insert(loginThrottle)
    .values({ key, failures: 1, nextAllowedAt: now + waitAfter(1, free), updatedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: next, nextAllowedAt: sql`${now} + ${waitSql(next, free)}`, updatedAt: now },
      setWhere: sql`${loginThrottle.nextAllowedAt} <= ${now}`,
    })
    .returning({ failures: loginThrottle.failures });
}

export interface ClaimResult {
  allowed: boolean;
  /** Seconds to wait when not allowed. */
  retryAfter: number;
}

/** Claims an attempt for the pair and the client together; both must be allowed. */
export async function claimAttempt(db: Db, pair: string, client: string, now: number): Promise<ClaimResult> {
  const [p, c] = await db.batch([claim(db, pair, FREE_FAILURES_PER_PAIR, now), claim(db, client, FREE_FAILURES_PER_CLIENT, now)]);
  if (p.length > 0 && c.length > 0) return { allowed: true, retryAfter: 0 };
  const rows = await db
    .select({ key: loginThrottle.key, nextAllowedAt: loginThrottle.nextAllowedAt })
    .from(loginThrottle)
    .where(sql`${loginThrottle.key} IN (${pair}, ${client})`)
    .all();
  const until = Math.max(now + 1000, ...rows.map((r) => r.nextAllowedAt));
  return { allowed: false, retryAfter: Math.ceil((until - now) / 1000) };
}

/** After a successful login: the pair starts over and the client gets the claimed attempt back. */
export function attemptSucceeded(db: Db, pair: string, client: string) {
  return [
    db.delete(loginThrottle).where(eq(loginThrottle.key, pair)),
    db
      .update(loginThrottle)
      .set({ failures: sql`max(0, ${loginThrottle.failures} - 1)` })
      .where(eq(loginThrottle.key, client)),
  ] as const;
}

/** Every pair of an account (an administrator reset its password: the owner gets in at once). */
export function clearAccountThrottle(db: Db, userId: string) {
  const prefix = `pair:${accountOf({ id: userId }, '')}|`;
  return db.delete(loginThrottle).where(sql`substr(${loginThrottle.key}, 1, ${prefix.length}) = ${prefix}`);
}

export function pruneLoginThrottle(db: Db, now: number) {
  return db.delete(loginThrottle).where(lt(loginThrottle.updatedAt, now - THROTTLE_MEMORY_MS));
}

/** "1 menit", "30 detik": the wait in the words of the 429 answer. */
export function waitInWords(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} menit` : `${seconds} detik`;
}
