import { and, count, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import { tenders, type TenderStatus } from '../../db/schema';
import type { DeadlineSource } from '../deadlines';

const DECIDED: TenderStatus[] = ['pemenang_ditetapkan', 'kontrak', 'selesai', 'gagal'];

/**
 * Published packages whose schedule expects an officer's update (the winner by the end of `penetapan`, the contract by
 * the end of `kontrak`; `update_due_at`, kept by the status job): monitoring's deadline scan flags them near and past
 * due — to the owner region (the village, or the regency's procurement managers and Diskominfo), escalating upward.
 * Handled = a decided status reached within the period, on time unless it came after its due time.
 */
export const tenderDeadlines: DeadlineSource = {
  name: 'lelang',
  label: 'Paket pengadaan',
  async listOpen(db, { horizon }) {
    const rows = await db
      .select({ id: tenders.id, regionCode: tenders.regionCode, dueAt: tenders.updateDueAt, status: tenders.status, code: tenders.externalCode })
      .from(tenders)
      .where(and(isNotNull(tenders.updateDueAt), lte(tenders.updateDueAt, horizon), eq(tenders.publishStatus, 'terbit'), isNull(tenders.deletedAt)))
      .all();
    return rows.map((r) => ({
      source: 'lelang',
      id: r.id,
      regionCode: r.regionCode,
      dueAt: r.dueAt!,
      kind: r.status === 'pemenang_ditetapkan' ? 'Catat kontrak paket' : 'Catat pemenang atau perbarui status paket',
      reference: r.code,
      adminHref: `/admin/lelang/${encodeURIComponent(r.id)}`,
    }));
  },
  async closedStats(db, { since, now }) {
    return db
      .select({ regionCode: tenders.regionCode, closed: count(), onTime: sql<number>`COALESCE(SUM(${tenders.onTime}), 0)` })
      .from(tenders)
      .where(
        and(
          inArray(tenders.status, DECIDED),
          ne(tenders.scheduleJson, '[]'),
          gte(tenders.statusChangedAt, since),
          lte(tenders.statusChangedAt, now),
          eq(tenders.publishStatus, 'terbit'),
          isNull(tenders.deletedAt),
        ),
      )
      .groupBy(tenders.regionCode)
      .all();
  },
};
