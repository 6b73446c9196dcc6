import { and, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { infoObjections, infoRequests, type InfoRequestStatus } from '../../db/schema';
import type { DeadlineSource } from '../deadlines';

/**
 * PPID (migrations/0008_ppid.sql): an information request is answered within 10 working days (`due_at`, extended
 * by up to 7 more); an objection is decided by the atasan PPID within 30 working days.
 */
const OPEN: InfoRequestStatus[] = ['diterima', 'diproses', 'diperpanjang'];

export const ppidSource: DeadlineSource = {
  name: 'ppid',
  label: 'Permohonan informasi',
  async listOpen(db, { horizon }) {
    const rows = await db
      .select({ id: infoRequests.id, regionCode: infoRequests.regionCode, dueAt: infoRequests.dueAt, number: infoRequests.number })
      .from(infoRequests)
      .where(and(inArray(infoRequests.status, OPEN), lte(infoRequests.dueAt, horizon)))
      .all();
    return rows.map((r) => ({
      source: 'ppid' as const,
      id: r.id,
      regionCode: r.regionCode,
      dueAt: r.dueAt,
      kind: 'Jawaban permohonan informasi',
      reference: r.number,
      adminHref: `/admin/ppid/permohonan/${encodeURIComponent(r.id)}`,
    }));
  },
  async closedStats(db, { since, now }) {
    return db
      .select({
        regionCode: infoRequests.regionCode,
        closed: count(),
        onTime: sql<number>`COALESCE(SUM(CASE WHEN ${infoRequests.answeredAt} <= ${infoRequests.dueAt} THEN 1 ELSE 0 END), 0)`,
      })
      .from(infoRequests)
      .where(and(eq(infoRequests.status, 'dijawab'), gte(infoRequests.answeredAt, since), lte(infoRequests.answeredAt, now)))
      .groupBy(infoRequests.regionCode)
      .all();
  },
};

export const objectionsSource: DeadlineSource = {
  name: 'keberatan',
  label: 'Keberatan informasi',
  async listOpen(db, { horizon }) {
    const rows = await db
      .select({
        id: infoObjections.id,
        requestId: infoObjections.requestId,
        regionCode: infoObjections.regionCode,
        dueAt: infoObjections.dueAt,
        number: infoRequests.number,
      })
      .from(infoObjections)
      .innerJoin(infoRequests, eq(infoRequests.id, infoObjections.requestId))
      .where(and(eq(infoObjections.status, 'diajukan'), lte(infoObjections.dueAt, horizon)))
      .all();
    return rows.map((r) => ({
      source: 'keberatan' as const,
      id: r.id,
      regionCode: r.regionCode,
      dueAt: r.dueAt,
      kind: 'Keputusan atas keberatan',
      reference: r.number,
      adminHref: `/admin/ppid/permohonan/${encodeURIComponent(r.requestId)}`,
    }));
  },
  async closedStats(db, { since, now }) {
    return db
      .select({
        regionCode: infoObjections.regionCode,
        closed: count(),
        onTime: sql<number>`COALESCE(SUM(CASE WHEN ${infoObjections.decidedAt} <= ${infoObjections.dueAt} THEN 1 ELSE 0 END), 0)`,
      })
      .from(infoObjections)
      .where(and(eq(infoObjections.status, 'diputus'), gte(infoObjections.decidedAt, since), lte(infoObjections.decidedAt, now)))
      .groupBy(infoObjections.regionCode)
      .all();
  },
};
