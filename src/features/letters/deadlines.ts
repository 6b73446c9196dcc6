/**
 * Letters on the working-day clock, for monitoring's deadline scan and "Perlu tindakan": requests the office holds
 * whose service time ends at or before a horizon, and per region how many were finished and how many on time.
 * Grouped, bounded queries (no per-region loops); tracking numbers only (no personal data).
 */
import { and, asc, count, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { letterRequests, type LetterStatus } from '../../db/schema';
import { addWorkingDays, type HolidayCalendar } from '../../lib/working-days';
import { OFFICER_STATUSES } from './status-machine';

const WHAT: Partial<Record<LetterStatus, string>> = {
  diajukan: 'Periksa permohonan surat',
  diperiksa: 'Proses permohonan surat',
  diproses: 'Beri nomor surat',
  menunggu_tanda_tangan: 'Tanda tangan surat',
};
const FINISHED: LetterStatus[] = ['selesai', 'ditolak'];
export const OPEN_LIMIT = 500;

export const letterAdminHref = (id: string) => `/admin/layanan/${id}`;

export async function openLetterDeadlines(db: Db, opts: { horizon: number; regionCodes?: string[] }) {
  const rows = await db
    .select({
      id: letterRequests.id,
      regionCode: letterRequests.regionCode,
      dueAt: letterRequests.dueAt,
      status: letterRequests.status,
      number: letterRequests.trackingNumber,
    })
    .from(letterRequests)
    .where(
      and(
        inArray(letterRequests.status, [...OFFICER_STATUSES]),
        isNotNull(letterRequests.dueAt),
        lte(letterRequests.dueAt, opts.horizon),
        opts.regionCodes ? inArray(letterRequests.regionCode, opts.regionCodes) : undefined,
      ),
    )
    .orderBy(asc(letterRequests.dueAt))
    .limit(OPEN_LIMIT)
    .all();
  return rows.map((r) => ({
    source: 'layanan',
    id: r.id,
    regionCode: r.regionCode,
    dueAt: r.dueAt!,
    kind: WHAT[r.status] ?? 'Layanan surat',
    reference: r.number,
    adminHref: letterAdminHref(r.id),
  }));
}

/** Requests finished (issued or refused) in [since, now], per region; on time = no service deadline missed. */
export async function closedLetterStats(db: Db, opts: { since: number; now: number }) {
  return db
    .select({ regionCode: letterRequests.regionCode, closed: count(), onTime: sql<number>`COALESCE(SUM(${letterRequests.onTime}), 0)` })
    .from(letterRequests)
    .where(
      and(
        inArray(letterRequests.status, FINISHED),
        isNotNull(letterRequests.finishedAt),
        gte(letterRequests.finishedAt, opts.since),
        lte(letterRequests.finishedAt, opts.now),
      ),
    )
    .groupBy(letterRequests.regionCode)
    .all();
}

/** Public service figures of a region and its subtree: received, in progress, finished, on-time share. */
export interface LetterFigures {
  received: number;
  inProgress: number;
  finished: number;
  overdue: number;
  onTimePercent: number | null;
}

export async function letterFigures(db: Db, regionCode: string, now: number): Promise<LetterFigures> {
  const rows = await db
    .select({
      status: letterRequests.status,
      onTime: letterRequests.onTime,
      late: sql<number>`(${letterRequests.dueAt} IS NOT NULL AND ${letterRequests.dueAt} < ${now})`,
      n: count(),
    })
    .from(letterRequests)
    .where(sql`(${letterRequests.regionCode} = ${regionCode} OR ${letterRequests.regionCode} LIKE ${`${regionCode}.%`})`)
    .groupBy(letterRequests.status, letterRequests.onTime, sql`3`)
    .all();
  const f: LetterFigures = { received: 0, inProgress: 0, finished: 0, overdue: 0, onTimePercent: null };
  let onTime = 0;
  for (const r of rows) {
    if (r.status === 'dibatalkan') continue;
    f.received += r.n;
    if (FINISHED.includes(r.status)) {
      f.finished += r.n;
      if (r.onTime) onTime += r.n;
    } else {
      f.inProgress += r.n;
      if (r.late && (OFFICER_STATUSES as readonly string[]).includes(r.status)) f.overdue += r.n;
    }
  }
  f.onTimePercent = f.finished ? Math.round((onTime / f.finished) * 100) : null;
  return f;
}

/**
 * After the holiday calendar changed: every running service time is counted again from where its clock started
 * (`clock_from`, `clock_days`), in chunks of bounded statements. Returns how many deadlines moved.
 */
export async function recomputeLetterDeadlines(db: Db, cal: HolidayCalendar): Promise<number> {
  const rows = await db
    .select({ id: letterRequests.id, dueAt: letterRequests.dueAt, from: letterRequests.clockFrom, days: letterRequests.clockDays })
    .from(letterRequests)
    .where(
      and(
        inArray(letterRequests.status, [...OFFICER_STATUSES]),
        isNotNull(letterRequests.dueAt),
        isNotNull(letterRequests.clockFrom),
        isNotNull(letterRequests.clockDays),
      ),
    )
    .limit(OPEN_LIMIT * 10)
    .all();
  const moved = rows.map((r) => ({ id: r.id, dueAt: addWorkingDays(r.from!, r.days!, cal) })).filter((r, i) => r.dueAt !== rows[i]!.dueAt);
  for (let i = 0; i < moved.length; i += 50) {
    const chunk = moved.slice(i, i + 50).map((m) => db.update(letterRequests).set({ dueAt: m.dueAt }).where(eq(letterRequests.id, m.id)));
    await db.batch(chunk as [(typeof chunk)[number], ...typeof chunk]);
  }
  return moved.length;
}
