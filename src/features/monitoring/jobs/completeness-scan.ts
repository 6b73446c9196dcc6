import { and, eq, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { publicDocument } from '../../../publishing/visibility';
import type { Db } from '../../../db/client';
import { documents, posts, ppidProfiles, type ChecklistItemRow } from '../../../db/schema';
import { runBatched } from '../batch';
import { planFlagSync, type DesiredFlag } from '../flags';
import { fixLinks } from '../links';
import { flagNotifications, loadRecipients, summaryNotifications } from '../notify';
import type { JobContext, JobOutcome } from '../runs';
import { categoriesOf, loadChecklist, loadSettings, requirementsFor, type Requirement } from '../settings';
import { cloneStatuses, emptyStatus, loadRegionsLite, loadStatuses, statusWrites } from '../store';
import { escapeLike } from '../../../lib/validation';

/**
 * Daily completeness scan (cron "0 17 * * *"). The mandatory checklist is data (monitoring_checklist, edited by
 * Diskominfo); years are WITA years relative to the scan. Satisfied by:
 * - dokumen: a public (not `dikecualikan`), non-deleted document with a file, of one of the item's categories, of the
 *   required year, whose title contains `title_contains` when set. "Realisasi APBDes tahun lalu" is modelled as
 *   category `apbdes` or `laporan` + title containing "realisasi" + last year, because the document categories have no
 *   separate "realisasi" (villages file it either as an APBDes document or as a report).
 * - halaman: the region's fixed page with that slug is published.
 * - profil_ppid: the region has a PPID profile with an officer name.
 * One grouped query per distinct document requirement (about ten in all), plus one for pages and one for profiles.
 */
export async function completenessScan(ctx: JobContext): Promise<JobOutcome> {
  const { db, now } = ctx;
  const settings = await loadSettings(db);
  if (ctx.trigger === 'cron' && !settings.enabled) return { counts: {}, skipped: 'Pemantauan terjadwal dimatikan di pengaturan.' };
  const [regionList, before, items, recipients] = await Promise.all([
    loadRegionsLite(db),
    loadStatuses(db),
    loadChecklist(db, { activeOnly: true }),
    loadRecipients(db),
  ]);

  const levels = [...new Set(regionList.map((r) => r.level))];
  const reqsByLevel = new Map(levels.map((l) => [l, requirementsFor(items, l, now)]));
  const allReqs = [...reqsByLevel.values()].flat();
  const satisfied = await satisfiedSets(db, allReqs, now);

  const next = cloneStatuses(before);
  const desired: DesiredFlag[] = [];
  const counts = { wilayah: regionList.length, lengkap: 0, kurang: 0, item: 0 };
  for (const r of regionList) {
    const reqs = reqsByLevel.get(r.level) ?? [];
    let done = 0;
    for (const req of reqs) {
      if (satisfied.get(req.key)?.has(r.code)) {
        done++;
        continue;
      }
      desired.push({
        regionCode: r.code,
        key: req.key,
        state: 'belum_ada',
        audienceCode: r.code,
        source: req.item.kind,
        title: `Belum ada: ${req.label}`,
        reference: null,
        href: fixHref(r.code, req),
        subjectAt: null,
      });
    }
    counts.item += reqs.length;
    if (done === reqs.length) counts.lengkap++;
    else counts.kurang++;
    const row = next.get(r.code) ?? emptyStatus(r.code, now);
    row.checklistTotal = reqs.length;
    row.checklistDone = done;
    next.set(r.code, row);
  }

  const plan = await planFlagSync(db, 'kelengkapan', desired, now);
  const statusStatements = statusWrites(db, regionList, before, next, ['checklistTotal', 'checklistDone'], now);
  const byCode = new Map(regionList.map((r) => [r.code, r]));
  const notes = flagNotifications(db, [...plan.opened, ...plan.changed], recipients, byCode, now);
  const changes = plan.opened.length + plan.changed.length + plan.resolved;
  const summary = changes
    ? summaryNotifications(
        db,
        'kelengkapan',
        `Kelengkapan: ${counts.kurang} wilayah belum lengkap`,
        `${plan.opened.length} kekurangan baru, ${plan.resolved} sudah dilengkapi.`,
        '/admin/pemantauan?kelengkapan=kurang',
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

function fixHref(regionCode: string, req: Requirement): string {
  switch (req.item.kind) {
    case 'dokumen':
      return fixLinks.uploadDocument(regionCode, categoriesOf(req.item)[0], req.year);
    case 'halaman':
      return fixLinks.writePage(regionCode, req.item.pageSlug ?? 'profil');
    case 'profil_ppid':
      return fixLinks.ppidProfile(regionCode);
  }
}

/** requirement key → region codes that satisfy it. */
async function satisfiedSets(db: Db, reqs: readonly Requirement[], now: number): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const docQueries = new Map<string, { keys: string[]; item: ChecklistItemRow; year: number | null }>();
  for (const req of reqs) {
    if (req.item.kind !== 'dokumen') continue;
    const sig = `${categoriesOf(req.item).join(' ')}|${req.year ?? ''}|${(req.item.titleContains ?? '').toLowerCase()}`;
    const q = docQueries.get(sig) ?? { keys: [], item: req.item, year: req.year };
    q.keys.push(req.key);
    docQueries.set(sig, q);
  }
  const needPages = reqs.some((r) => r.item.kind === 'halaman');
  const needProfiles = reqs.some((r) => r.item.kind === 'profil_ppid');
  const [docResults, pages, profiles] = await Promise.all([
    Promise.all([...docQueries.values()].map((q) => documentRegions(db, q.item, q.year, now))),
    needPages
      ? db
          .selectDistinct({ code: posts.regionCode, slug: posts.slug })
          .from(posts)
          .where(and(eq(posts.kind, 'halaman'), eq(posts.status, 'terbit'), lte(posts.publishedAt, now)))
          .all()
      : Promise.resolve([]),
    needProfiles ? db.select({ code: ppidProfiles.regionCode }).from(ppidProfiles).where(ne(ppidProfiles.officerName, '')).all() : Promise.resolve([]),
  ]);
  [...docQueries.values()].forEach((q, i) => {
    const set = new Set(docResults[i]);
    for (const k of q.keys) out.set(k, set);
  });
  const pagesBySlug = new Map<string, Set<string>>();
  for (const p of pages) pagesBySlug.set(p.slug, (pagesBySlug.get(p.slug) ?? new Set<string>()).add(p.code));
  const profileSet = new Set(profiles.map((p) => p.code));
  for (const req of reqs) {
    if (req.item.kind === 'halaman') out.set(req.key, pagesBySlug.get(req.item.pageSlug ?? '') ?? new Set());
    else if (req.item.kind === 'profil_ppid') out.set(req.key, profileSet);
  }
  return out;
}

async function documentRegions(db: Db, item: ChecklistItemRow, year: number | null, now: number): Promise<string[]> {
  const cats = categoriesOf(item) as Array<(typeof documents.category.enumValues)[number]>;
  const conds: SQL[] = [publicDocument(), lte(documents.createdAt, now)];
  if (cats.length) conds.push(inArray(documents.category, cats));
  if (year !== null) conds.push(eq(documents.year, year));
  const words = (item.titleContains ?? '').trim();
  if (words) conds.push(sql`${documents.title} LIKE ${`%${escapeLike(words)}%`} ESCAPE '\\'`);
  const rows = await db
    .selectDistinct({ code: documents.regionCode })
    .from(documents)
    .where(and(...conds))
    .all();
  return rows.map((r) => r.code);
}
