import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { complaints, type ComplaintRow } from '../../db/schema';
import { addWorkingDays, deadlineState, type DeadlineState, type HolidayCalendar } from '../../lib/working-days';
import { withRunningClocks } from './repo';
import { AUTOCLOSE_DAYS, FOLLOWUP_DAYS, REOPEN_DAYS, VERIFY_DAYS } from './status-machine';

/** The deadline columns recomputed from their anchors with the current calendar. */
export function recomputedDeadlines(row: ComplaintRow, cal: HolidayCalendar) {
  const verifyDueAt = addWorkingDays(row.receivedAt, VERIFY_DAYS, cal);
  const followupDueAt = row.dispositionedAt !== null ? addWorkingDays(row.dispositionedAt, FOLLOWUP_DAYS, cal) : null;
  const autocloseAt = row.autocloseAt !== null && row.followedUpAt !== null ? addWorkingDays(row.followedUpAt, AUTOCLOSE_DAYS, cal) : row.autocloseAt;
  const reopenUntil = row.status === 'selesai' && row.finishedAt !== null ? addWorkingDays(row.finishedAt, REOPEN_DAYS, cal) : row.reopenUntil;
  let dueAt = row.dueAt;
  if (row.status === 'diterima' || row.status === 'diverifikasi') dueAt = verifyDueAt;
  else if (row.status === 'didisposisikan') dueAt = followupDueAt;
  // ditindaklanjuti after a reporter reply keeps its own due date (its anchor is the reply).
  return { verifyDueAt, followupDueAt, autocloseAt, reopenUntil, dueAt };
}

/**
 * After the holiday calendar changes, moves every running deadline. Deadlines are derived data: the version is not
 * bumped (no timeline entry), but the update is guarded by it so a concurrent transition is never overwritten.
 * Returns the number of reports whose deadlines moved.
 */
export async function recomputeComplaintDeadlines(db: Db, cal: HolidayCalendar, now: number): Promise<number> {
  const rows = await withRunningClocks(db, now);
  const updates: BatchItem<'sqlite'>[] = [];
  for (const row of rows) {
    const d = recomputedDeadlines(row, cal);
    if (
      d.verifyDueAt === row.verifyDueAt &&
      d.followupDueAt === row.followupDueAt &&
      d.autocloseAt === row.autocloseAt &&
      d.reopenUntil === row.reopenUntil &&
      d.dueAt === row.dueAt
    )
      continue;
    updates.push(
      db
        .update(complaints)
        .set(d)
        .where(and(eq(complaints.id, row.id), eq(complaints.version, row.version))),
    );
  }
  for (let i = 0; i < updates.length; i += 50) {
    const chunk = updates.slice(i, i + 50);
    await db.batch(chunk as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }
  return updates.length;
}

/** Deadline state of a report for the handler's highlighting (null when no handler deadline runs). */
export function dueStateOf(dueAt: number | null, now: number, cal: HolidayCalendar): DeadlineState | null {
  return dueAt === null ? null : deadlineState(dueAt, now, cal);
}

export const DUE_LABELS: Record<DeadlineState, string> = { aman: 'Sesuai jadwal', mendekati: 'Mendekati tenggat', lewat: 'Lewat tenggat' };
