import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { posts, regions, type PostRow, type PostStatus } from '../../db/schema';
import type { ActionContext, Actor } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { AppError } from '../../lib/errors';
import type { CheckedUpload } from '../../lib/upload';
import { restoreFields, softDeleteFields } from '../../publishing/trash';
import { AUDIT_SUFFIX, AUDIT_VERBS, editActions, planTransitions, type PublishAction, type PublishRights } from '../../publishing/workflow';
import { touchContentUpdate } from '../../regions/freshness';
import { findPostForAdmin } from './admin-repo';
import { fanOutRights } from './fan-out';
import { postPurgeScope } from './nearby-posts';
import type { PostFormData } from './schemas';
import { deleteCover, fieldsOf, loadPostFor, putCover, releaseCover, type ContentDeps } from './service';
import { changesPublicPages, publicationTime } from './workflow';

/**
 * One announcement, many regions, after creation (issue 15): the copies of a fan-out announcement stay ONE
 * announcement through `posts.fan_out_group`.
 *
 * The rule (what a regency officer expects, and what the editor says on top of the form):
 * - An officer who may work on EVERY live copy (Diskominfo; a kecamatan operator for an announcement to its villages)
 *   edits the announcement once: title, summary, body, dates and cover change in every copy, in one `db.batch` with an
 *   audit entry per copy; every region whose public pages change is purged through the one purge function.
 * - Each copy still follows its region's stage. Where the officer may publish, a live copy stays live with the new
 *   text; where its stage needs review, the copy goes (back) to that region's review queue — a live copy is taken
 *   off the site until it is approved again, so unreviewed text is never public. A copy waiting for review stays in
 *   the queue (a shared edit never silently withdraws a submission); a draft follows the chosen button.
 * - An officer who may work on only SOME copies (a village operator on its own copy) cannot change the others. It
 *   may "Lepaskan dari pengumuman bersama": its copy leaves the group (audited) and from then on is its own post.
 *   Deleting its copy alone detaches it in the same step.
 * - Delete and restore follow the same rule: the whole group (published copies are taken down in the same step) when
 *   the officer may delete every copy, after a confirmation listing the regions; restore brings back every copy that
 *   was deleted with it, as drafts.
 */

type RegionInfo = { regionName: string; regionLevel: (typeof regions.$inferSelect)['level']; regionStage: (typeof regions.$inferSelect)['stage'] };
type GroupCopy = { post: PostRow; rights: PublishRights } & RegionInfo;

/** The copies of a group with the actor's rights on each, kecamatan first, then by code. */
async function loadCopies(db: Db, actor: Actor, group: string, opts: { deletedAt?: number } = {}): Promise<GroupCopy[]> {
  const rows = await db
    .select({ post: posts, regionName: regions.name, regionLevel: regions.level, regionStage: regions.stage })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(and(eq(posts.fanOutGroup, group), opts.deletedAt === undefined ? isNull(posts.deletedAt) : eq(posts.deletedAt, opts.deletedAt)))
    .orderBy(asc(posts.regionCode))
    .all();
  return rows.map((r) => ({ ...r, rights: fanOutRights(actor, { code: r.post.regionCode, level: r.regionLevel, stage: r.regionStage }) }));
}

export interface CopyPlan {
  actions: PublishAction[];
  to: PostStatus;
  /** A live copy taken off the site and sent to its region's review because the officer may not publish there. */
  resubmitted: boolean;
}

/** What a shared edit does to one copy (null: the officer may not change this copy). See the module comment. */
export function copyEditPlan(from: PostStatus, aksi: PostFormData['aksi'], rights: PublishRights): CopyPlan | null {
  if (!rights.draft && !rights.publish) return null;
  const wanted = aksi === 'terbitkan' && !rights.publish ? 'kirim' : aksi;
  let actions: PublishAction[] = editActions(from, wanted);
  let t = planTransitions(from, actions, rights);
  if (t.ok && t.to === 'draft' && from === 'menunggu_tinjauan') {
    actions = [...actions, 'submit'];
    t = planTransitions(from, actions, rights);
  }
  if (t.ok) return { actions, to: t.to, resubmitted: false };
  if (from === 'terbit' && rights.draft) return { actions: ['save', 'submit'], to: 'menunggu_tinjauan', resubmitted: true };
  return null;
}

