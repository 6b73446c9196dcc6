import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships, regions, users, type Role } from '../../db/schema';
import { containsPattern } from '../../lib/validation';

export async function findUserById(db: Db, id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export interface UserListFilter {
  q?: string;
  role?: Role;
  regionCode?: string;
  limit: number;
  offset: number;
}

export async function listUsers(db: Db, f: UserListFilter) {
  const conds = [];
  if (f.q) conds.push(sql`(${users.username} LIKE ${containsPattern(f.q)} ESCAPE '\\' OR ${nameContainsUser(f.q)})`);
  if (f.role || f.regionCode) {
    const sub = db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(f.role ? eq(memberships.role, f.role) : undefined, f.regionCode ? eq(memberships.regionCode, f.regionCode) : undefined));
    conds.push(inArray(users.id, sub));
  }
  return db
    .select()
    .from(users)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(users.name))
    .limit(f.limit)
    .offset(f.offset)
    .all();
}

function nameContainsUser(q: string) {
  return sql`${users.name} LIKE ${containsPattern(q)} ESCAPE '\\'`;
}

export async function membershipsForUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: memberships.userId, role: memberships.role, regionCode: memberships.regionCode, regionName: regions.name, regionLevel: regions.level })
    .from(memberships)
    .innerJoin(regions, eq(regions.code, memberships.regionCode))
    .where(inArray(memberships.userId, userIds))
    .all();
}
