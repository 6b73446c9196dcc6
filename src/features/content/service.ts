import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { posts, type PostRow, type PostStatus } from '../../db/schema';
import type { Bindings } from '../../env';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { markdownToPlainText } from '../../lib/markdown';
import { serializeManifest } from '../../media/manifest';
import { removeImage, saveImage } from '../../media/store';
import type { CheckedUpload } from '../../lib/upload';
import { authorize } from '../../regions/guard';
import type { ActionContext, Actor } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { findPostForAdmin, slugsLike } from './admin-repo';
import { purgeRegionPages, type PurgeDeps } from '../../cache/purge';
import { touchContentUpdate } from '../../regions/freshness';
import type { PostFormData } from './schemas';
import { fixedPageLabel } from '../../regions/fixed-pages';
import { slugify, uniqueSlug } from './slug';
import { publishRights } from '../../publishing/rights';
import {
  AUDIT_SUFFIX,
  AUDIT_VERBS,
  editActions,
  FORM_ACTIONS,
  planTransitions,
  type PublishAction as PostAction,
  type PublishRights as PostRights,
} from '../../publishing/workflow';
import { approvalTime, changesPublicPages, publicationTime } from './workflow';
import { postPurgeScope } from './nearby-posts';
import { restoreFields, restoreRefusal, softDeleteFields } from '../../publishing/trash';

/**
 * Content rules: create/edit drafts, submit, approve/reject with a note, publish/unpublish, delete drafts. The stage
 * flow comes from the access policy (workflow.ts turns rights into transitions). Every change is audited in the same
 * batch; every change the public can see updates `last_content_update` and purges the region's pages (and ancestors').
 */
export interface ContentDeps {
  db: Db;
  env: Pick<Bindings, 'PAGE_CACHE' | 'CACHE_GENERATION' | 'FILES' | 'IMAGES'>;
}

type RegionRef = Awaited<ReturnType<typeof authorize>>;

/** The actor's rights on a region it reaches (404 when it does not reach it at all). */
export async function rightsOn(db: Db, actor: Actor, regionCode: string): Promise<{ region: RegionRef; rights: PostRights }> {
  const region = await authorize(db, actor, 'dashboard.view', regionCode);
  return {
    region,
    rights: publishRights(actor, region),
  };
}

/** Loads a post the actor may work on: 404 when missing or outside its regions, 403 when it has no content right there. */
export async function loadPostFor(db: Db, actor: Actor, id: string) {
  const found = await findPostForAdmin(db, id);
  if (!found) throw new AppError('not_found', 'Tulisan tidak ditemukan.');
  const { region, rights } = await rightsOn(db, actor, found.post.regionCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw new AppError('not_found', 'Tulisan tidak ditemukan.');
    throw err;
  });
  if (!rights.draft && !rights.review && !rights.publish) {
    throw new AppError('forbidden', 'Peran Anda tidak mengizinkan mengelola tulisan di wilayah ini.');
  }
  return { ...found, region, rights };
}

/** Runs the transitions of one request in order (e.g. save then submit) and returns the final status. */
function plan(from: PostStatus, actions: readonly PostAction[], rights: PostRights): PostStatus {
  const t = planTransitions(from, actions, rights, 'tulisan');
  if (!t.ok) throw new AppError(t.reason === 'state' ? 'conflict' : 'forbidden', t.message);
  return t.to;
}

const FORM_TRANSITION = FORM_ACTIONS satisfies Record<PostFormData['aksi'], readonly PostAction[]>;
const AUDIT = Object.fromEntries(Object.entries(AUDIT_SUFFIX).map(([a, s]) => [a, `content.${s}`])) as Record<PostAction, string>;
const AUDIT_WORDS = AUDIT_VERBS;

/** Post fields taken from the form (kind-specific fields are cleared for other kinds). */
export function fieldsOf(input: PostFormData) {
  const summary = input.summary || markdownToPlainText(input.body_md, 200);
  return {
    kind: input.kind,
    title: input.title,
    summary,
    bodyMd: input.body_md,
    validFrom: input.kind === 'pengumuman' ? (input.valid_from ?? null) : null,
    validUntil: input.kind === 'pengumuman' ? (input.valid_until ?? null) : null,
    eventStartsAt: input.kind === 'agenda' ? (input.event_starts_at ?? null) : null,
    eventPlace: input.kind === 'agenda' ? (input.event_place ?? null) : null,
  };
}

