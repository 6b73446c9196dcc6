import { Hono, type Context } from 'hono';
import { actionContext } from '../../admin/context';
import { listManagedRegions } from '../../admin/regions-repo';
import { renderAdmin } from '../../admin/render';
import type { Actor } from '../../auth/actor';
import { sessionOf } from '../../auth/session';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { witaParts } from '../../lib/time';
import { assertRequestSize, checkUpload, fileField, uploadMaxBytes, type CheckedUpload } from '../../lib/upload';
import { queryObject } from '../../lib/validation';
import { RejectForm, ReviewNoteForm } from '../../publishing/schemas';
import { availableActions } from '../../publishing/workflow';
import { allows } from '../../regions/guard';
import { regionTitle } from '../../regions/labels';
import { candidateRoots } from '../../regions/policy';
import { listAllRegions } from '../../regions/repo';
import { tenderHistory, listTendersForAdmin, type AdminScope } from './admin-repo';
import { formValuesOf, TenderFormView } from './admin-form';
import { TenderAdminListView, TenderDeleteView, TenderEditHeader, TenderFilesSection, TenderHistory } from './admin-views';
import { addTenderFile, removeTenderFile, storeFile } from './files-service';
import { tenderImportRoutes } from './import-routes';
import { tenderHref } from './present';
import { filesOf, findFile } from './repo';
import { serveFile } from './routes';
import { AdminTenderListQuery, TenderForm, TenderIdParam } from './schemas';
import { changeTenderStatus, createTender, deleteTender, loadTenderForEdit, updateTender, type TenderDeps, type TenderKind } from './service';
import { pickNotice } from '../../lib/notices';

const PAGE_SIZE = 25;
const deps = (c: Context<AppEnv>): TenderDeps => ({ db: c.get('db'), env: c.env, files: c.env.FILES });

/** Whose packages an officer sees: village packages where it prepares or reviews content, regency ones with `tender.regency`. */
export function adminScopeOf(actor: Actor): AdminScope {
  if (actor.kind !== 'user') return { villageRoots: [], regency: false };
  const all = [...candidateRoots(actor.memberships, 'content.draft'), ...candidateRoots(actor.memberships, 'content.review')];
  const villageRoots = [...new Set(all)].filter((r, _i, list) => !list.some((o) => o !== r && r.startsWith(`${o}.`)));
  return { villageRoots, regency: candidateRoots(actor.memberships, 'tender.regency').length > 0 };
}

/** Villages (desa/kelurahan) where the actor may prepare procurement now. */
async function villagesFor(c: Context<AppEnv>, actor: Actor) {
  if (actor.kind !== 'user') return [];
  const { rows } = await listManagedRegions(c.get('db'), { roots: candidateRoots(actor.memberships, 'content.draft') });
  return rows.filter((r) => (r.level === 'desa' || r.level === 'kelurahan') && allows(actor, 'content.draft', r));
}

function tenderId(c: Context<AppEnv>, name = 'id'): string {
  const parsed = TenderIdParam.safeParse(c.req.param(name));
  if (!parsed.success) throw new AppError('not_found', 'Paket tidak ditemukan.');
  return parsed.data;
}

/** The optional `file` of a multipart form: the shared checks (size, magic bytes: PDF, images, Office/ODF). */
async function optionalFile(c: Context<AppEnv>): Promise<CheckedUpload | null> {
  const max = uploadMaxBytes(c.env);
  assertRequestSize(c, max);
  if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) return null;
  const file = fileField(await c.req.parseBody({ all: true }), 'file');
  return file ? checkUpload(file, 'file', { maxBytes: max, kinds: ['pdf', 'image', 'office'] }) : null;
}

function formError(err: unknown): AppError | null {
  return err instanceof AppError && ['validation', 'conflict', 'forbidden', 'payload_too_large', 'unsupported_media_type'].includes(err.code) ? err : null;
}
const errorsOf = (e: AppError): FieldError[] => (e.fieldErrors.length ? e.fieldErrors : [{ field: '_', message: e.message }]);

