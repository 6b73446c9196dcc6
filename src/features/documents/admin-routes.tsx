import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { witaParts } from '../../lib/time';
import { DOCUMENT_CATEGORIES } from '../../db/schema';
import { assertRequestSize, checkUpload, fileField, uploadMaxBytes, type CheckedUpload } from '../../lib/upload';
import { queryObject } from '../../lib/validation';
import { allows } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import type { Actor } from '../../auth/actor';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { listManagedRegions } from '../../admin/regions-repo';
import { renderAdmin } from '../../admin/render';
import { DocumentAdminListView, DocumentCreateView, DocumentEditView } from './admin-views';
import { serveVersion } from './download';
import { documentHistory, findVersion, listDocumentsForAdmin, versionsOf } from './repo';
import { AdminDocumentListQuery, DocumentForm, DocumentIdParam, VersionParam } from './schemas';
import { addVersion, createDocument, deleteDocument, loadDocumentFor, updateDocument, type DocumentDeps } from './service';

const PAGE_SIZE = 25;
const SCRIPT = '/js/downscale.js';

const deps = (c: Context<AppEnv>): DocumentDeps => ({ db: c.get('db'), env: c.env });
const roots = (actor: Actor) => (actor.kind === 'user' ? candidateRoots(actor.memberships, 'document.manage') : []);

async function manageableRegions(c: Context<AppEnv>, actor: Actor) {
  const { rows } = await listManagedRegions(c.get('db'), { roots: roots(actor) });
  return rows.filter((r) => allows(actor, 'document.manage', r));
}

function docId(c: Context<AppEnv>): string {
  const parsed = DocumentIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Dokumen tidak ditemukan.');
  return parsed.data;
}

/** Reads the `file` field: required, size limit, allowed types by magic bytes (PDF, images, Office/ODF). */
async function readFile(c: Context<AppEnv>): Promise<CheckedUpload> {
  const max = uploadMaxBytes(c.env);
  assertRequestSize(c, max);
  if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) {
    throw new AppError('unsupported_media_type', 'Formulir unggah harus dikirim sebagai multipart/form-data.');
  }
  const file = fileField(await c.req.parseBody({ all: true }), 'file');
  if (!file) throw new AppError('validation', 'Pilih berkas yang akan diunggah.', { fieldErrors: [{ field: 'file', message: 'Pilih berkas yang akan diunggah.' }] });
  return checkUpload(file, 'file', { maxBytes: max, kinds: ['pdf', 'image', 'office'] });
}

function formError(err: unknown): AppError | null {
  return err instanceof AppError && ['validation', 'conflict', 'payload_too_large', 'unsupported_media_type'].includes(err.code) ? err : null;
}
const errorsOf = (e: AppError): FieldError[] => (e.fieldErrors.length ? e.fieldErrors : [{ field: '_', message: e.message }]);

const NOTICES: Record<string, string> = {
  dibuat: 'Dokumen diunggah.',
  versi: 'Versi baru diunggah; versi lama tetap tersimpan.',
  disimpan: 'Keterangan dokumen tersimpan.',
  dihapus: 'Dokumen dihapus dari daftar.',
};

