import { asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, regions, revokedSessions, users } from '../db/schema';

// Reads and writes behind sessions and login: users by login name, memberships, revoked session ids.

export async function findUserByLogin(db: Db, login: string) {
  const needle = login.trim();
  return db.select().from(users).where(sql`${users.username} = ${needle} COLLATE NOCASE OR ${users.email} = ${needle} COLLATE NOCASE`).get();
}

export async function membershipsOfUser(db: Db, userId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      regionCode: memberships.regionCode,
      regionName: regions.name,
      regionLevel: regions.level,
      regionPath: regions.path,
      regionStage: regions.stage,
    })
    .from(memberships)
    .innerJoin(regions, eq(regions.code, memberships.regionCode))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.regionCode), asc(memberships.role))
    .all();
}

/** User, memberships and revocation status of a session in one round trip. */
export async function loadSessionRows(db: Db, userId: string, jti: string) {
  const [user, ms, revoked] = await db.batch([
    db.select().from(users).where(eq(users.id, userId)).limit(1),
    db.select({ role: memberships.role, regionCode: memberships.regionCode }).from(memberships).where(eq(memberships.userId, userId)),
    db.select({ jti: revokedSessions.jti }).from(revokedSessions).where(eq(revokedSessions.jti, jti)).limit(1),
  ]);
  return { user: user[0], memberships: ms, revoked: revoked.length > 0 };
}

export function revokeSession(db: Db, jti: string, expiresAt: number) {
  return db.insert(revokedSessions).values({ jti, expiresAt }).onConflictDoNothing();
}

export function pruneRevoked(db: Db, now: number) {
  return db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
}
