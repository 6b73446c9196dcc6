import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { formValues, readForm, type FormValues } from '../../lib/forms';
import { INPUT_CAPS } from '../../media/limits';
import { checkUpload, fileField, assertRequestSize, uploadMaxBytes, type CheckedUpload } from '../../lib/upload';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { allows } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import type { Actor } from '../../auth/actor';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { listManagedRegions } from '../../admin/regions-repo';
import { renderAdmin } from '../../admin/render';
import { fixedPagesOf, listDeletedPosts, listPostsForAdmin, postHistory, waitingForReview, waitingForReviewByRegion, type AdminPostRow } from './admin-repo';
import { FixedPagesView, PostListView, ReviewQueueView } from './admin-views';
import { PostEditorView, valuesOfPost } from './editor-view';
import { RejectForm, ReviewNoteForm } from '../../publishing/schemas';
import { AdminPostListQuery, PostForm, PostIdParam } from './schemas';
import { assertDeletable, changeStatus, createPost, deletePost, loadPostFor, restorePost, updatePost, type ContentDeps } from './service';
import { renderConfirm, TrashList } from '../../admin/confirm';
import { discardDraft, loadDraft } from '../../admin/drafts';
import { regionTitle } from '../../regions/labels';
import { originOf } from '../../lib/origin';
import { availableActions } from '../../publishing/workflow';
import { createFanOut, fanOutChoices, fanOutOf, newFormToken, wantsFanOut } from './fan-out';
import { deleteGroup, groupViewOf, restoreGroup, updateGroup } from './fan-out-group';
import { confirmPage, groupAdminRoutes, groupDeleteConfirm } from './fan-out-group-routes';
import { NOTICES } from './admin-notices';
import { pickNotice } from '../../lib/notices';

const PAGE_SIZE = 25;
const DOWNSCALE_SCRIPT = '/js/downscale.js';
const AUTOSAVE_SCRIPT = '/js/autosave.js';
const draftKeyOf = (id?: string) => (id ? `post:${id}` : 'post:new');

/** The editor's autosave state: a saved draft newer than the post (offered), or loaded when `?draf=1`. */
async function draftState(c: Context<AppEnv>, id: string | undefined, shownUpdatedAt: number) {
  const key = draftKeyOf(id);
  const saved = await loadDraft(c.get('db'), sessionOf(c).userId, key);
  if (!saved || saved.savedAt <= shownUpdatedAt) return { key };
  const base = id ? `/admin/konten/${id}` : '/admin/konten/baru';
  if (c.req.query('draf') === '1') return { key, restored: true, values: saved.values };
  return { key, saved: { savedAt: saved.savedAt, restoreHref: `${base}?draf=1`, back: base } };
}

const deps = (c: Context<AppEnv>): ContentDeps => ({ db: c.get('db'), env: c.env });

/** Region subtrees where the actor may see content at all (drafting or reviewing). */
function contentRoots(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  const all = [...candidateRoots(actor.memberships, 'content.draft'), ...candidateRoots(actor.memberships, 'content.review')];
  return [...new Set(all)].filter((r, _, arr) => !arr.some((o) => o !== r && r.startsWith(`${o}.`)));
}

/** Regions (with stage) in the actor's content scope, optionally only those where `action` is allowed now. */
async function regionsFor(c: Context<AppEnv>, actor: Actor, action?: 'content.draft' | 'content.review') {
  const { rows } = await listManagedRegions(c.get('db'), { roots: contentRoots(actor) });
  return action ? rows.filter((r) => allows(actor, action, r)) : rows;
}

/** Review queue: waiting posts in the actor's subtrees that it may review (by the region's stage). */
export async function reviewQueueFor(c: Context<AppEnv>, actor: Actor): Promise<AdminPostRow[]> {
  const roots = actor.kind === 'user' ? candidateRoots(actor.memberships, 'content.review') : [];
  const rows = await waitingForReview(c.get('db'), roots);
  return rows.filter((r) => allows(actor, 'content.review', { code: r.regionCode, stage: r.regionStage }));
}

/** How many waiting posts the actor may review (the list page's "Tinjau (N menunggu)"), without reading them. */
async function reviewCountFor(c: Context<AppEnv>, actor: Actor): Promise<number> {
  const roots = actor.kind === 'user' ? candidateRoots(actor.memberships, 'content.review') : [];
  if (roots.length === 0) return 0;
  const regions = await waitingForReviewByRegion(c.get('db'), roots);
  return regions.filter((r) => allows(actor, 'content.review', { code: r.regionCode, stage: r.regionStage })).reduce((sum, r) => sum + r.n, 0);
}

