import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { witaParts } from '../../lib/time';
import { z } from 'zod';
import { DOCUMENT_CATEGORIES } from '../../db/schema';
import { defaultInfoCategory } from '../../regions/document-categories';
import { uploadMaxBytes } from '../../lib/upload';
import { queryObject } from '../../lib/validation';
import { allows } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import type { Actor } from '../../auth/actor';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { listManagedRegions } from '../../admin/regions-repo';
import { renderAdmin } from '../../admin/render';
import { DocumentAdminListView } from './admin-list-view';
import { DocumentCreateView, DocumentEditView } from './admin-views';
import { renderConfirm, TrashList } from '../../admin/confirm';
import { restoreDocument } from './trash';
import { serveVersion } from './download';
import { documentHistory, findVersion, listDeletedDocuments, listDocumentsForAdmin, versionsForAdmin } from './repo';
import { regionTitle } from '../../regions/labels';
import { AdminDocumentListQuery, DeclassifyForm, DocumentForm, DocumentIdParam, VersionParam } from './schemas';
import {
  addVersion,
  changeDocumentStatus,
  createDocument,
  declassifyDocument,
  decidePendingVersion,
  deleteDocument,
  loadDocumentFor,
  updateDocument,
  type DocumentDeps,
} from './service';
import { availableActions } from '../../publishing/workflow';
import { chunkedUploadRoutes } from './chunked-routes';
import { UPLOAD_PART_BYTES } from './chunked-schemas';
import { readFile, uploadIdOf, withDocumentFile } from './document-file';
import { ReviewNoteForm, RejectForm } from '../../publishing/schemas';
import { pickNotice } from '../../lib/notices';

const PAGE_SIZE = 25;
const SCRIPT = '/js/downscale.js';
const FORM_SCRIPT = '/js/document-form.js';
const CHUNKED_SCRIPT = '/js/chunked-upload.js';
const DocumentCategorySchema = z.enum(DOCUMENT_CATEGORIES);

const deps = (c: Context<AppEnv>): DocumentDeps => ({ db: c.get('db'), env: c.env });
/** Subtrees where the actor prepares, reviews or declassifies documents (what its lists show). */
const roots = (actor: Actor) => {
  if (actor.kind !== 'user') return [];
  const all = ['content.draft', 'content.review', 'document.declassify'].flatMap((a) => candidateRoots(actor.memberships, a as 'content.draft'));
  return [...new Set(all)].filter((r, _i, list) => !list.some((o) => o !== r && r.startsWith(`${o}.`)));
};

/** Regions where the actor may upload documents now (every stage: a local operator prepares, a reviewer publishes). */
async function manageableRegions(c: Context<AppEnv>, actor: Actor) {
  const { rows } = await listManagedRegions(c.get('db'), { roots: actor.kind === 'user' ? candidateRoots(actor.memberships, 'content.draft') : [] });
  return rows.filter((r) => allows(actor, 'content.draft', r));
}

/** The undo button after a delete (`?ok=dihapus&urungkan={id}`). */
function undoOf(c: Context<AppEnv>): { csrf: string; restoreAction: string } | undefined {
  const id = DocumentIdParam.safeParse(c.req.query('urungkan'));
  return c.req.query('ok') === 'dihapus' && id.success ? { csrf: sessionOf(c).csrfToken, restoreAction: `/admin/dokumen/${id.data}/pulihkan` } : undefined;
}

function docId(c: Context<AppEnv>): string {
  const parsed = DocumentIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Dokumen tidak ditemukan.');
  return parsed.data;
}

function formError(err: unknown): AppError | null {
  return err instanceof AppError && ['validation', 'conflict', 'forbidden', 'payload_too_large', 'unsupported_media_type'].includes(err.code) ? err : null;
}
const errorsOf = (e: AppError): FieldError[] => (e.fieldErrors.length ? e.fieldErrors : [{ field: '_', message: e.message }]);

