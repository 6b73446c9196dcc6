// Status by schedule (cron, daily at 01:00 WITA and hourly): each package with a schedule or a contract period moves
// as the clock says (pengumuman → berlangsung when registration closes, a contract → selesai when its period ends),
// its due update is recomputed, and the public pages of packages whose stage changed are purged so "the stage under
// way" and the time left are right. Idempotent: a second run at the same moment writes nothing and purges nothing.
import { and, eq, isNotNull, isNull, ne, notInArray, or } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages, type PurgeDeps } from '../../cache/purge';
import { createDb } from '../../db/client';
import { tenders } from '../../db/schema';
import type { Bindings } from '../../env';
import type { ScheduledJob } from '../descriptor';
import { factsOfRow } from './content';
import { STATUS_LABELS } from './labels';
import { deriveState, parseSchedule } from './schedule';
import { locationsOf, regionsOf, runBatched, type Statement } from './store';

/** A stage boundary within this window before `now` purges the package's pages (the job runs at least hourly). */
const BOUNDARY_LOOKBACK_MS = 65 * 60 * 1000;

export async function refreshTenderStatuses(deps: PurgeDeps, now: number): Promise<{ changed: number; purged: string[] }> {
  const { db } = deps;
  const rows = await db
    .select()
    .from(tenders)
    .where(
      and(isNull(tenders.deletedAt), notInArray(tenders.status, ['gagal', 'selesai']), or(ne(tenders.scheduleJson, '[]'), isNotNull(tenders.contractEndAt))),
    )
    .all();
  const ctx = { actor: SYSTEM_ACTOR, requestId: null, now };
  const statements: Statement[] = [];
  const touched: typeof rows = [];
  let changedRows = 0;
  for (const row of rows) {
    const next = deriveState(factsOfRow(row), now, row);
    const changed = next.status !== row.status || next.updateDueAt !== row.updateDueAt || next.onTime !== row.onTime;
    const crossed = parseSchedule(row.scheduleJson).some((w) => [w.s, w.e + 1].some((b) => b <= now && b > now - BOUNDARY_LOOKBACK_MS));
    if (crossed || changed) touched.push(row);
    if (!changed) continue;
    changedRows++;
    statements.push(
      db
        .update(tenders)
        .set({ ...next, ...(next.status !== row.status ? { updatedAt: now } : {}) })
        .where(and(eq(tenders.id, row.id), eq(tenders.contentHash, row.contentHash), eq(tenders.status, row.status))),
    );
    if (next.status !== row.status) {
      statements.push(
        auditInsert(db, ctx, {
          action: 'tender.status.schedule',
          regionCode: row.regionCode,
          entityType: 'tender',
          entityId: row.id,
          summary: `Status paket “${row.name}” mengikuti jadwal: ${STATUS_LABELS[row.status]} → ${STATUS_LABELS[next.status]}`,
          before: { status: row.status },
          after: { status: next.status },
        }),
      );
    }
  }
  await runBatched(db, statements);
  const visible = touched.filter((r) => r.publishStatus === 'terbit');
  const locations = await locationsOf(
    db,
    visible.map((r) => r.id),
  );
  const codes = [...new Set(visible.flatMap((r) => regionsOf({ regionCode: r.regionCode, locationCodes: locations.get(r.id) ?? [] })))];
  for (const code of codes) await purgeRegionPages(deps, code);
  if (changedRows || codes.length) console.log(JSON.stringify({ msg: 'tender statuses refreshed', changed: changedRows, purged: codes.length }));
  return { changed: changedRows, purged: codes };
}

async function run(controller: ScheduledController, env: Bindings): Promise<void> {
  try {
    await refreshTenderStatuses({ db: createDb(env.DB), env }, controller.scheduledTime);
  } catch (err) {
    console.error(JSON.stringify({ msg: 'tender status job failed', err: err instanceof Error ? err.message : String(err) }));
  }
}

/** Daily at 01:00 WITA (right after midnight, when date-only stages turn) and hourly for stages that end by the hour. */
export const tenderScheduleJobs: ScheduledJob[] = [
  { name: 'tender statuses', schedule: 'daily', run },
  { name: 'tender statuses', schedule: 'hourly', run },
];
