import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { postPurgeScope } from './nearby-posts';
import { posts, type PostRow } from '../../db/schema';
import { newId } from '../../lib/ids';
import { publishRights } from '../../publishing/rights';
import { importActions, planTransitions } from '../../publishing/workflow';
import { fixedPageLabel } from '../../regions/fixed-pages';
import { touchContentUpdate } from '../../regions/freshness';
import { authorize } from '../../regions/guard';
import { regionHref } from '../../regions/paths';
import type { ImportDeps, ImportedOutcome, ImportedPost, ImportWrite } from '../import-targets';
import { findPostByImportKey, slugsLike } from './admin-repo';
import { slugify, uniqueSlug } from './slug';
import { changesPublicPages } from './workflow';

/**
 * The content feature's import target (src/features/import-targets.ts): an old site's article or page becomes a post,
 * identified by its source key. New posts follow the publishing workflow's rule for imports (`importActions`: published
 * in a mandiri region or when Diskominfo publishes directly, otherwise waiting for review) and keep their original date
 * and author name. A second import of the same item changes nothing when the fields are equal, updates them when the
 * source changed, and never overwrites a post edited on the portal since the last import.
 */
const pathOf = (regionPath: string, p: Pick<PostRow, 'kind' | 'slug'>) =>
  p.kind === 'halaman' ? regionHref(regionPath, 'tentang', p.slug) : regionHref(regionPath, 'berita', p.slug);

/** The fields an import writes; the kind is set once, when the post is made (a page never turns into news). */
function fieldsOf(item: ImportedPost) {
  return {
    title: item.title,
    summary: item.summary,
    bodyMd: item.bodyMd,
    byline: item.byline,
    coverKey: item.coverKey,
    coverMedia: item.coverKey ? item.coverMedia : null,
    coverAlt: item.coverKey ? item.coverAlt : null,
  };
}

function sameAs(row: PostRow, item: ImportedPost): boolean {
  const f = fieldsOf(item);
  return (Object.keys(f) as Array<keyof typeof f>).every((k) => (row[k] ?? null) === (f[k] ?? null)) && row.publishedAt === item.publishedAt;
}

export async function importPost(deps: ImportDeps, item: ImportedPost, write: ImportWrite, ctx: ActionContext): Promise<ImportedOutcome> {
  const { db } = deps;
  const region = await authorize(db, ctx.actor, 'content.draft', item.regionCode);
  const rights = publishRights(ctx.actor, region);
  const existing = await findPostByImportKey(db, item.regionCode, item.key);
  if (existing) {
    const path = pathOf(region.path, existing);
    if (sameAs(existing, item)) return { outcome: 'tetap', id: existing.id, path, updatedAt: existing.updatedAt };
    if (write.unchangedSince !== null && existing.updatedAt > write.unchangedSince) {
      return { outcome: 'dilewati', reason: 'Tulisan ini sudah diubah di portal sejak impor sebelumnya; tidak ditimpa.', id: existing.id, path };
    }
    const t = planTransitions(existing.status, ['save'], rights, 'tulisan');
    if (!t.ok) return { outcome: 'dilewati', reason: t.message, id: existing.id, path };
    const changes = { ...fieldsOf(item), publishedAt: item.publishedAt, status: t.to, updatedAt: ctx.now };
    const live = changesPublicPages(existing, { status: t.to, publishedAt: item.publishedAt }, ctx.now);
    const [res] = await db.batch([
      db
        .update(posts)
        .set(changes)
        .where(and(eq(posts.id, existing.id), eq(posts.updatedAt, existing.updatedAt))),
      auditInsert(db, ctx, {
        action: 'content.import.update',
        regionCode: item.regionCode,
        entityType: 'post',
        entityId: existing.id,
        summary: `Memperbarui dari situs lama “${item.title}”`,
        before: { title: existing.title, status: existing.status },
        after: { title: item.title, status: t.to, source: item.key },
      }),
      ...(live ? [touchContentUpdate(db, item.regionCode, ctx.now)] : []),
    ]);
    if (res.meta.changes === 0) return { outcome: 'dilewati', reason: 'Tulisan ini sedang diubah orang lain; coba impor lagi.', id: existing.id, path };
    if (live) await purgeRegionPages(deps, item.regionCode, ctx.requestId, postPurgeScope(existing.kind));
    return { outcome: 'diperbarui', id: existing.id, path, updatedAt: ctx.now };
  }

  let slug: string;
  if (item.kind === 'halaman' && item.pageSlug) {
    const taken = await slugsLike(db, item.regionCode, item.pageSlug);
    if (taken.has(item.pageSlug)) {
      return {
        outcome: 'dilewati',
        reason: `Halaman ${fixedPageLabel(item.pageSlug)} wilayah ini sudah ada di portal; isinya tidak ditimpa oleh impor.`,
        id: null,
        path: null,
      };
    }
    slug = item.pageSlug;
  } else {
    const base = slugify(item.slug) || slugify(item.title) || 'tulisan';
    slug = uniqueSlug(base, await slugsLike(db, item.regionCode, base));
  }
  const kind = item.kind === 'halaman' && item.pageSlug ? 'halaman' : 'berita';
  const actions = importActions(region.stage, rights, write.publishDirectly);
  const t = planTransitions('draft', actions, rights, 'tulisan');
  if (!t.ok) return { outcome: 'dilewati', reason: t.message, id: null, path: null };
  const id = newId(ctx.now);
  const row = {
    id,
    regionCode: item.regionCode,
    slug,
    ...fieldsOf(item),
    kind,
    status: t.to,
    authorId: ctx.actor.id,
    publishedAt: item.publishedAt,
    importKey: item.key,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  } as const;
  const live = changesPublicPages({ status: 'draft', publishedAt: null }, row, ctx.now);
  await db.batch([
    db.insert(posts).values(row),
    auditInsert(db, ctx, {
      action: 'content.import',
      regionCode: item.regionCode,
      entityType: 'post',
      entityId: id,
      summary: `Mengimpor dari situs lama “${item.title}” (${t.to === 'terbit' ? 'terbit' : 'dikirim untuk ditinjau'})`,
      after: { status: t.to, kind, slug, source: item.key, publishedAt: item.publishedAt },
    }),
    ...(live ? [touchContentUpdate(db, item.regionCode, ctx.now)] : []),
  ]);
  if (live) await purgeRegionPages(deps, item.regionCode, ctx.requestId, postPurgeScope(kind));
  return { outcome: 'dibuat', id, path: pathOf(region.path, row), updatedAt: ctx.now };
}