/** May the actor delete this copy (taking it down first when it is live)? */
const mayDelete = (c: GroupCopy) => (c.post.status === 'terbit' ? c.rights.publish || c.rights.review : c.rights.draft || c.rights.publish);

export interface GroupView {
  group: string;
  copies: Array<{
    id: string;
    regionCode: string;
    regionName: string;
    regionLevel: GroupCopy['regionLevel'];
    status: PostStatus;
    editable: boolean;
    reviewed: boolean;
  }>;
  /** The actor may change every copy: an edit here changes them all. */
  allEditable: boolean;
  allDeletable: boolean;
}

/** The group an edited post belongs to, as the editor shows it; null for a post that stands alone. */
export async function groupViewOf(db: Db, actor: Actor, post: PostRow): Promise<GroupView | null> {
  if (!post.fanOutGroup) return null;
  const copies = await loadCopies(db, actor, post.fanOutGroup);
  if (copies.length < 2) return null;
  const view = copies.map((c) => {
    const plan = copyEditPlan(c.post.status, 'simpan', c.rights);
    return {
      id: c.post.id,
      regionCode: c.post.regionCode,
      regionName: c.regionName,
      regionLevel: c.regionLevel,
      status: c.post.status,
      editable: plan !== null,
      reviewed: !c.rights.publish,
    };
  });
  return { group: post.fanOutGroup, copies: view, allEditable: view.every((c) => c.editable), allDeletable: copies.every(mayDelete) };
}

/** Refuses a shared edit by an officer who may not change every copy (the editor offers "Lepaskan…"). */
function partialRefusal(): AppError {
  const message =
    'Pengumuman ini juga tampil di wilayah yang bukan wewenang Anda, jadi perubahan tidak dapat berlaku untuk semua. ' +
    'Untuk mengubah salinan wilayah Anda saja, pilih “Lepaskan dari pengumuman bersama” lalu ubah salinannya.';
  return new AppError('conflict', message, { fieldErrors: [{ field: '_', message }] });
}

/**
 * Every statement of a group change runs only if no copy changed since it was read (another officer's edit, delete
 * or detach): D1 runs a batch as one transaction, so the copies change all together or not at all.
 */
function untouchedSince(group: string, copies: GroupCopy[], now: number) {
  const stamp = Math.max(...copies.map((c) => c.post.updatedAt));
  return sql`NOT EXISTS (SELECT 1 FROM posts g WHERE g.fan_out_group = ${group} AND g.updated_at > ${stamp} AND g.updated_at <> ${now})
    AND (SELECT count(*) FROM posts g WHERE g.fan_out_group = ${group} AND (g.deleted_at IS NULL OR g.deleted_at = ${now})) = ${copies.length}`;
}

const conflict = () =>
  new AppError('conflict', 'Salah satu salinan pengumuman ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.');

const changedCount = (results: unknown[], n: number) =>
  results.slice(0, n).reduce<number>((sum, r) => sum + ((r as { meta?: { changes?: number } }).meta?.changes ?? 0), 0);

/**
 * Saves an edit of a grouped post: every copy when the actor may change them all (see the module comment), nothing
 * and a clear refusal otherwise. Returns null for a post that stands alone (the caller runs the ordinary edit).
 */