/** The cover through the image pipeline: { key: the image's base key, media: its manifest JSON }. */
export async function putCover(deps: ContentDeps, cover: CheckedUpload, now: number): Promise<{ key: string; media: string }> {
  const m = await saveImage(deps.env.FILES, `public/posts/${newId(now)}`, cover.bytes, { field: 'cover', images: deps.env.IMAGES });
  return { key: m.base, media: serializeManifest(m) };
}

export const deleteCover = (deps: ContentDeps, c: { key: string | null; media: string | null } | null) =>
  c ? removeImage(deps.env.FILES, c.key, c.media) : Promise.resolve();

/** Deletes a replaced cover's files unless another post still shows it (the copies of a shared announcement share one). */
export async function releaseCover(deps: ContentDeps, c: { key: string | null; media: string | null }): Promise<void> {
  if (!c.key) return;
  const used = await deps.db.select({ id: posts.id }).from(posts).where(eq(posts.coverKey, c.key)).limit(1).get();
  if (!used) await deleteCover(deps, c);
}

function isUniqueViolation(err: unknown): boolean {
  const msg = err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? '')}` : String(err);
  return /UNIQUE constraint failed/i.test(msg);
}

const purgeDeps = (deps: ContentDeps): PurgeDeps => ({ db: deps.db, env: deps.env });

export async function createPost(
  deps: ContentDeps,
  input: PostFormData,
  cover: CheckedUpload | null,
  ctx: ActionContext,
): Promise<{ id: string; status: PostStatus }> {
  if (!input.region_code) throw new AppError('validation', 'Pilih wilayah.', { fieldErrors: [{ field: 'region_code', message: 'Pilih wilayah.' }] });
  const { db } = deps;
  await authorize(db, ctx.actor, 'content.draft', input.region_code);
  const { rights } = await rightsOn(db, ctx.actor, input.region_code);
  const status = plan('draft', [...FORM_TRANSITION[input.aksi]], rights);
  let slug: string;
  if (input.kind === 'halaman') {
    slug = input.page_slug!;
  } else {
    slug = uniqueSlug(input.title, await slugsLike(db, input.region_code, slugify(input.title) || 'tulisan'));
  }
  const id = newId(ctx.now);
  const stored = cover ? await putCover(deps, cover, ctx.now) : null;
  const coverKey = stored?.key ?? null;
  const fields = fieldsOf(input);
  const publishedAt = status === 'terbit' ? publicationTime(input.publish_at, ctx.now) : (input.publish_at ?? null);
  const row = {
    id,
    regionCode: input.region_code,
    slug,
    ...fields,
    coverKey,
    coverMedia: stored?.media ?? null,
    coverAlt: coverKey ? input.cover_alt : null,
    status,
    authorId: ctx.actor.id,
    publishedAt,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const live = changesPublicPages({ status: 'draft', publishedAt: null }, row, ctx.now);
  const audits = [
    auditInsert(db, ctx, {
      action: 'content.create',
      regionCode: row.regionCode,
      entityType: 'post',
      entityId: id,
      summary: `Menulis ${input.kind} “${input.title}”`,
      after: { status: 'draft', kind: input.kind, slug },
    }),
    ...FORM_TRANSITION[input.aksi].map((a) =>
      auditInsert(db, ctx, {
        action: AUDIT[a],
        regionCode: row.regionCode,
        entityType: 'post',
        entityId: id,
        summary: `${AUDIT_WORDS[a]} “${input.title}”`,
        before: { status: 'draft' },
        after: { status, publishedAt },
      }),
    ),
  ];
  try {
    await db.batch([db.insert(posts).values(row), ...audits, ...(live ? [touchContentUpdate(db, row.regionCode, ctx.now)] : [])]);
  } catch (err) {
    await deleteCover(deps, stored);
    if (isUniqueViolation(err)) {
      const message =
        input.kind === 'halaman'
          ? `Halaman ${fixedPageLabel(slug)} untuk wilayah ini sudah ada. Ubah halaman yang sudah ada (atau pulihkan dari Sampah bila terhapus).`
          : 'Alamat tulisan bentrok dengan tulisan lain; coba simpan lagi.';
      throw new AppError('conflict', message, { fieldErrors: [{ field: input.kind === 'halaman' ? 'page_slug' : 'title', message }] });
    }
    throw err;
  }
  if (live) await purgeRegionPages(purgeDeps(deps), row.regionCode, ctx.requestId, postPurgeScope(row.kind));
  return { id, status };
}

export async function updatePost(
  deps: ContentDeps,
  id: string,
  input: PostFormData,
  cover: CheckedUpload | null,
  ctx: ActionContext,
): Promise<{ id: string; status: PostStatus; previous: PostStatus }> {
  const { db } = deps;
  const { post, rights } = await loadPostFor(db, ctx.actor, id);
  if ((post.kind === 'halaman') !== (input.kind === 'halaman')) {
    throw new AppError('validation', 'Jenis halaman tetap tidak dapat diubah menjadi berita, atau sebaliknya.', {
      fieldErrors: [{ field: 'kind', message: 'Jenis halaman tetap tidak dapat diubah menjadi berita, atau sebaliknya.' }],
    });
  }
  const actions = editActions(post.status, input.aksi);
  const status = plan(post.status, actions, rights);
  const newCover = cover ? await putCover(deps, cover, ctx.now) : null;
  const coverKey = newCover?.key ?? (input.remove_cover ? null : post.coverKey);
  const coverMedia = newCover ? newCover.media : input.remove_cover ? null : post.coverMedia;
  const wasLive = post.status === 'terbit';
  let publishedAt: number | null;
  if (status === 'terbit')
    publishedAt = wasLive ? (input.publish_at ?? post.publishedAt ?? ctx.now) : publicationTime(input.publish_at ?? post.publishedAt, ctx.now);
  else publishedAt = input.publish_at ?? (wasLive ? post.publishedAt : null);
  const changes = { ...fieldsOf(input), coverKey, coverMedia, coverAlt: coverKey ? input.cover_alt : null, status, publishedAt, updatedAt: ctx.now };
  const before = { status: post.status, title: post.title, publishedAt: post.publishedAt };
  const audits = actions.map((a) =>
    auditInsert(db, ctx, {
      action: AUDIT[a],
      regionCode: post.regionCode,
      entityType: 'post',
      entityId: id,
      summary: `${AUDIT_WORDS[a]} “${input.title}”`,
      before,
      after: { status, title: input.title, publishedAt },
    }),
  );
  const live = changesPublicPages(post, { status, publishedAt }, ctx.now);
  try {
    const [res] = await db.batch([
      db
        .update(posts)
        .set(changes)
        .where(and(eq(posts.id, id), eq(posts.updatedAt, post.updatedAt))),
      ...audits,
      ...(live ? [touchContentUpdate(db, post.regionCode, ctx.now)] : []),
    ]);
    if (res.meta.changes === 0) throw new AppError('conflict', 'Tulisan ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.');
  } catch (err) {
    await deleteCover(deps, newCover);
    throw err;
  }
  if (coverKey !== post.coverKey) await releaseCover(deps, { key: post.coverKey, media: post.coverMedia });
  if (live) await purgeRegionPages(purgeDeps(deps), post.regionCode, ctx.requestId, postPurgeScope(post.kind));
  return { id, status, previous: post.status };
}

/** submit / approve / reject / publish / unpublish from the post page. `note` is the reviewer's note. */
export async function changeStatus(
  deps: ContentDeps,
  id: string,
  action: Exclude<PostAction, 'save' | 'delete'>,
  ctx: ActionContext,
  note?: string,
): Promise<{ status: PostStatus; post: PostRow }> {
  const { db } = deps;
  const { post, rights } = await loadPostFor(db, ctx.actor, id);
  const status = plan(post.status, [action], rights);
  const changes: Partial<PostRow> = { status, updatedAt: ctx.now };
  if (action === 'approve' || action === 'publish') changes.publishedAt = approvalTime(post, ctx.now);
  if (action === 'approve') changes.reviewNote = note ?? null;
  if (action === 'reject') changes.reviewNote = note ?? null;
  const live = changesPublicPages(post, { status, publishedAt: changes.publishedAt ?? post.publishedAt }, ctx.now);
  const summary = `${AUDIT_WORDS[action]} “${post.title}”${note ? `: ${note}` : ''}`;
  const [res] = await db.batch([
    db
      .update(posts)
      .set(changes)
      .where(and(eq(posts.id, id), eq(posts.status, post.status))),
    auditInsert(db, ctx, {
      action: AUDIT[action],
      regionCode: post.regionCode,
      entityType: 'post',
      entityId: id,
      summary,
      before: { status: post.status },
      after: { status, publishedAt: changes.publishedAt ?? post.publishedAt },
    }),
    ...(live ? [touchContentUpdate(db, post.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Status tulisan ini baru saja diubah orang lain. Muat ulang halaman.');
  if (live) await purgeRegionPages(purgeDeps(deps), post.regionCode, ctx.requestId, postPurgeScope(post.kind));
  return { status, post: { ...post, ...changes } };
}

/** Refuses (as the delete itself would) an officer who may not delete this post: the confirmation page asks only those who may. */
export function assertDeletable(post: { status: PostStatus }, rights: PostRights): void {
  plan(post.status, ['delete'], rights);
}

/**
 * Moves a post that is not live (draft, rejected, waiting) to the trash; published posts must be unpublished first.
 * A copy of a shared announcement deleted on its own leaves its group in the same step (see fan-out-group.ts).
 */
export async function deletePost(deps: ContentDeps, id: string, ctx: ActionContext): Promise<{ regionCode: string; title: string }> {
  const { db } = deps;
  const { post, rights } = await loadPostFor(db, ctx.actor, id);
  assertDeletable(post, rights);
  const [res] = await db.batch([
    db
      .update(posts)
      .set({ ...softDeleteFields(ctx), fanOutGroup: null })
      .where(and(eq(posts.id, id), eq(posts.status, post.status), isNull(posts.deletedAt))),
    ...(post.fanOutGroup
      ? [
          auditInsert(db, ctx, {
            action: 'content.detach',
            regionCode: post.regionCode,
            entityType: 'post',
            entityId: id,
            summary: `Melepaskan “${post.title}” dari pengumuman bersama (hanya salinan wilayah ini yang dihapus)`,
            before: { group: post.fanOutGroup },
            after: { group: null },
          }),
        ]
      : []),
    auditInsert(db, ctx, {
      action: AUDIT.delete,
      regionCode: post.regionCode,
      entityType: 'post',
      entityId: id,
      summary: `${AUDIT_WORDS.delete} “${post.title}” (ke Sampah)`,
      before: { status: post.status, title: post.title },
    }),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Status tulisan ini baru saja diubah orang lain. Muat ulang halaman.');
  return { regionCode: post.regionCode, title: post.title };
}

/** Brings a post back from the trash as a draft (404 when it is not in the trash or outside the actor's regions). */
export async function restorePost(deps: ContentDeps, id: string, ctx: ActionContext): Promise<void> {
  const { db } = deps;
  const found = await findPostForAdmin(db, id, { deleted: true });
  if (!found) throw new AppError('not_found', 'Tulisan tidak ada di Sampah.');
  const { rights } = await rightsOn(db, ctx.actor, found.post.regionCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw new AppError('not_found', 'Tulisan tidak ada di Sampah.');
    throw err;
  });
  const refusal = restoreRefusal(rights, 'tulisan');
  if (refusal) throw new AppError('forbidden', refusal);
  const [res] = await db.batch([
    db
      .update(posts)
      .set(restoreFields(ctx))
      .where(and(eq(posts.id, id), isNotNull(posts.deletedAt))),
    auditInsert(db, ctx, {
      action: 'content.restore',
      regionCode: found.post.regionCode,
      entityType: 'post',
      entityId: id,
      summary: `Memulihkan “${found.post.title}” dari Sampah sebagai draf`,
      after: { status: 'draft' },
    }),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Tulisan ini baru saja dipulihkan orang lain.');
}