const NOTICES: Record<string, string> = {
  dibuat: 'Paket disimpan.',
  terbit: 'Paket tampil di situs publik.',
  disimpan: 'Perubahan tersimpan.',
  dikirim: 'Paket dikirim untuk ditinjau. Paket tampil di situs setelah disetujui.',
  disetujui: 'Paket disetujui dan tampil di situs publik.',
  dikembalikan: 'Paket dikembalikan kepada pembuatnya dengan catatan.',
  ditarik: 'Paket ditarik dari situs publik.',
  berkas: 'Berkas diunggah.',
  berkas_dihapus: 'Berkas dihapus.',
  dihapus: 'Paket dihapus dari daftar.',
};
const STATUS_NOTICE = { draft: 'disimpan', menunggu_tinjauan: 'dikirim', terbit: 'terbit', ditolak: 'disimpan' } as const;

export function tenderAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', tenderImportRoutes());

  app.get('/admin/lelang', async (c) => {
    const ctx = actionContext(c);
    const scope = adminScopeOf(ctx.actor);
    if (scope.villageRoots.length === 0 && !scope.regency) throw new AppError('not_found');
    const q = AdminTenderListQuery.parse(queryObject(new URL(c.req.url)));
    const [list, regions, villages] = await Promise.all([
      listTendersForAdmin(c.get('db'), scope, {
        regionCode: q.wilayah,
        source: q.sumber,
        publishStatus: q.status,
        overdueAt: q.perlu ? ctx.now : undefined,
        q: q.q || undefined,
        limit: PAGE_SIZE,
        offset: (q.halaman - 1) * PAGE_SIZE,
      }),
      listManagedRegions(c.get('db'), { roots: scope.villageRoots }),
      villagesFor(c, ctx.actor),
    ]);
    return renderAdmin(
      c,
      { title: 'Pengadaan dan lelang', current: '/admin/lelang' },
      <TenderAdminListView
        rows={list.rows}
        total={list.total}
        pageSize={PAGE_SIZE}
        regions={regions.rows}
        filter={q}
        canCreateVillage={villages.length > 0}
        canRegency={scope.regency}
        now={ctx.now}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
      />,
    );
  });

  const createPage = async (c: Context<AppEnv>, kind: TenderKind, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const ctx = actionContext(c);
    const scope = adminScopeOf(ctx.actor);
    const villages = kind === 'village' ? await villagesFor(c, ctx.actor) : [];
    if (kind === 'village' && villages.length === 0) throw new AppError('forbidden', 'Peran Anda tidak mengizinkan mencatat pengadaan desa.');
    if (kind === 'regency' && !scope.regency) throw new AppError('not_found');
    const locations = kind === 'regency' ? (await listAllRegions(c.get('db'))).filter((r) => r.level !== 'kabupaten') : [];
    const canPublish = villages.length > 0 && villages.every((r) => allows(ctx.actor, 'content.publish', r));
    const year = String(witaParts(ctx.now).year);
    const preset: FormValues =
      kind === 'village'
        ? { sumber: 'desa', region_code: villages[0]?.code ?? '', fiscal_year: year, funding_source: 'Dana Desa' }
        : { sumber: c.req.query('sumber') === 'sirup' ? 'sirup' : 'spse', fiscal_year: year };
    return renderAdmin(
      c,
      {
        title: kind === 'village' ? 'Catat pengadaan desa' : 'Tambah paket kabupaten',
        current: '/admin/lelang',
        breadcrumbs: [{ label: 'Lelang', href: '/admin/lelang' }, { label: 'Paket baru' }],
      },
      <>
        <h1>{kind === 'village' ? 'Catat pengadaan desa' : 'Tambah paket kabupaten'}</h1>
        {kind === 'village' && !canPublish ? <p class="callout">Paket desa ditinjau Diskominfo atau kecamatan sebelum tampil di situs publik.</p> : null}
        <TenderFormView
          csrf={sessionOf(c).csrfToken}
          action="/admin/lelang"
          kind={kind}
          villages={villages}
          locations={locations}
          values={extra.values ?? preset}
          errors={extra.errors}
          create
          live={false}
          canPublish={canPublish}
          waiting={false}
          uploadMax={uploadMaxBytes(c.env)}
        />
      </>,
      { status: extra.status },
    );
  };

  app.get('/admin/lelang/baru', (c) => createPage(c, c.req.query('sumber') === 'desa' || !c.req.query('sumber') ? 'village' : 'regency'));

  app.post('/admin/lelang', async (c) => {
    const form = await readForm(c, TenderForm);
    const kind: TenderKind = form.values.sumber === 'spse' || form.values.sumber === 'sirup' ? 'regency' : 'village';
    try {
      const file = await optionalFile(c);
      if (!form.ok) return createPage(c, kind, { values: form.values, errors: form.errors, status: 422 });
      const ctx = actionContext(c);
      const { id, publishStatus } = await createTender(deps(c), form.data, ctx);
      if (file) await storeFile(deps(c), await loadTenderForEdit(c.get('db'), ctx.actor, id), file, form.data.file_title, ctx);
      return c.redirect(`/admin/lelang/${id}?ok=${publishStatus === 'menunggu_tinjauan' ? 'dikirim' : publishStatus === 'terbit' ? 'terbit' : 'dibuat'}`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return createPage(c, kind, { values: form.values, errors: [...errorsOf(fe), ...(form.ok ? [] : form.errors)], status: fe.status });
    }
  });

  const editPage = async (
    c: Context<AppEnv>,
    id: string,
    extra: { values?: FormValues; errors?: FieldError[]; fileErrors?: FieldError[]; status?: number } = {},
  ) => {
    const ctx = actionContext(c);
    const t = await loadTenderForEdit(c.get('db'), ctx.actor, id);
    const { row, locationCodes } = t.stored;
    const [files, history, locations] = await Promise.all([
      filesOf(c.get('db'), id),
      tenderHistory(c.get('db'), id),
      t.kind === 'regency' ? listAllRegions(c.get('db')).then((all) => all.filter((r) => r.level !== 'kabupaten')) : Promise.resolve([]),
    ]);
    const base = `/admin/lelang/${id}`;
    const csrf = sessionOf(c).csrfToken;
    const canEditFiles = t.kind === 'regency' || row.publishStatus !== 'terbit' || t.rights.publish;
    return renderAdmin(
      c,
      { title: row.name, current: '/admin/lelang', breadcrumbs: [{ label: 'Lelang', href: '/admin/lelang' }, { label: row.name }] },
      <>
        <TenderEditHeader
          row={row}
          regionName={regionTitle(t.region)}
          csrf={csrf}
          base={base}
          village={t.kind === 'village'}
          actions={t.kind === 'village' ? availableActions(row.publishStatus, t.rights).filter((a) => a !== 'save' && a !== 'delete') : []}
          publicHref={tenderHref({ regionPath: t.region.path, id })}
          notice={pickNotice(NOTICES, c.req.query('ok'))}
          errors={extra.status && !extra.values ? extra.errors : undefined}
        />
        <TenderFilesSection csrf={csrf} base={base} files={files} canEdit={canEditFiles} uploadMax={uploadMaxBytes(c.env)} errors={extra.fileErrors} />
        <h2>Ubah data paket</h2>
        <TenderFormView
          csrf={csrf}
          action={base}
          kind={t.kind}
          locations={locations}
          values={extra.values ?? formValuesOf(row, locationCodes)}
          errors={extra.values ? extra.errors : undefined}
          create={false}
          live={row.publishStatus === 'terbit'}
          canPublish={t.rights.publish}
          waiting={row.publishStatus === 'menunggu_tinjauan'}
          uploadMax={uploadMaxBytes(c.env)}
        />
        <p>
          <a href={`${base}/hapus`}>Hapus paket ini</a>
        </p>
        <TenderHistory entries={history} />
      </>,
      { status: extra.status },
    );
  };

  app.get('/admin/lelang/:id', (c) => editPage(c, tenderId(c)));

  app.post('/admin/lelang/:id', async (c) => {
    const id = tenderId(c);
    const form = await readForm(c, TenderForm);
    if (!form.ok) return editPage(c, id, { values: form.values, errors: form.errors, status: 422 });
    let publishStatus;
    try {
      ({ publishStatus } = await updateTender(deps(c), id, form.data, actionContext(c)));
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editPage(c, id, { values: form.values, errors: errorsOf(fe), status: fe.status });
    }
    return c.redirect(`/admin/lelang/${id}?ok=${form.data.aksi === 'simpan' ? 'disimpan' : STATUS_NOTICE[publishStatus]}`, 303);
  });

  // Workflow actions of village packages (the same words as posts and documents).
  const STATUS_ACTIONS = {
    kirim: ['submit', 'dikirim'],
    terbitkan: ['publish', 'terbit'],
    tarik: ['unpublish', 'ditarik'],
    setujui: ['approve', 'disetujui'],
    tolak: ['reject', 'dikembalikan'],
  } as const;
  for (const [path, [action, notice]] of Object.entries(STATUS_ACTIONS)) {
    app.post(`/admin/lelang/:id/${path}`, async (c) => {
      const id = tenderId(c);
      let note: string | undefined;
      if (action === 'reject' || action === 'approve') {
        const form = await readForm(c, action === 'reject' ? RejectForm : ReviewNoteForm);
        if (!form.ok) return editPage(c, id, { errors: form.errors, status: 422 });
        note = form.data.note;
      }
      try {
        await changeTenderStatus(deps(c), id, action, actionContext(c), note);
      } catch (err) {
        const fe = formError(err);
        if (!fe || fe.code === 'forbidden') throw err;
        return editPage(c, id, { errors: errorsOf(fe), status: fe.status });
      }
      return c.redirect(`/admin/lelang/${id}?ok=${notice}`, 303);
    });
  }

  app.post('/admin/lelang/:id/berkas', async (c) => {
    const id = tenderId(c);
    try {
      await loadTenderForEdit(c.get('db'), actionContext(c).actor, id); // 404/403 before reading the upload
      const file = await optionalFile(c);
      if (!file)
        throw new AppError('validation', 'Pilih berkas yang akan diunggah.', { fieldErrors: [{ field: 'file', message: 'Pilih berkas yang akan diunggah.' }] });
      const body = await c.req.parseBody();
      const title = typeof body.file_title === 'string' ? body.file_title.slice(0, 200) : undefined;
      await addTenderFile(deps(c), id, file, title, actionContext(c));
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return editPage(c, id, { fileErrors: errorsOf(fe), status: fe.status });
    }
    return c.redirect(`/admin/lelang/${id}?ok=berkas`, 303);
  });

  app.get('/admin/lelang/:id/berkas/:fileId', async (c) => {
    const id = tenderId(c);
    await loadTenderForEdit(c.get('db'), actionContext(c).actor, id);
    const f = await findFile(c.get('db'), id, tenderId(c, 'fileId'));
    if (!f) throw new AppError('not_found', 'Berkas tidak ditemukan.');
    return serveFile(c, f, 'no-store');
  });

  app.post('/admin/lelang/:id/berkas/:fileId/hapus', async (c) => {
    const id = tenderId(c);
    await removeTenderFile(deps(c), id, tenderId(c, 'fileId'), actionContext(c));
    return c.redirect(`/admin/lelang/${id}?ok=berkas_dihapus`, 303);
  });

  app.get('/admin/lelang/:id/hapus', async (c) => {
    const t = await loadTenderForEdit(c.get('db'), actionContext(c).actor, tenderId(c));
    const row = t.stored.row;
    return renderAdmin(
      c,
      {
        title: `Hapus ${row.name}`,
        current: '/admin/lelang',
        breadcrumbs: [{ label: 'Lelang', href: '/admin/lelang' }, { label: row.name, href: `/admin/lelang/${row.id}` }, { label: 'Hapus' }],
      },
      <TenderDeleteView csrf={sessionOf(c).csrfToken} row={row} />,
    );
  });

  app.post('/admin/lelang/:id/hapus', async (c) => {
    await deleteTender(deps(c), tenderId(c), actionContext(c));
    return c.redirect('/admin/lelang?ok=dihapus', 303);
  });

  return app;
}