const NOTICES: Record<string, string> = {
  dibuat: 'Dokumen diunggah.',
  versi: 'Versi baru diunggah; versi lama tetap tersimpan.',
  disimpan: 'Keterangan dokumen tersimpan.',
  dihapus: 'Dokumen dipindahkan ke Sampah.',
  dipulihkan: 'Dokumen dipulihkan dari Sampah sebagai draf.',
  dikirim: 'Dokumen dikirim untuk ditinjau. Dokumen tampil di situs setelah disetujui.',
  versi_dikirim: 'Versi baru dikirim untuk ditinjau. Situs tetap menampilkan versi yang lama sampai disetujui.',
  terbit: 'Dokumen terbit di situs publik.',
  disetujui: 'Dokumen disetujui dan terbit.',
  dikembalikan: 'Dokumen dikembalikan kepada pengunggah dengan catatan.',
  ditarik: 'Dokumen ditarik dari situs publik.',
  versi_disetujui: 'Versi baru disetujui dan tampil di situs.',
  versi_ditolak: 'Versi baru ditolak; situs tetap menampilkan versi yang lama.',
  dibuka: 'Dokumen dibuka menjadi informasi publik; keputusan dan uji konsekuensinya tercatat.',
};
const STATUS_NOTICE = { draft: 'disimpan', menunggu_tinjauan: 'dikirim', terbit: 'terbit', ditolak: 'disimpan' } as const;

