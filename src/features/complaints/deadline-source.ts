import { and, count, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { complaints, type ComplaintStatus } from '../../db/schema';
import type { DeadlineSource } from '../deadlines';

/**
 * Complaints (migrations/0007_complaints.sql): `due_at` is the handler's current deadline (verify/dispose within
 * 3 working days of arrival, follow up within 5 of disposition); it is NULL while nothing is due from the handler.
 * `on_time` turns 0 once any handler deadline was missed. A followed-up complaint (`ditindaklanjuti`) gets a new
 * handler deadline when the reporter adds information, so it counts as open whenever `due_at` is set.
 */
const OPEN: ComplaintStatus[] = ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti'];
const HANDLED: ComplaintStatus[] = ['ditindaklanjuti', 'selesai', 'ditolak', 'bukan_wewenang', 'diarsipkan'];
const WHAT: Partial<Record<ComplaintStatus, string>> = {
  diterima: 'Verifikasi pengaduan',
  diverifikasi: 'Disposisi pengaduan',
  didisposisikan: 'Tindak lanjut pengaduan',
  ditindaklanjuti: 'Tanggapan atas informasi pelapor',
};

export const complaintsSource: DeadlineSource = {
  name: 'pengaduan',
  label: 'Pengaduan',
  async listOpen(db, { horizon }) {
    const rows = await db
      .select({ id: complaints.id, regionCode: complaints.regionCode, dueAt: complaints.dueAt, status: complaints.status, ticket: complaints.ticket })
      .from(complaints)
      .where(and(inArray(complaints.status, OPEN), isNotNull(complaints.dueAt), lte(complaints.dueAt, horizon)))
      .all();
    return rows.map((r) => ({
      source: 'pengaduan' as const,
      id: r.id,
      regionCode: r.regionCode,
      dueAt: r.dueAt!,
      kind: WHAT[r.status] ?? 'Penanganan pengaduan',
      reference: r.ticket,
      adminHref: `/admin/pengaduan/${encodeURIComponent(r.id)}`,
    }));
  },
  async closedStats(db, { since, now }) {
    // Handled = no handler deadline pending any more, last changed within the period.
    return db
      .select({ regionCode: complaints.regionCode, closed: count(), onTime: sql<number>`COALESCE(SUM(${complaints.onTime}), 0)` })
      .from(complaints)
      .where(and(inArray(complaints.status, HANDLED), isNull(complaints.dueAt), gte(complaints.updatedAt, since), lte(complaints.updatedAt, now)))
      .groupBy(complaints.regionCode)
      .all();
  },
};