export function documentAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/dokumen', async (c) => {
    const ctx = actionContext(c);
    const r = roots(ctx.actor);
    if (r.length === 0) throw new AppError('not_found');
    const q = AdminDocumentListQuery.parse(queryObject(new URL(c.req.url)));
    const [list, regions] = await Promise.all([
      listDocumentsForAdmin(c.get('db'), { roots: r, regionCode: q.wilayah, category: q.kategori, infoCategory: q.informasi, limit: PAGE_SIZE, offset: (q.halaman - 1) * PAGE_SIZE }),
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
        canCreate={regions.rows.some((x) => allows(ctx.actor, 'document.manage', x))}
        notice={NOTICES[c.req.query('ok') ?? '']}
      />,
    );
  });

  const createPage = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const ctx = actionContext(c);
    const regions = await manageableRegions(c, ctx.actor);
    if (regions.length === 0) throw new AppError('forbidden', 'Dokumen wilayah Anda masih dikelola oleh Diskominfo.');
    // Links from monitoring flags preset the region, category and year of the missing document.
    const kategori = c.req.query('kategori');
    const tahun = c.req.query('tahun');
    const preset: FormValues = {
      region_code: c.req.query('wilayah') ?? (regions.length === 1 ? regions[0]!.code : ''),
      year: tahun && /^\d{4}$/.test(tahun) ? tahun : String(witaParts(ctx.now).year),
      info_category: 'setiap_saat',
      ...(kategori && (DOCUMENT_CATEGORIES as readonly string[]).includes(kategori) ? { category: kategori } : {}),
    };
    return renderAdmin(
      c,
      { title: 'Unggah dokumen', current: '/admin/dokumen', breadcrumbs: [{ label: 'Dokumen', href: '/admin/dokumen' }, { label: 'Unggah' }], scripts: [`${SCRIPT}?v=${c.env.APP_VERSION}`] },
      <DocumentCreateView csrf={sessionOf(c).csrfToken} regions={regions} uploadMax={uploadMaxBytes(c.env)} values={extra.values ?? preset} errors={extra.errors} />,
      { status: extra.status },
    );
  };

  app.get('/admin/dokumen/baru', (c) => createPage(c));

  app.post('/admin/dokumen', async (c) => {
    const form = await readForm(c, DocumentForm);
    try {
      const file = await readFile(c);
      if (!form.ok) return createPage(c, { values: form.values, errors: form.errors, status: 422 });
      const { id } = await createDocument(deps(c), form.data, file, actionContext(c));
      return c.redirect(`/admin/dokumen/${id}?ok=dibuat`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      const errors = [...errorsOf(fe), ...(form.ok ? [] : form.errors)];
      return createPage(c, { values: form.values, errors, status: fe.status });
    }
  });

  const editPage = async (c: Context<AppEnv>, id: string, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const ctx = actionContext(c);
    const found = await loadDocumentFor(c.get('db'), ctx.actor, id);
    const [versions, history] = await Promise.all([versionsOf(c.get('db'), id, found.doc.currentVersion), documentHistory(c.get('db'), id)]);
    return renderAdmin(
      c,
      { title: found.doc.title, current: '/admin/dokumen', breadcrumbs: [{ label: 'Dokumen', href: '/admin/dokumen' }, { label: found.doc.title }], scripts: [`${SCRIPT}?v=${c.env.APP_VERSION}`] },
      <DocumentEditView
        csrf={sessionOf(c).csrfToken}
        doc={found.doc}
        regionName={found.regionName}
        regionLevel={found.regionLevel}
        regionPath={found.regionPath}
        versions={versions}
        history={history}
        uploadMax={uploadMaxBytes(c.env)}
        values={extra.values}
        errors={extra.errors}
        notice={NOTICES[c.req.query('ok') ?? '']}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/dokumen/:id', (c) => editPage(c, docId(c)));

  app.post('/admin/dokumen/:id', async (c) => {
    const id = docId(c);
    const form = await readForm(c, DocumentForm);
    if (!form.ok) return editPage(c, id, { values: form.values, errors: form.errors, status: 422 });
    try {
      await updateDocument(deps(c), id, form.data, actionContext(c));
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editPage(c, id, { values: form.values, errors: errorsOf(fe), status: fe.status });
    }
    return c.redirect(`/admin/dokumen/${id}?ok=disimpan`, 303);
  });

  app.post('/admin/dokumen/:id/versi', async (c) => {
    const id = docId(c);
    try {
      await loadDocumentFor(c.get('db'), actionContext(c).actor, id); // 404/403 before reading the upload
      const file = await readFile(c);
      await addVersion(deps(c), id, file, actionContext(c));
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editPage(c, id, { errors: errorsOf(fe), status: fe.status });
    }
    return c.redirect(`/admin/dokumen/${id}?ok=versi`, 303);
  });

  app.get('/admin/dokumen/:id/versi/:n', async (c) => {
    const id = docId(c);
    const { doc } = await loadDocumentFor(c.get('db'), actionContext(c).actor, id);
    const n = VersionParam.safeParse(c.req.param('n'));
    const v = n.success && n.data <= doc.currentVersion ? await findVersion(c.get('db'), id, n.data) : undefined;
    if (!v) throw new AppError('not_found', 'Versi dokumen tidak ditemukan.');
    return serveVersion(c, v, doc.title, { cacheControl: 'no-store', latest: v.version === doc.currentVersion });
  });

  app.post('/admin/dokumen/:id/hapus', async (c) => {
    await deleteDocument(deps(c), docId(c), actionContext(c));
    return c.redirect('/admin/dokumen?ok=dihapus', 303);
  });

  return app;
}
