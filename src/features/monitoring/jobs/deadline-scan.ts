import { holidays } from '../../../db/schema';
import type { OpenDeadlineItem } from '../../deadlines';
import { runBatched } from '../batch';
import { planFlagSync, type DesiredFlag } from '../flags';
import { flagNotifications, loadRecipients } from '../notify';
import type { JobContext, JobOutcome } from '../runs';
import { loadSettings } from '../settings';
import { cloneStatuses, emptyStatus, loadRegionsLite, loadStatuses, parentOf, statusWrites } from '../store';
import { DAY_MS } from '../../../lib/time';
import { addWorkingDays, deadlineState, holidayCalendar, workingDaysBetween, type HolidayCalendar } from '../../../lib/working-days';

export type EscalationState = 'mendekati' | 'lewat' | 'lewat_lama';

/**
 * Escalation of one item (pure): `mendekati` when at most 1 working day remains (flagged to the item's region),
 * `lewat` once past due (also flagged to the parent kecamatan — or the regency for a kecamatan's own item), and
 * `lewat_lama` once `escalateAfterDays` working days have passed since the deadline (flagged to Diskominfo). Three
 * working days by default: a full half-week after the kecamatan was told, so Diskominfo only sees what the kecamatan
 * did not resolve. Working days come from the holiday calendar, so a deadline before Lebaran does not turn
 * "long past due" during the holidays. null = not near yet.
 */
export function escalationOf(dueAt: number, now: number, cal: HolidayCalendar, escalateAfterDays: number): EscalationState | null {
  const state = deadlineState(dueAt, now, cal);
  if (state === 'aman') return null;
  if (state === 'mendekati') return 'mendekati';
  return workingDaysBetween(dueAt, now, cal) >= escalateAfterDays ? 'lewat_lama' : 'lewat';
}

/**
 * Hourly deadline scan (cron "5 * * * *") over every registered DeadlineSource (complaints, PPID requests and objections).
 * Each source answers one bounded query for items due before the end of the 2nd next working day (all near and past
 * due items, never the whole backlog) and one grouped query of items handled within the readiness period.
 */
export async function deadlineScan(ctx: JobContext): Promise<JobOutcome> {
  const { db, now } = ctx;
  const settings = await loadSettings(db);
  if (ctx.trigger === 'cron' && !settings.enabled) return { counts: {}, skipped: 'Pemantauan terjadwal dimatikan di pengaturan.' };
  const [regionList, before, holidayRows, recipients] = await Promise.all([
    loadRegionsLite(db),
    loadStatuses(db),
    db.select({ date: holidays.date }).from(holidays).all(),
    loadRecipients(db),
  ]);
  const cal = holidayCalendar(holidayRows.map((h) => h.date));
  const horizon = addWorkingDays(now, 2, cal);
  const since = now - settings.readinessDays * DAY_MS;
  const labels = new Map(ctx.deadlineSources.map((s) => [s.name, s.label]));
  const results = await Promise.all(
    ctx.deadlineSources.map(async (s) => ({ open: await s.listOpen(db, { now, horizon }), closed: await s.closedStats(db, { since, now }) })),
  );

  const byCode = new Map(regionList.map((r) => [r.code, r]));
  const root = regionList.find((r) => r.parentCode === null)?.code ?? regionList[0]?.code ?? '';
  const perRegion = new Map<string, { near: number; overdue: number; long: number; closed: number; onTime: number }>();
  const tally = (code: string) => perRegion.get(code) ?? perRegion.set(code, { near: 0, overdue: 0, long: 0, closed: 0, onTime: 0 }).get(code)!;
  const desired: DesiredFlag[] = [];
  const counts = { item: 0, mendekati: 0, lewat: 0, lewat_lama: 0 };

  for (const { open, closed } of results) {
    for (const s of closed) {
      const t = tally(s.regionCode);
      t.closed += s.closed;
      t.onTime += Number(s.onTime);
    }
    for (const item of open) {
      const region = byCode.get(item.regionCode);
      const state = escalationOf(item.dueAt, now, cal, settings.escalateAfterDays);
      if (!region || !state) continue;
      counts.item++;
      counts[state]++;
      const t = tally(item.regionCode);
      if (state === 'mendekati') t.near++;
      else t.overdue++;
      if (state === 'lewat_lama') t.long++;
      desired.push(
        flagOf(
          item,
          labels.get(item.source) ?? item.source,
          state,
          state === 'mendekati' ? item.regionCode : state === 'lewat' ? parentOf(region, root) : root,
        ),
      );
    }
  }

  const next = cloneStatuses(before);
  for (const r of regionList) {
    const t = perRegion.get(r.code) ?? { near: 0, overdue: 0, long: 0, closed: 0, onTime: 0 };
    const row = next.get(r.code) ?? emptyStatus(r.code, now);
    const prev = before.get(r.code);
    row.deadlinesNear = t.near;
    row.deadlinesOverdue = t.overdue;
    row.deadlinesLongOverdue = t.long;
    row.deadlinesClosed = t.closed;
    row.deadlinesClosedOnTime = t.onTime;
    // Streak without overdue items: kept while none is past due, reset by any (late handling is checked separately).
    const clean = t.overdue === 0;
    row.onTimeSince = clean ? (prev?.onTimeSince ?? now) : null;
    next.set(r.code, row);
  }

  const plan = await planFlagSync(db, 'tenggat', desired, now);
  const statusStatements = statusWrites(
    db,
    regionList,
    before,
    next,
    ['deadlinesNear', 'deadlinesOverdue', 'deadlinesLongOverdue', 'deadlinesClosed', 'deadlinesClosedOnTime', 'onTimeSince'],
    now,
  );
  const notes = flagNotifications(db, [...plan.opened, ...plan.changed], recipients, byCode, now);
  await runBatched(db, [...plan.statements, ...statusStatements, ...notes]);
  return {
    counts: {
      ...counts,
      tanda_baru: plan.opened.length,
      tanda_berubah: plan.changed.length,
      tanda_selesai: plan.resolved,
      tanda_ditunda: plan.deferred,
      status_ditulis: statusStatements.length,
      notifikasi: notes.length,
    },
  };
}

function flagOf(item: OpenDeadlineItem, label: string, state: EscalationState, audienceCode: string): DesiredFlag {
  return {
    regionCode: item.regionCode,
    key: `${item.source}:${item.id}`,
    state,
    audienceCode,
    source: item.source,
    title: `${label} ${item.reference}: ${item.kind}`,
    reference: item.reference,
    href: item.adminHref,
    subjectAt: item.dueAt,
  };
}