export async function updateGroup(
  deps: ContentDeps,
  id: string,
  input: PostFormData,
  cover: CheckedUpload | null,
  ctx: ActionContext,
): Promise<{ status: PostStatus; previous: PostStatus; copies: number } | null> {
  const { db } = deps;
  const { post } = await loadPostFor(db, ctx.actor, id);
  if (!post.fanOutGroup) return null;
  const group = post.fanOutGroup;
  const copies = await loadCopies(db, ctx.actor, group);
  if (copies.length < 2) return null;
  if (input.kind !== post.kind)
    throw new AppError('validation', 'Jenis pengumuman bersama tidak dapat diubah.', {
      fieldErrors: [{ field: 'kind', message: 'Jenis pengumuman bersama tidak dapat diubah.' }],
    });
  const plans = copies.map((c) => ({ copy: c, plan: copyEditPlan(c.post.status, input.aksi, c.rights) }));
  if (plans.some((p) => p.plan === null)) throw partialRefusal();
  const newCover = cover ? await putCover(deps, cover, ctx.now) : null;
  const guard = untouchedSince(group, copies, ctx.now);
  const updates: BatchItem<'sqlite'>[] = [];
  const others: BatchItem<'sqlite'>[] = [];
  const live: string[] = [];
  for (const { copy, plan } of plans) {
    const p = copy.post;
    const { to, actions } = plan!;
    const wasLive = p.status === 'terbit';
    let publishedAt: number | null;
    if (to === 'terbit') publishedAt = wasLive ? (input.publish_at ?? p.publishedAt ?? ctx.now) : publicationTime(input.publish_at ?? p.publishedAt, ctx.now);
    else publishedAt = input.publish_at ?? (wasLive ? p.publishedAt : null);
    const coverKey = newCover?.key ?? (input.remove_cover ? null : p.coverKey);
    const coverMedia = newCover ? newCover.media : input.remove_cover ? null : p.coverMedia;
    const changes = { ...fieldsOf(input), coverKey, coverMedia, coverAlt: coverKey ? input.cover_alt : null, status: to, publishedAt, updatedAt: ctx.now };
    updates.push(
      db
        .update(posts)
        .set(changes)
        .where(and(eq(posts.id, p.id), eq(posts.fanOutGroup, group), isNull(posts.deletedAt), guard)),
    );
    const note = plan!.resubmitted ? ' (ditarik dari situs sampai disetujui peninjau wilayah ini)' : '';
    others.push(
      ...actions.map((a) =>
        auditInsert(db, ctx, {
          action: `content.${AUDIT_SUFFIX[a]}`,
          regionCode: p.regionCode,
          entityType: 'post',
          entityId: p.id,
          summary: `${AUDIT_VERBS[a]} pengumuman bersama “${input.title}” (${copies.length} wilayah)${note}`,
          before: { status: p.status, title: p.title, publishedAt: p.publishedAt, group },
          after: { status: to, title: input.title, publishedAt, group },
        }),
      ),
    );
    if (changesPublicPages(p, { status: to, publishedAt }, ctx.now)) {
      live.push(p.regionCode);
      others.push(touchContentUpdate(db, p.regionCode, ctx.now));
    }
  }
  try {
    const results = await db.batch([updates[0]!, ...updates.slice(1), ...others] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    if (changedCount(results, updates.length) !== copies.length) throw conflict();
  } catch (err) {
    await deleteCover(deps, newCover);
    throw err;
  }
  const oldCovers = new Map(copies.filter((c) => c.post.coverKey && c.post.coverKey !== newCover?.key).map((c) => [c.post.coverKey!, c.post.coverMedia]));
  if (newCover || input.remove_cover) for (const [key, media] of oldCovers) await releaseCover(deps, { key, media });
  for (const code of live) await purgeRegionPages({ db, env: deps.env }, code, ctx.requestId, postPurgeScope(post.kind));
  const edited = plans.find((p) => p.copy.post.id === id)!;
  return { status: edited.plan!.to, previous: post.status, copies: copies.length };
}

/**
 * Deletes a grouped post: every copy (live ones taken down in the same step) when the actor may delete them all,
 * else only its own copy, detached from the group. Returns null for a post that stands alone.
 */
export async function deleteGroup(deps: ContentDeps, id: string, ctx: ActionContext): Promise<{ copies: number } | null> {
  const { db } = deps;
  const { post } = await loadPostFor(db, ctx.actor, id);
  if (!post.fanOutGroup) return null;
  const group = post.fanOutGroup;
  const copies = await loadCopies(db, ctx.actor, group);
  if (copies.length < 2 || !copies.every(mayDelete)) return null;
  const guard = untouchedSince(group, copies, ctx.now);
  const updates: BatchItem<'sqlite'>[] = [];
  const others: BatchItem<'sqlite'>[] = [];
  for (const c of copies) {
    const p = c.post;
    updates.push(
      db
        .update(posts)
        .set(softDeleteFields(ctx))
        .where(and(eq(posts.id, p.id), eq(posts.fanOutGroup, group), isNull(posts.deletedAt), guard)),
    );
    const steps: PublishAction[] = p.status === 'terbit' ? ['unpublish', 'delete'] : ['delete'];
    others.push(
      ...steps.map((a) =>
        auditInsert(db, ctx, {
          action: `content.${AUDIT_SUFFIX[a]}`,
          regionCode: p.regionCode,
          entityType: 'post',
          entityId: p.id,
          summary: `${AUDIT_VERBS[a]} pengumuman bersama “${p.title}” di ${copies.length} wilayah${a === 'delete' ? ' (ke Sampah)' : ''}`,
          before: { status: p.status, title: p.title, group },
          after: a === 'delete' ? { deleted: true, group } : { status: 'draft', group },
        }),
      ),
    );
    if (changesPublicPages(p, { status: 'draft', publishedAt: null }, ctx.now)) others.push(touchContentUpdate(db, p.regionCode, ctx.now));
  }
  const results = await db.batch([updates[0]!, ...updates.slice(1), ...others] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  if (changedCount(results, updates.length) !== copies.length) throw conflict();
  for (const c of copies) {
    if (changesPublicPages(c.post, { status: 'draft', publishedAt: null }, ctx.now)) {
      await purgeRegionPages({ db, env: deps.env }, c.post.regionCode, ctx.requestId, postPurgeScope(c.post.kind));
    }
  }
  return { copies: copies.length };
}

/**
 * Restores a grouped post from the trash together with every copy deleted with it (same group, same deletion time),
 * as drafts, when the actor may restore them all. Returns null otherwise (the caller restores the one copy).
 */
export async function restoreGroup(deps: ContentDeps, id: string, ctx: ActionContext): Promise<{ copies: number } | null> {
  const { db } = deps;
  const post = (await findPostForAdmin(db, id, { deleted: true }))?.post;
  if (!post?.fanOutGroup || post.deletedAt === null) return null;
  const copies = await loadCopies(db, ctx.actor, post.fanOutGroup, { deletedAt: post.deletedAt });
  if (copies.length < 2 || !copies.every((c) => c.rights.draft || c.rights.publish)) return null;
  const statements: BatchItem<'sqlite'>[] = copies.flatMap((c) => [
    db
      .update(posts)
      .set(restoreFields(ctx))
      .where(and(eq(posts.id, c.post.id), isNotNull(posts.deletedAt))),
    auditInsert(db, ctx, {
      action: 'content.restore',
      regionCode: c.post.regionCode,
      entityType: 'post',
      entityId: c.post.id,
      summary: `Memulihkan pengumuman bersama “${c.post.title}” (${copies.length} wilayah) dari Sampah sebagai draf`,
      after: { status: 'draft', group: post.fanOutGroup },
    }),
  ]);
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return { copies: copies.length };
}

/** "Lepaskan dari pengumuman bersama": the copy becomes a post of its own region (audited); the others are unchanged. */
export async function detachCopy(deps: ContentDeps, id: string, ctx: ActionContext): Promise<{ regionCode: string }> {
  const { db } = deps;
  const { post, rights } = await loadPostFor(db, ctx.actor, id);
  if (!post.fanOutGroup) throw new AppError('conflict', 'Tulisan ini bukan bagian dari pengumuman bersama.');
  if (!rights.draft && !rights.publish) throw new AppError('forbidden', 'Anda tidak dapat mengubah tulisan di wilayah ini.');
  const [res] = await db.batch([detachStatement(db, post, ctx), detachAudit(db, post, ctx)]);
  if (res.meta.changes === 0) throw conflict();
  return { regionCode: post.regionCode };
}

/** The statement that takes one copy out of its group (guarded by the version the officer saw). */
function detachStatement(db: Db, post: PostRow, ctx: ActionContext) {
  return db
    .update(posts)
    .set({ fanOutGroup: null, updatedAt: ctx.now })
    .where(and(eq(posts.id, post.id), eq(posts.fanOutGroup, post.fanOutGroup ?? ''), eq(posts.updatedAt, post.updatedAt)));
}

function detachAudit(db: Db, post: PostRow, ctx: ActionContext) {
  return auditInsert(db, ctx, {
    action: 'content.detach',
    regionCode: post.regionCode,
    entityType: 'post',
    entityId: post.id,
    summary: `Melepaskan “${post.title}” dari pengumuman bersama: salinan wilayah ini kini diubah sendiri`,
    before: { group: post.fanOutGroup },
    after: { group: null },
  });
}