/** The undo button after a delete (`?ok=dihapus&urungkan={id}`). */
function undoOf(c: Context<AppEnv>): { csrf: string; restoreAction: string } | undefined {
  const id = PostIdParam.safeParse(c.req.query('urungkan'));
  return c.req.query('ok') === 'dihapus' && id.success ? { csrf: sessionOf(c).csrfToken, restoreAction: `/admin/konten/${id.data}/pulihkan` } : undefined;
}

function postId(c: Context<AppEnv>): string {
  const parsed = PostIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Tulisan tidak ditemukan.');
  return parsed.data;
}

/** Reads the optional cover photo of a multipart form (images only, size and pixel limits). */
async function readCover(c: Context<AppEnv>): Promise<CheckedUpload | null> {
  const max = uploadMaxBytes(c.env);
  assertRequestSize(c, max);
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) return null;
  const file = fileField(await c.req.parseBody({ all: true }), 'cover');
  // Pixel limits per format are the image pipeline's (src/media/limits.ts): it decodes big JPEGs at reduced scale.
  return file ? checkUpload(file, 'cover', { maxBytes: max, kinds: ['image'], maxPixels: INPUT_CAPS.jpegBaseline }) : null;
}

/** Errors a form shows next to its fields (anything else is an error page). */
function formError(err: unknown): (AppError & { fieldErrors: FieldError[] }) | null {
  if (!(err instanceof AppError)) return null;
  if (!['validation', 'conflict', 'payload_too_large', 'unsupported_media_type'].includes(err.code)) return null;
  return err;
}

