import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';

/** Unread count for the admin menu: one indexed COUNT (notifications_user starts with user_id, read_at). */
export async function unreadCount(deps: { db: Db; userId: string }): Promise<number> {
  const row = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, deps.userId), isNull(notifications.readAt)))
    .get();
  return row?.n ?? 0;
}

export async function listNotifications(db: Db, userId: string, opts: { before?: number; limit: number }) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), opts.before !== undefined ? lt(notifications.createdAt, opts.before) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit)
    .all();
}

/** Marks one (by id) or all of the user's notifications read. Only the owner's rows are ever touched. */
export async function markRead(db: Db, userId: string, now: number, id?: string): Promise<number> {
  const res = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .run();
  return res.meta.changes ?? 0;
}