export function documentAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', chunkedUploadRoutes()); // before '/admin/dokumen/:id', which would take 'unggahan'

  app.get('/admin/dokumen', async (c) => {
    const ctx = actionContext(c);
    const r = roots(ctx.actor);
    if (r.length === 0) throw new AppError('not_found');
    const q = AdminDocumentListQuery.parse(queryObject(new URL(c.req.url)));
    const [list, regions] = await Promise.all([
      listDocumentsForAdmin(c.get('db'), {
        roots: r,
        regionCode: q.wilayah,
        category: q.kategori,
        infoCategory: q.informasi,
        status: q.status,
        limit: PAGE_SIZE,
        offset: (q.halaman - 1) * PAGE_SIZE,
      }),
      listManagedRegions(c.get('db'), { roots: r }),
    ]);
    return renderAdmin(
      c,
      { title: 'Dokumen', current: '/admin/dokumen' },
      <DocumentAdminListView
        rows={list.rows}
        total={list.total}
        page={q.halaman}
        pageSize={PAGE_SIZE}
        regions={regions.rows}
        filter={q}
        canCreate={regions.rows.some((x) => allows(ctx.actor, 'content.draft', x))}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
        undo={undoOf(c)}
      />,
    );
  });

  app.get('/admin/dokumen/sampah', async (c) => {
    const r = roots(actionContext(c).actor);
    if (r.length === 0) throw new AppError('not_found');
    const rows = await listDeletedDocuments(c.get('db'), r);
    return renderAdmin(
      c,
      { title: 'Sampah dokumen', current: '/admin/dokumen', breadcrumbs: [{ label: 'Dokumen', href: '/admin/dokumen' }, { label: 'Sampah' }] },
      <>
        <h1>Sampah dokumen</h1>
        <TrashList
          csrf={sessionOf(c).csrfToken}
          noun="dokumen"
          backHref="/admin/dokumen"
          backLabel="Kembali ke daftar dokumen"
          rows={rows.map((x) => ({
            id: x.id,
            title: x.title,
            where: regionTitle({ level: x.regionLevel, name: x.regionName }),
            deletedAt: x.deletedAt ?? 0,
            restoreAction: `/admin/dokumen/${x.id}/pulihkan`,
          }))}
        />
      </>,
    );
  });

  const createPage = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const ctx = actionContext(c);
    const regions = await manageableRegions(c, ctx.actor);
    if (regions.length === 0)
      throw new AppError('forbidden', 'Peran Anda tidak mengizinkan mengunggah dokumen. Hubungi Diskominfo bila ada dokumen yang perlu diunggah.');
    const publishable = regions.filter((r) => allows(ctx.actor, 'content.publish', r));
    // Links from monitoring flags preset the region, category and year of the missing document.
    const kategori = DocumentCategorySchema.safeParse(c.req.query('kategori'));
    const tahun = c.req.query('tahun');
    const preset: FormValues = {
      region_code: c.req.query('wilayah') ?? (regions.length === 1 ? regions[0]!.code : ''),
      year: tahun && /^\d{4}$/.test(tahun) ? tahun : String(witaParts(ctx.now).year),
      ...(kategori.success ? { category: kategori.data, info_category: defaultInfoCategory(kategori.data) } : {}),
    };
    return renderAdmin(
      c,
      {
        title: 'Unggah dokumen',
        current: '/admin/dokumen',
        breadcrumbs: [{ label: 'Dokumen', href: '/admin/dokumen' }, { label: 'Unggah' }],
        scripts: [`${SCRIPT}?v=${c.env.APP_VERSION}`, `${FORM_SCRIPT}?v=${c.env.APP_VERSION}`, `${CHUNKED_SCRIPT}?v=${c.env.APP_VERSION}`],
      },
      <DocumentCreateView
        csrf={sessionOf(c).csrfToken}
        regions={regions}
        uploadMax={uploadMaxBytes(c.env)}
        chunkBytes={UPLOAD_PART_BYTES}
        values={extra.values ?? preset}
        errors={extra.errors}
        canPublish={publishable.length === regions.length}
        mustReview={publishable.length < regions.length}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/dokumen/baru', (c) => createPage(c));

  app.post('/admin/dokumen', async (c) => {
    const form = await readForm(c, DocumentForm);
    const uploadId = await uploadIdOf(c);
    // A file sent in chunks stays uploaded while the officer corrects the form (the page keeps its upload_id).
    const values = uploadId ? { ...form.values, upload_id: uploadId } : form.values;
    try {
      if (!form.ok) {
        if (!uploadId) await readFile(c); // a wrong file is reported together with the form's errors
        return createPage(c, { values, errors: form.errors, status: 422 });
      }
      const { id, status } = await withDocumentFile(c, form.data.region_code ?? '', (file) => createDocument(deps(c), form.data, file, actionContext(c)));
      return c.redirect(`/admin/dokumen/${id}?ok=${status === 'menunggu_tinjauan' ? 'dikirim' : 'dibuat'}`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      const errors = [...errorsOf(fe), ...(form.ok ? [] : form.errors)];
      const lost = fe.fieldErrors.some((e) => e.field === 'file'); // the upload itself was refused: pick the file again
      return createPage(c, { values: lost ? form.values : values, errors, status: fe.status });
    }
  });

  const editPage = async (c: Context<AppEnv>, id: string, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const ctx = actionContext(c);
    const found = await loadDocumentFor(c.get('db'), ctx.actor, id);
    const upTo = Math.max(found.doc.currentVersion, found.doc.pendingVersion ?? 0);
    const [versions, history] = await Promise.all([versionsForAdmin(c.get('db'), id, upTo), documentHistory(c.get('db'), id)]);
    return renderAdmin(
      c,
      {
        title: found.doc.title,
        current: '/admin/dokumen',
        breadcrumbs: [{ label: 'Dokumen', href: '/admin/dokumen' }, { label: found.doc.title }],
        scripts: [`${SCRIPT}?v=${c.env.APP_VERSION}`, `${FORM_SCRIPT}?v=${c.env.APP_VERSION}`, `${CHUNKED_SCRIPT}?v=${c.env.APP_VERSION}`],
      },
      <DocumentEditView
        csrf={sessionOf(c).csrfToken}
        doc={found.doc}
        regionName={found.regionName}
        regionLevel={found.regionLevel}
        regionPath={found.regionPath}
        versions={versions}
        history={history}
        uploadMax={uploadMaxBytes(c.env)}
        chunkBytes={UPLOAD_PART_BYTES}
        rights={found.rights}
        declassify={found.declassify}
        actions={availableActions(found.doc.status, found.rights)}
        values={extra.values}
        errors={extra.errors}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/dokumen/:id', (c) => editPage(c, docId(c)));

  app.post('/admin/dokumen/:id', async (c) => {
    const id = docId(c);
    const form = await readForm(c, DocumentForm);
    if (!form.ok) return editPage(c, id, { values: form.values, errors: form.errors, status: 422 });
    let status;
    try {
      ({ status } = await updateDocument(deps(c), id, form.data, actionContext(c)));
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editPage(c, id, { values: form.values, errors: errorsOf(fe), status: fe.status });
    }
    return c.redirect(`/admin/dokumen/${id}?ok=${form.data.aksi === 'simpan' ? 'disimpan' : STATUS_NOTICE[status]}`, 303);
  });

  // Workflow actions (the same words as posts): submit, publish, unpublish, approve (optional note), reject (note).
  const STATUS_ACTIONS = {
    kirim: ['submit', 'dikirim'],
    terbitkan: ['publish', 'terbit'],
    tarik: ['unpublish', 'ditarik'],
    setujui: ['approve', 'disetujui'],
    tolak: ['reject', 'dikembalikan'],
  } as const;
  for (const [path, [action, notice]] of Object.entries(STATUS_ACTIONS)) {
    app.post(`/admin/dokumen/:id/${path}`, async (c) => {
      const id = docId(c);
      let note: string | undefined;
      if (action === 'reject' || action === 'approve') {
        const form = await readForm(c, action === 'reject' ? RejectForm : ReviewNoteForm);
        if (!form.ok) return editPage(c, id, { values: form.values, errors: form.errors, status: 422 });
        note = form.data.note;
      }
      try {
        await changeDocumentStatus(deps(c), id, action, actionContext(c), note);
      } catch (err) {
        const fe = formError(err);
        if (!fe || fe.code === 'forbidden') throw err;
        return editPage(c, id, { errors: errorsOf(fe), status: fe.status });
      }
      return c.redirect(`/admin/dokumen/${id}?ok=${notice}`, 303);
    });
  }

  app.post('/admin/dokumen/:id/versi/:keputusan{setujui|tolak}', async (c) => {
    const id = docId(c);
    const approve = c.req.param('keputusan') === 'setujui';
    const form = await readForm(c, ReviewNoteForm);
    try {
      await decidePendingVersion(deps(c), id, approve ? 'approve' : 'reject', actionContext(c), form.ok ? form.data.note : undefined);
    } catch (err) {
      const fe = formError(err);
      if (!fe || fe.code === 'forbidden') throw err;
      return editPage(c, id, { errors: errorsOf(fe), status: fe.status });
    }
    return c.redirect(`/admin/dokumen/${id}?ok=${approve ? 'versi_disetujui' : 'versi_ditolak'}`, 303);
  });

  app.post('/admin/dokumen/:id/klasifikasi', async (c) => {
    const id = docId(c);
    const form = await readForm(c, DeclassifyForm);
    if (!form.ok) return editPage(c, id, { values: form.values, errors: form.errors, status: 422 });
    try {
      await declassifyDocument(deps(c), id, form.data, actionContext(c));
    } catch (err) {
      const fe = formError(err);
      if (!fe || fe.code === 'forbidden') throw err;
      return editPage(c, id, { values: form.values, errors: errorsOf(fe), status: fe.status });
    }
    return c.redirect(`/admin/dokumen/${id}?ok=dibuka`, 303);
  });

  app.post('/admin/dokumen/:id/versi', async (c) => {
    const id = docId(c);
    try {
      const { doc } = await loadDocumentFor(c.get('db'), actionContext(c).actor, id); // 404/403 before reading the upload
      const { pending } = await withDocumentFile(c, doc.regionCode, (file) => addVersion(deps(c), id, file, actionContext(c)));
      return c.redirect(`/admin/dokumen/${id}?ok=${pending ? 'versi_dikirim' : 'versi'}`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editPage(c, id, { errors: errorsOf(fe), status: fe.status });
    }
  });

  app.get('/admin/dokumen/:id/versi/:n', async (c) => {
    const id = docId(c);
    const { doc } = await loadDocumentFor(c.get('db'), actionContext(c).actor, id);
    const n = VersionParam.safeParse(c.req.param('n'));
    const v = n.success && n.data <= Math.max(doc.currentVersion, doc.pendingVersion ?? 0) ? await findVersion(c.get('db'), id, n.data) : undefined;
    if (!v) throw new AppError('not_found', 'Versi dokumen tidak ditemukan.');
    return serveVersion(c, v, doc.title, { cacheControl: 'no-store', latest: v.version === doc.currentVersion });
  });

  app.get('/admin/dokumen/:id/hapus', async (c) => {
    const { doc } = await loadDocumentFor(c.get('db'), actionContext(c).actor, docId(c));
    const live = doc.status === 'terbit';
    return renderConfirm(
      c,
      {
        title: `Hapus ${doc.title}`,
        current: '/admin/dokumen',
        breadcrumbs: [{ label: 'Dokumen', href: '/admin/dokumen' }, { label: doc.title, href: `/admin/dokumen/${doc.id}` }, { label: 'Hapus' }],
      },
      {
        question: `Hapus “${doc.title}”?`,
        consequence: `Dokumen dipindahkan ke Sampah${live ? ' dan hilang dari situs publik' : ''}. Semua versinya tetap tersimpan; Anda dapat memulihkannya dari Sampah (sebagai draf).`,
        action: `/admin/dokumen/${doc.id}/hapus`,
        confirmLabel: 'Ya, hapus dokumen',
        cancelHref: `/admin/dokumen/${doc.id}`,
      },
    );
  });

  app.post('/admin/dokumen/:id/hapus', async (c) => {
    const id = docId(c);
    await deleteDocument(deps(c), id, actionContext(c));
    return c.redirect(`/admin/dokumen?ok=dihapus&urungkan=${id}`, 303);
  });

  app.post('/admin/dokumen/:id/pulihkan', async (c) => {
    const id = docId(c);
    await restoreDocument(deps(c), id, actionContext(c));
    return c.redirect(`/admin/dokumen/${id}?ok=dipulihkan`, 303);
  });

  return app;
}
