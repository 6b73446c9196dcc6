import type { z } from 'zod';
import { badCursor } from '../../api/list-params';
import { decodeCursor, encodeCursor, jsonWithEtag } from '../../api/respond';
import { type ApiRouter, apiRoute, apiRouter } from '../../api/route';
import { daysAgo, toIsoUtc } from '../../lib/time';
import { isRegionCode } from '../../regions/codes';
import { deadlineSourcesOf, type Registry } from '../descriptor';
import { listForApi, openFlagsInRange } from './repo';
import { MonitoringRegionsJson, MonitoringRegionsQuery } from './schemas';
import { handoverReady } from './score';
import { loadSettings } from './settings';

const monitoringRegionsRoute = apiRoute({
  method: 'get',
  path: '/monitoring/regions',
  operationId: 'listMonitoringRegions',
  tag: 'Pemantauan',
  summary: "Each region's monitoring flags and score (open data for the regency's dashboard)",
  description:
    'Freshness (segar/perlu_pembaruan/usang), completeness of the mandatory checklist, deadlines (near/overdue) and the 0–100 score ' +
    '(40 × freshness + 30 × completeness + 30 × deadlines met) with its rollup. Flags carry no personal data and no ticket numbers. ' +
    'Ordered by region code; follow next_cursor.',
  access: { partner: 'monitoring:read' },
  request: { query: MonitoringRegionsQuery },
  responses: [{ status: 200, description: 'One page of regions', schema: MonitoringRegionsJson }],
  conditional: true,
  errors: [400],
  errorNotes: { 400: 'The cursor is not one this API issued.' },
});

/**
 * 'Pengaduan ADU-7K3Q-9XPD: Verifikasi pengaduan' → 'Pengaduan: Verifikasi pengaduan' (no reference numbers).
 * `labels`: each deadline source's label by name.
 */
export function partnerDeadlineTitle(labels: ReadonlyMap<string, string>, source: string | null, title: string): string {
  const label = (source !== null ? labels.get(source) : undefined) ?? 'Batas waktu';
  const cut = title.lastIndexOf(': ');
  return cut >= 0 ? `${label}: ${title.slice(cut + 2)}` : label;
}

export function monitoringApi(registry: Registry): ApiRouter {
  const app = apiRouter();
  const labels = new Map(deadlineSourcesOf(registry).map((s) => [s.name, s.label]));

  app.openapi(monitoringRegionsRoute, async (c) => {
    const q = c.req.valid('query');
    let afterCode: string | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      if (!cur || typeof cur.after !== 'string' || !isRegionCode(cur.after)) throw badCursor();
      afterCode = cur.after;
    }
    const db = c.get('db');
    const now = Date.now();
    const [rows, settings] = await Promise.all([
      listForApi(db, { level: q.level, kecamatan: q.kecamatan, freshness: q.freshness, afterCode, limit: q.limit + 1 }),
      loadSettings(db),
    ]);
    const page = rows.slice(0, q.limit);
    const first = page[0];
    const last = page[page.length - 1];
    const flags = first && last ? await openFlagsInRange(db, first.code, last.code) : [];
    const byRegion = new Map<string, typeof flags>();
    for (const f of flags) byRegion.set(f.regionCode, [...(byRegion.get(f.regionCode) ?? []), f]);
    const body: z.infer<typeof MonitoringRegionsJson> = {
      data: page.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parent_code: r.parentCode,
        stage: r.stage,
        freshness: r.freshness,
        last_content_at: r.lastContentAt === null ? null : toIsoUtc(r.lastContentAt),
        days_since_update: r.lastContentAt === null ? null : Math.max(0, daysAgo(r.lastContentAt, now)),
        completeness: { done: r.checklistDone, total: r.checklistTotal },
        deadlines: {
          near: r.deadlinesNear,
          overdue: r.deadlinesOverdue,
          long_overdue: r.deadlinesLongOverdue,
          handled: r.deadlinesClosed,
          handled_on_time: r.deadlinesClosedOnTime,
        },
        score: r.score,
        rollup_score: r.rollupScore,
        handover_ready: handoverReady(r, settings.readinessDays, now),
        flags: (byRegion.get(r.code) ?? []).map((f) => ({
          kind: f.kind,
          state: f.state,
          // Deadline titles name the ticket/request number: partners get the kind of item only.
          title: f.kind === 'tenggat' ? partnerDeadlineTitle(labels, f.source, f.title) : f.title,
          source: f.source,
          escalated_to: f.audienceCode,
          since: toIsoUtc(f.openedAt),
          due_at: f.kind === 'tenggat' && f.subjectAt !== null ? toIsoUtc(f.subjectAt) : null,
        })),
      })),
      next_cursor: rows.length > q.limit && last ? encodeCursor({ after: last.code }) : null,
    };
    return jsonWithEtag(c, body, { cacheControl: 'private, max-age=60' });
  });

  return app;
}
