import { and, eq, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { infoObjections, infoRequests } from '../../db/schema';
import { addWorkingDays, type HolidayCalendar } from '../../lib/working-days';
import { dueDateOf, OBJECTION_ANSWER_DAYS } from './state';

/**
 * After the holiday calendar changes, moves the legal due dates of open requests (10 working days, plus an extension)
 * and of pending objections (30 working days), recomputed from their anchors. Guarded by status so a request answered
 * meanwhile is not touched. Returns the number of rows whose due date moved.
 */
export async function recomputePpidDeadlines(db: Db, cal: HolidayCalendar): Promise<number> {
  const [requests, objections] = await Promise.all([
    db
      .select({
        id: infoRequests.id,
        registeredAt: infoRequests.registeredAt,
        extensionDays: infoRequests.extensionDays,
        originalDueAt: infoRequests.originalDueAt,
        dueAt: infoRequests.dueAt,
      })
      .from(infoRequests)
      .where(ne(infoRequests.status, 'dijawab'))
      .all(),
    db
      .select({ id: infoObjections.id, filedAt: infoObjections.filedAt, dueAt: infoObjections.dueAt })
      .from(infoObjections)
      .where(eq(infoObjections.status, 'diajukan'))
      .all(),
  ]);
  const updates: BatchItem<'sqlite'>[] = [];
  for (const r of requests) {
    const originalDueAt = dueDateOf(r.registeredAt, cal);
    const dueAt = r.extensionDays ? addWorkingDays(originalDueAt, r.extensionDays, cal) : originalDueAt;
    if (originalDueAt !== r.originalDueAt || dueAt !== r.dueAt) {
      updates.push(
        db
          .update(infoRequests)
          .set({ originalDueAt, dueAt })
          .where(and(eq(infoRequests.id, r.id), ne(infoRequests.status, 'dijawab'))),
      );
    }
  }
  for (const o of objections) {
    const dueAt = addWorkingDays(o.filedAt, OBJECTION_ANSWER_DAYS, cal);
    if (dueAt !== o.dueAt)
      updates.push(
        db
          .update(infoObjections)
          .set({ dueAt })
          .where(and(eq(infoObjections.id, o.id), eq(infoObjections.status, 'diajukan'))),
      );
  }
  for (let i = 0; i < updates.length; i += 100) {
    const chunk = updates.slice(i, i + 100);
    await db.batch(chunk as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }
  return updates.length;
}
