import { and, eq, lte, max } from 'drizzle-orm';
import { publicDocument } from '../../../publishing/visibility';
import { documents, posts } from '../../../db/schema';
import { runBatched } from '../batch';
import { planFlagSync, type DesiredFlag } from '../flags';
import { freshnessOf, nextFreshSince, thresholdsFor } from '../freshness';
import { fixLinks } from '../links';
import { flagNotifications, loadRecipients, summaryNotifications } from '../notify';
import type { JobContext, JobOutcome } from '../runs';
import { loadSettings } from '../settings';
import { cloneStatuses, emptyStatus, loadRegionsLite, loadStatuses, statusWrites } from '../store';

/**
 * Daily freshness scan (cron "0 17 * * *", 01:00 WITA). For every region: the last instant its OWN content was
 * published (posts of any kind, status `terbit`, published_at <= now; public non-deleted documents with a file),
 * → segar / perlu_pembaruan / usang by the thresholds of its level (see src/features/monitoring/freshness.ts).
 * Two grouped queries read the content, whatever the number of regions; writes are only the differences.
 */
export async function freshnessScan(ctx: JobContext): Promise<JobOutcome> {
  const { db, now } = ctx;
  const settings = await loadSettings(db);
  if (ctx.trigger === 'cron' && !settings.enabled) return { counts: {}, skipped: 'Pemantauan terjadwal dimatikan di pengaturan.' };
  const [regionList, before, postMax, docMax, recipients] = await Promise.all([
    loadRegionsLite(db),
    loadStatuses(db),
    db
      .select({ code: posts.regionCode, at: max(posts.publishedAt) })
      .from(posts)
      .where(and(eq(posts.status, 'terbit'), lte(posts.publishedAt, now)))
      .groupBy(posts.regionCode)
      .all(),
    db
      .select({ code: documents.regionCode, at: max(documents.updatedAt) })
      .from(documents)
      .where(and(publicDocument(), lte(documents.updatedAt, now)))
      .groupBy(documents.regionCode)
      .all(),
    loadRecipients(db),
  ]);
  const last = new Map<string, number>();
  for (const r of [...postMax, ...docMax]) if (r.at !== null) last.set(r.code, Math.max(last.get(r.code) ?? 0, r.at));

  const next = cloneStatuses(before);
  const desired: DesiredFlag[] = [];
  const counts = { wilayah: regionList.length, segar: 0, perlu_pembaruan: 0, usang: 0 };
  for (const r of regionList) {
    const lastAt = last.get(r.code) ?? null;
    const state = freshnessOf(lastAt, now, thresholdsFor(settings, r.level));
    counts[state]++;
    const row = next.get(r.code) ?? emptyStatus(r.code, now);
    row.freshSince = nextFreshSince(before.get(r.code), state, now);
    row.freshness = state;
    row.lastContentAt = lastAt;
    next.set(r.code, row);
    if (state === 'segar') continue;
    desired.push({
      regionCode: r.code,
      key: 'kesegaran',
      state,
      audienceCode: r.code,
      source: null,
      title: lastAt === null ? 'Belum ada konten yang diterbitkan' : state === 'usang' ? 'Konten sudah usang' : 'Konten perlu diperbarui',
      reference: null,
      href: fixLinks.writePost(r.code),
      subjectAt: lastAt,
    });
  }

  const plan = await planFlagSync(db, 'kesegaran', desired, now);
  const statusStatements = statusWrites(db, regionList, before, next, ['freshness', 'lastContentAt', 'freshSince'], now);
  const byCode = new Map(regionList.map((r) => [r.code, r]));
  const notes = flagNotifications(db, [...plan.opened, ...plan.changed], recipients, byCode, now);
  const changes = plan.opened.length + plan.changed.length + plan.resolved;
  const summary = changes
    ? summaryNotifications(
        db,
        'kesegaran',
        `Kesegaran konten: ${counts.usang} usang, ${counts.perlu_pembaruan} perlu pembaruan`,
        `${plan.opened.length} tanda baru, ${plan.changed.length} berubah, ${plan.resolved} selesai.`,
        '/admin/pemantauan?kesegaran=usang',
        recipients,
        now,
      )
    : [];
  await runBatched(db, [...plan.statements, ...statusStatements, ...notes, ...summary]);
  return {
    counts: {
      ...counts,
      tanda_baru: plan.opened.length,
      tanda_berubah: plan.changed.length,
      tanda_selesai: plan.resolved,
      tanda_ditunda: plan.deferred,
      status_ditulis: statusStatements.length,
      notifikasi: notes.length + summary.length,
    },
  };
}