export function contentAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/konten', async (c) => {
    const ctx = actionContext(c);
    const roots = contentRoots(ctx.actor);
    if (roots.length === 0) throw new AppError('not_found');
    const q = AdminPostListQuery.parse(queryObject(new URL(c.req.url)));
    const [list, regions, waiting] = await Promise.all([
      listPostsForAdmin(c.get('db'), {
        roots,
        regionCode: q.wilayah,
        status: q.status,
        kind: q.jenis,
        authorId: q.penulis === 'saya' ? (ctx.actor.id ?? undefined) : undefined,
        limit: PAGE_SIZE,
        offset: (q.halaman - 1) * PAGE_SIZE,
      }),
      regionsFor(c, ctx.actor),
      reviewCountFor(c, ctx.actor),
    ]);
    return renderAdmin(
      c,
      { title: 'Konten', current: '/admin/konten' },
      <PostListView
        rows={list.rows}
        total={list.total}
        page={q.halaman}
        pageSize={PAGE_SIZE}
        now={ctx.now}
        regions={regions}
        filter={q}
        canCreate={regions.some((r) => allows(ctx.actor, 'content.draft', r))}
        waiting={waiting}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
        undo={undoOf(c)}
      />,
    );
  });

  app.get('/admin/konten/tinjauan', async (c) => {
    const ctx = actionContext(c);
    if (ctx.actor.kind !== 'user' || candidateRoots(ctx.actor.memberships, 'content.review').length === 0) throw new AppError('not_found');
    const rows = await reviewQueueFor(c, ctx.actor);
    return renderAdmin(
      c,
      { title: 'Tinjauan konten', current: '/admin/konten', breadcrumbs: [{ label: 'Konten', href: '/admin/konten' }, { label: 'Tinjauan' }] },
      <ReviewQueueView rows={rows} now={ctx.now} notice={pickNotice(NOTICES, c.req.query('ok'))} />,
    );
  });

  app.get('/admin/konten/sampah', async (c) => {
    const ctx = actionContext(c);
    const roots = contentRoots(ctx.actor);
    if (roots.length === 0) throw new AppError('not_found');
    const rows = await listDeletedPosts(c.get('db'), roots);
    return renderAdmin(
      c,
      { title: 'Sampah konten', current: '/admin/konten', breadcrumbs: [{ label: 'Konten', href: '/admin/konten' }, { label: 'Sampah' }] },
      <>
        <h1>Sampah konten</h1>
        {c.req.query('ok') === 'dipulihkan' ? (
          <p class="success" role="status">
            Tulisan dipulihkan sebagai draf.
          </p>
        ) : null}
        <TrashList
          csrf={sessionOf(c).csrfToken}
          noun="tulisan"
          backHref="/admin/konten"
          backLabel="Kembali ke daftar konten"
          rows={rows.map((r) => ({
            id: r.id,
            title: r.title,
            where: regionTitle({ level: r.regionLevel, name: r.regionName }),
            deletedAt: r.deletedAt ?? 0,
            restoreAction: `/admin/konten/${r.id}/pulihkan`,
          }))}
        />
      </>,
    );
  });

  app.get('/admin/konten/halaman', async (c) => {
    const ctx = actionContext(c);
    const regions = await regionsFor(c, ctx.actor);
    if (regions.length === 0) throw new AppError('not_found');
    const wanted = c.req.query('wilayah');
    const region = regions.find((r) => r.code === wanted) ?? regions[0]!;
    const pages = await fixedPagesOf(c.get('db'), region.code);
    return renderAdmin(
      c,
      { title: 'Halaman tetap', current: '/admin/konten', breadcrumbs: [{ label: 'Konten', href: '/admin/konten' }, { label: 'Halaman tetap' }] },
      <FixedPagesView region={region} regions={regions} pages={pages} canCreate={allows(ctx.actor, 'content.draft', region)} now={ctx.now} />,
    );
  });

  const editorPage = async (c: Context<AppEnv>, extra: { id?: string; values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const ctx = actionContext(c);
    const s = sessionOf(c);
    const uploadMax = uploadMaxBytes(c.env);
    const crumbs = [{ label: 'Konten', href: '/admin/konten' }];
    const scripts = [`${DOWNSCALE_SCRIPT}?v=${c.env.APP_VERSION}`, `${AUTOSAVE_SCRIPT}?v=${c.env.APP_VERSION}`];
    if (!extra.id) {
      const draft = extra.values ? { key: draftKeyOf() } : await draftState(c, undefined, 0);
      const regions = await regionsFor(c, ctx.actor, 'content.draft');
      if (regions.length === 0) throw new AppError('forbidden', 'Konten wilayah Anda masih dikelola oleh Diskominfo.');
      const preset: FormValues = {
        region_code: c.req.query('wilayah') ?? (regions.length === 1 ? regions[0]!.code : ''),
        kind: c.req.query('jenis') ?? 'berita',
        page_slug: c.req.query('halaman_tetap') ?? '',
      };
      const rights = { draft: true, publish: false, review: false };
      const fanOut = { ...(await fanOutChoices(c.get('db'), ctx.actor, contentRoots(ctx.actor))), token: newFormToken() };
      const chosen = regions.find((r) => r.code === (extra.values?.region_code ?? preset.region_code));
      // The buttons follow the chosen region; with no choice yet, "publish" shows only if every option allows it.
      rights.publish = chosen ? allows(ctx.actor, 'content.publish', chosen) : regions.every((r) => allows(ctx.actor, 'content.publish', r));
      return renderAdmin(
        c,
        {
          title: 'Tulis konten baru',
          current: '/admin/konten',
          breadcrumbs: [...crumbs, { label: 'Tulis baru' }],
          scripts,
        },
        <PostEditorView
          csrf={s.csrfToken}
          now={ctx.now}
          siteOrigin={originOf(c)}
          uploadMax={uploadMax}
          regions={regions}
          rights={rights}
          fanOut={fanOut.regions.length > 1 ? fanOut : undefined}
          actions={[]}
          values={extra.values ?? ('values' in draft ? draft.values : undefined) ?? preset}
          errors={extra.errors}
          draft={draft}
        />,
        { status: extra.status },
      );
    }
    const found = await loadPostFor(c.get('db'), ctx.actor, extra.id);
    const [history, group] = await Promise.all([postHistory(c.get('db'), extra.id), groupViewOf(c.get('db'), ctx.actor, found.post)]);
    const draft = extra.values ? { key: draftKeyOf(extra.id) } : await draftState(c, extra.id, found.post.updatedAt);
    return renderAdmin(
      c,
      {
        title: `Ubah: ${found.post.title}`,
        current: '/admin/konten',
        breadcrumbs: [...crumbs, { label: found.post.title }],
        scripts,
      },
      <PostEditorView
        csrf={s.csrfToken}
        now={ctx.now}
        siteOrigin={originOf(c)}
        uploadMax={uploadMax}
        current={found}
        regions={[]}
        rights={found.rights}
        actions={availableActions(found.post.status, found.rights)}
        values={extra.values ?? ('values' in draft ? draft.values : undefined)}
        errors={extra.errors}
        draft={draft}
        history={history}
        group={group ?? undefined}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/konten/baru', (c) => editorPage(c));

  app.post('/admin/konten', async (c) => {
    const form = await readForm(c, PostForm);
    if (!form.ok) return editorPage(c, { values: form.values, errors: form.errors, status: 422 });
    try {
      const cover = await readCover(c);
      const fan = fanOutOf(form.values);
      if (wantsFanOut(fan)) {
        if (cover)
          throw new AppError(
            'validation',
            'Kirim pengumuman dahulu tanpa foto, lalu tambahkan foto sampul dengan mengubahnya: perubahan berlaku untuk semua wilayah.',
            {
              fieldErrors: [
                {
                  field: 'cover',
                  message: 'Kirim pengumuman dahulu tanpa foto, lalu tambahkan foto sampul dengan mengubahnya: perubahan berlaku untuk semua wilayah.',
                },
              ],
            },
          );
        await createFanOut(deps(c), form.data, fan, actionContext(c));
        return c.redirect('/admin/konten?ok=disebar', 303);
      }
      const { id, status } = await createPost(deps(c), form.data, cover, actionContext(c));
      await discardDraft(c.get('db'), sessionOf(c).userId, draftKeyOf());
      return c.redirect(`/admin/konten/${id}?ok=${status === 'terbit' ? 'terbit' : status === 'menunggu_tinjauan' ? 'dikirim' : 'dibuat'}`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editorPage(c, { values: form.values, errors: fe.fieldErrors.length ? fe.fieldErrors : [{ field: '_', message: fe.message }], status: fe.status });
    }
  });

  app.get('/admin/konten/:id', (c) => editorPage(c, { id: postId(c) }));

  app.post('/admin/konten/:id', async (c) => {
    const id = postId(c);
    const form = await readForm(c, PostForm);
    if (!form.ok) return editorPage(c, { id, values: form.values, errors: form.errors, status: 422 });
    try {
      const cover = await readCover(c);
      const { status, previous } =
        (await updateGroup(deps(c), id, form.data, cover, actionContext(c))) ?? (await updatePost(deps(c), id, form.data, cover, actionContext(c)));
      await discardDraft(c.get('db'), sessionOf(c).userId, draftKeyOf(id));
      const ok = status === previous ? 'disimpan' : status === 'terbit' ? 'terbit' : status === 'menunggu_tinjauan' ? 'dikirim' : 'disimpan';
      return c.redirect(`/admin/konten/${id}?ok=${ok}`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editorPage(c, {
        id,
        values: form.values,
        errors: fe.fieldErrors.length ? fe.fieldErrors : [{ field: '_', message: fe.message }],
        status: fe.status,
      });
    }
  });

  const STATUS_ROUTES = { kirim: 'submit', setujui: 'approve', tolak: 'reject', terbitkan: 'publish', tarik: 'unpublish' } as const;
  const STATUS_NOTICES = { submit: 'dikirim', approve: 'disetujui', reject: 'dikembalikan', publish: 'terbit', unpublish: 'ditarik' } as const;

  app.get('/admin/konten/:id/hapus', async (c) => {
    const { post, rights } = await loadPostFor(c.get('db'), actionContext(c).actor, postId(c));
    const group = await groupViewOf(c.get('db'), actionContext(c).actor, post);
    if (group) return renderConfirm(c, confirmPage(post, 'Hapus'), groupDeleteConfirm(post, group));
    assertDeletable(post, rights);
    return renderConfirm(c, confirmPage(post, 'Hapus'), {
      question: `Hapus “${post.title}”?`,
      consequence: 'Tulisan dipindahkan ke Sampah dan tidak tampil di mana pun. Anda dapat memulihkannya dari Sampah kapan saja (sebagai draf).',
      action: `/admin/konten/${post.id}/hapus`,
      confirmLabel: 'Ya, hapus tulisan',
      cancelHref: `/admin/konten/${post.id}`,
    });
  });

  app.post('/admin/konten/:id/hapus', async (c) => {
    const id = postId(c);
    if (!(await deleteGroup(deps(c), id, actionContext(c)))) await deletePost(deps(c), id, actionContext(c));
    return c.redirect(`/admin/konten?ok=dihapus&urungkan=${id}`, 303);
  });

  app.post('/admin/konten/:id/pulihkan', async (c) => {
    const id = postId(c);
    if (!(await restoreGroup(deps(c), id, actionContext(c)))) await restorePost(deps(c), id, actionContext(c));
    return c.redirect(`/admin/konten/${id}?ok=dipulihkan`, 303);
  });

  groupAdminRoutes(app, deps);

  for (const [word, action] of Object.entries(STATUS_ROUTES)) {
    app.post(`/admin/konten/:id/${word}`, async (c) => {
      const id = postId(c);
      let note: string | undefined;
      if (action === 'reject') {
        const form = await readForm(c, RejectForm);
        if (!form.ok) {
          const found = await loadPostFor(c.get('db'), actionContext(c).actor, id);
          return editorPage(c, { id, values: { ...valuesOfPost(found.post), note: form.values.note ?? '' }, errors: form.errors, status: 422 });
        }
        note = form.data.note;
      } else if (action === 'approve') {
        note = parseOrThrow(ReviewNoteForm, await formValues(c)).note;
      }
      await changeStatus(deps(c), id, action, actionContext(c), note);
      const back =
        action === 'approve' || action === 'reject'
          ? `/admin/konten/tinjauan?ok=${STATUS_NOTICES[action]}`
          : `/admin/konten/${id}?ok=${STATUS_NOTICES[action]}`;
      return c.redirect(back, 303);
    });
  }

  return app;
}
