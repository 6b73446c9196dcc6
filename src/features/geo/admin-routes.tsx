// Admin routes of the geo feature: /admin/tempat (places, the publishing workflow of src/publishing/) and
// /admin/wilayah/{code}/batas (boundary upload, policy 'region.boundary').
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { POST_STATUSES } from '../../db/schema';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { formValues, readForm, type FormValues } from '../../lib/forms';
import { assertRequestSize, fileField } from '../../lib/upload';
import { parseQuery, searchText } from '../../lib/validation';
import { authorize } from '../../regions/guard';
import { can, candidateRoots } from '../../regions/policy';
import { findRegionByCode } from '../../regions/repo';
import { RegionCodeSchema } from '../../regions/schemas';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { listManagedRegions } from '../../admin/regions-repo';
import { renderAdmin } from '../../admin/render';
import { BoundaryView, PlaceFormView, PlacesAdminView } from './admin-views';
import { renderConfirm, TrashList } from '../../admin/confirm';
import { boundaryHistory, parseBoundaryUpload, replaceBoundary, restoreBoundary, type BoundaryResult } from './boundary-service';
import { countPositions, type BoundaryGeometry } from '../../lib/geometry';
import { PLACE_PHOTO_MAX_BYTES, PlaceFormSchema } from './places-schemas';
import { listAdminPlaces, listCategories, listDeletedPlaces, type PlaceView } from './places-repo';
import { regionTitle } from '../../regions/labels';
import { changePlaceStatus, createPlace, deletePlace, placeForEdit, restorePlace, updatePlace } from './places-service';
import { publishRights } from '../../publishing/rights';
import { availableActions, type PublishRights } from '../../publishing/workflow';
import { RejectForm, ReviewNoteForm } from '../../publishing/schemas';
import { regionWithChildrenShapes } from './repo';
import { pickNotice } from '../../lib/notices';

const PAGE_SIZE = 50;
const BOUNDARY_MAX_BYTES = 5 * 1024 * 1024;
const PlaceIdParam = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);
const AdminPlacesQuery = z.object({
  wilayah: RegionCodeSchema.optional().catch(undefined),
  q: searchText().optional(),
  status: z.enum(POST_STATUSES).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
const NOTICES: Record<string, string> = {
  dibuat: 'Tempat ditambahkan dan sudah tampil di peta wilayah.',
  draf: 'Tempat disimpan sebagai draf; belum tampil di peta.',
  dikirim: 'Tempat dikirim untuk ditinjau; tampil di peta setelah disetujui.',
  diubah: 'Perubahan tempat disimpan.',
  dihapus: 'Tempat dipindahkan ke Sampah.',
  dipulihkan: 'Tempat dipulihkan dari Sampah sebagai draf.',
  terbit: 'Tempat terbit di peta wilayah.',
  disetujui: 'Tempat disetujui dan tampil di peta wilayah.',
  dikembalikan: 'Tempat dikembalikan dengan catatan.',
  ditarik: 'Tempat ditarik dari peta publik.',
};
const CREATE_NOTICE = { draft: 'draf', menunggu_tinjauan: 'dikirim', terbit: 'dibuat', ditolak: 'draf' } as const;
const MAP_ASSETS = (v: string) => ({ scripts: [`/vendor/maplibre-gl.js?v=${v}`, `/js/peta.js?v=${v}`], styles: [`/vendor/maplibre-gl.css?v=${v}`] });

/** The undo button after a delete (`?ok=dihapus&urungkan={id}`). */
function undoOf(c: Context<AppEnv>): { csrf: string; restoreAction: string } | undefined {
  const id = PlaceIdParam.safeParse(c.req.query('urungkan'));
  return c.req.query('ok') === 'dihapus' && id.success ? { csrf: sessionOf(c).csrfToken, restoreAction: `/admin/tempat/${id.data}/pulihkan` } : undefined;
}

/** Regions where the actor may prepare places (every stage; a reviewer publishes until the region is mandiri). */
async function placeRegions(c: Context<AppEnv>) {
  const s = sessionOf(c);
  const roots = candidateRoots(s.memberships, 'content.draft');
  if (roots.length === 0) return [];
  const { rows } = await listManagedRegions(c.get('db'), { roots });
  return rows.filter((r) => can(s.memberships, 'content.draft', r));
}

/** Subtrees whose places the actor prepares or reviews (what the list shows). */
function listRoots(c: Context<AppEnv>): string[] {
  const s = sessionOf(c);
  const all = [...candidateRoots(s.memberships, 'content.draft'), ...candidateRoots(s.memberships, 'content.review')];
  return [...new Set(all)].filter((r, _i, list) => !list.some((o) => o !== r && r.startsWith(`${o}.`)));
}

/** Rights shown on the create form: publishing only when every offered region allows it. */
function createRights(c: Context<AppEnv>, regions: Array<{ code: string; stage: 'diskominfo' | 'pendampingan' | 'mandiri' }>) {
  const actor = actionContext(c).actor;
  return { draft: regions.length > 0, publish: regions.length > 0 && regions.every((r) => publishRights(actor, r).publish), review: false };
}

function placeId(c: Context<AppEnv>): string {
  const parsed = PlaceIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Tempat tidak ditemukan.');
  return parsed.data;
}

/** Errors shown next to the form fields (anything else becomes an error page). */
function formError(err: unknown): AppError | null {
  return err instanceof AppError && ['validation', 'payload_too_large', 'unsupported_media_type'].includes(err.code) && err.fieldErrors.length > 0 ? err : null;
}

function placeValues(p: PlaceView): FormValues {
  return {
    region_code: p.regionCode,
    name: p.name,
    category: p.category,
    lat: String(p.lat),
    lng: String(p.lng),
    address: p.address,
    opening_hours: p.openingHours,
    contact: p.contact,
    description: p.description,
  };
}

export function geoAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function renderForm(
    c: Context<AppEnv>,
    opts: { place?: PlaceView & { rights: PublishRights }; values: FormValues; errors?: FieldError[]; status?: number; notice?: string },
  ) {
    const [regions, categories] = await Promise.all([placeRegions(c), listCategories(c.get('db'))]);
    const action = opts.place ? `/admin/tempat/${opts.place.id}` : '/admin/tempat';
    return renderAdmin(
      c,
      {
        title: opts.place ? `Ubah ${opts.place.name}` : 'Tambah tempat',
        current: '/admin/tempat',
        breadcrumbs: [{ label: 'Tempat', href: '/admin/tempat' }, { label: opts.place ? opts.place.name : 'Tambah' }],
        ...MAP_ASSETS(c.env.APP_VERSION),
      },
      <PlaceFormView
        csrf={sessionOf(c).csrfToken}
        action={action}
        place={opts.place}
        regions={regions}
        categories={categories}
        values={opts.values}
        errors={opts.errors}
        rights={opts.place ? opts.place.rights : createRights(c, regions)}
        actions={opts.place ? availableActions(opts.place.status, opts.place.rights) : undefined}
        notice={opts.notice}
      />,
      { status: opts.status },
    );
  }

  /** Reads the multipart place form; returns the photo (checked later by the service). */
  async function readPlaceForm(c: Context<AppEnv>) {
    assertRequestSize(c, PLACE_PHOTO_MAX_BYTES);
    const form = await readForm(c, PlaceFormSchema);
    const type = c.req.header('Content-Type') ?? '';
    const photo = type.startsWith('multipart/form-data') ? fileField(await c.req.parseBody({ all: true }), 'photo') : null;
    return { form, photo };
  }

  const deps = (c: Context<AppEnv>) => ({ db: c.get('db'), files: c.env.FILES, env: c.env });

  app.get('/admin/tempat', async (c) => {
    const roots = listRoots(c);
    if (roots.length === 0) throw new AppError('not_found');
    const regions = (await listManagedRegions(c.get('db'), { roots })).rows;
    const q = parseQuery(AdminPlacesQuery, new URL(c.req.url));
    const list = await listAdminPlaces(c.get('db'), {
      roots,
      status: q.status,
      regionCode: q.wilayah,
      q: q.q || undefined,
      limit: PAGE_SIZE,
      offset: (q.halaman - 1) * PAGE_SIZE,
    });
    return renderAdmin(
      c,
      { title: 'Tempat di peta', current: '/admin/tempat' },
      <PlacesAdminView
        rows={list.rows}
        total={list.total}
        page={q.halaman}
        pageSize={PAGE_SIZE}
        regions={regions}
        filter={q}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
        undo={undoOf(c)}
      />,
    );
  });

  app.get('/admin/tempat/sampah', async (c) => {
    const roots = listRoots(c);
    if (roots.length === 0) throw new AppError('not_found');
    const rows = await listDeletedPlaces(c.get('db'), roots);
    return renderAdmin(
      c,
      { title: 'Sampah tempat', current: '/admin/tempat', breadcrumbs: [{ label: 'Tempat di peta', href: '/admin/tempat' }, { label: 'Sampah' }] },
      <>
        <h1>Sampah tempat</h1>
        <TrashList
          csrf={sessionOf(c).csrfToken}
          noun="tempat"
          backHref="/admin/tempat"
          backLabel="Kembali ke daftar tempat"
          rows={rows.map((x) => ({
            id: x.id,
            title: x.name,
            where: regionTitle({ level: x.regionLevel, name: x.regionName }),
            deletedAt: x.deletedAt ?? 0,
            restoreAction: `/admin/tempat/${x.id}/pulihkan`,
          }))}
        />
      </>,
    );
  });

  app.get('/admin/tempat/baru', async (c) => {
    const wilayah = RegionCodeSchema.safeParse(c.req.query('wilayah'));
    const regions = await placeRegions(c);
    if (regions.length === 0)
      throw new AppError('forbidden', 'Peran Anda tidak mengizinkan menambah tempat. Hubungi Diskominfo bila ada tempat yang perlu ditambahkan.');
    const preset = wilayah.success && regions.some((r) => r.code === wilayah.data) ? wilayah.data : regions.length === 1 ? regions[0]?.code : undefined;
    return renderForm(c, { values: preset ? { region_code: preset } : {} });
  });

  app.post('/admin/tempat', async (c) => {
    const { form, photo } = await readPlaceForm(c);
    if (!form.ok) return renderForm(c, { values: form.values, errors: form.errors, status: 422 });
    try {
      const { id, status } = await createPlace(deps(c), form.data, photo, actionContext(c));
      return c.redirect(`/admin/tempat/${id}?ok=${CREATE_NOTICE[status]}`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return renderForm(c, { values: form.values, errors: fe.fieldErrors, status: fe.status });
    }
  });

  app.get('/admin/tempat/:id', async (c) => {
    const place = await placeForEdit(c.get('db'), placeId(c), actionContext(c));
    return renderForm(c, { place, values: placeValues(place), notice: pickNotice(NOTICES, c.req.query('ok')) });
  });

  app.post('/admin/tempat/:id', async (c) => {
    const id = placeId(c);
    const place = await placeForEdit(c.get('db'), id, actionContext(c));
    const { form, photo } = await readPlaceForm(c);
    if (!form.ok) return renderForm(c, { place, values: form.values, errors: form.errors, status: 422 });
    try {
      const { status } = await updatePlace(deps(c), id, form.data, photo, actionContext(c));
      return c.redirect(`/admin/tempat/${id}?ok=${form.data.aksi === 'simpan' ? 'diubah' : CREATE_NOTICE[status]}`, 303);
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return renderForm(c, { place, values: form.values, errors: fe.fieldErrors, status: fe.status });
    }
  });

  const STATUS_ACTIONS = {
    kirim: ['submit', 'dikirim'],
    terbitkan: ['publish', 'terbit'],
    tarik: ['unpublish', 'ditarik'],
    setujui: ['approve', 'disetujui'],
    tolak: ['reject', 'dikembalikan'],
  } as const;
  for (const [path, [action, notice]] of Object.entries(STATUS_ACTIONS)) {
    app.post(`/admin/tempat/:id/${path}`, async (c) => {
      const id = placeId(c);
      let note: string | undefined;
      if (action === 'reject' || action === 'approve') {
        const form = await readForm(c, action === 'reject' ? RejectForm : ReviewNoteForm);
        if (!form.ok) {
          const place = await placeForEdit(c.get('db'), id, actionContext(c));
          return renderForm(c, { place, values: { ...placeValues(place), ...form.values }, errors: form.errors, status: 422 });
        }
        note = form.data.note;
      }
      await changePlaceStatus(deps(c), id, action, actionContext(c), note);
      return c.redirect(`/admin/tempat/${id}?ok=${notice}`, 303);
    });
  }

  app.get('/admin/tempat/:id/hapus', async (c) => {
    const place = await placeForEdit(c.get('db'), placeId(c), actionContext(c));
    const where = regionTitle({ level: place.regionLevel, name: place.regionName });
    return renderConfirm(
      c,
      { title: `Hapus ${place.name}`, current: '/admin/tempat', breadcrumbs: [{ label: 'Tempat di peta', href: '/admin/tempat' }, { label: 'Hapus' }] },
      {
        question: `Hapus ${place.name}?`,
        consequence: `Tempat ini dipindahkan ke Sampah dan hilang dari peta ${where}. Anda dapat memulihkannya dari Sampah (sebagai draf).`,
        action: `/admin/tempat/${place.id}/hapus`,
        confirmLabel: 'Ya, hapus tempat',
        cancelHref: `/admin/tempat/${place.id}`,
      },
    );
  });

  app.post('/admin/tempat/:id/hapus', async (c) => {
    const place = await deletePlace(deps(c), placeId(c), actionContext(c));
    return c.redirect(`/admin/tempat?ok=dihapus&wilayah=${place.regionCode}&urungkan=${place.id}`, 303);
  });

  app.post('/admin/tempat/:id/pulihkan', async (c) => {
    const place = await restorePlace(deps(c), placeId(c), actionContext(c));
    return c.redirect(`/admin/tempat/${place.id}?ok=dipulihkan`, 303);
  });

  // --- Boundaries (Diskominfo) -------------------------------------------------------------------------------

  async function boundaryPage(
    c: Context<AppEnv>,
    code: string,
    extra: { errors?: FieldError[]; values?: FormValues; result?: BoundaryResult & { restored?: boolean }; status?: number } = {},
  ) {
    const s = sessionOf(c);
    const db = c.get('db');
    const region = await findRegionByCode(db, code);
    if (!region || !can(s.memberships, 'region.boundary', region)) throw new AppError('not_found', 'Wilayah tidak ditemukan.');
    const [shapes, history] = await Promise.all([regionWithChildrenShapes(db, code), boundaryHistory(db, code)]);
    return renderAdmin(
      c,
      {
        title: `Batas ${region.name}`,
        current: '/admin/wilayah',
        breadcrumbs: [{ label: 'Wilayah', href: '/admin/wilayah' }, { label: region.name, href: `/admin/wilayah/${code}` }, { label: 'Batas' }],
      },
      <BoundaryView
        csrf={s.csrfToken}
        region={region}
        shapes={shapes}
        positions={countPositions(JSON.parse(region.boundary) as BoundaryGeometry)}
        history={history}
        errors={extra.errors}
        values={extra.values}
        result={extra.result}
      />,
      { status: extra.status },
    );
  }

  const regionCode = (c: Context<AppEnv>) => {
    const parsed = RegionCodeSchema.safeParse(c.req.param('code'));
    if (!parsed.success) throw new AppError('not_found', 'Wilayah tidak ditemukan.');
    return parsed.data;
  };

  app.get('/admin/wilayah/:code/batas', async (c) => boundaryPage(c, regionCode(c)));

  app.post('/admin/wilayah/:code/batas', async (c) => {
    const code = regionCode(c);
    await authorize(c.get('db'), actionContext(c).actor, 'region.boundary', code);
    assertRequestSize(c, BOUNDARY_MAX_BYTES);
    const values = await formValues(c);
    const note = String(values.note ?? '')
      .trim()
      .slice(0, 200);
    const shown: FormValues = { note, geojson: String(values.geojson ?? '').slice(0, 200_000) };
    try {
      const file = fileField(await c.req.parseBody({ all: true }), 'file');
      if (file && file.size > BOUNDARY_MAX_BYTES)
        throw new AppError('payload_too_large', 'Berkas terlalu besar.', { fieldErrors: [{ field: 'file', message: 'Berkas GeoJSON maksimal 5 MB.' }] });
      const text = file ? await file.text() : String(values.geojson ?? '').trim();
      if (!text)
        throw new AppError('validation', 'Pilih berkas GeoJSON atau tempel teksnya.', {
          fieldErrors: [{ field: 'file', message: 'Pilih berkas GeoJSON atau tempel teksnya.' }],
        });
      const geometry = await parseBoundaryUpload(c.get('db'), text, file ? 'file' : 'geojson');
      const result = await replaceBoundary({ db: c.get('db'), env: c.env }, code, geometry, note, actionContext(c));
      return boundaryPage(c, code, { result });
    } catch (err) {
      const fe = formError(err);
      if (!fe) throw err;
      return boundaryPage(c, code, { errors: fe.fieldErrors, values: shown, status: fe.status });
    }
  });

  app.post('/admin/wilayah/:code/batas/pulihkan', async (c) => {
    const code = regionCode(c);
    const values = await formValues(c);
    const historyId = PlaceIdParam.safeParse(values.history_id);
    if (!historyId.success) throw new AppError('not_found', 'Riwayat batas tidak ditemukan.');
    const result = await restoreBoundary({ db: c.get('db'), env: c.env }, code, historyId.data, actionContext(c));
    return boundaryPage(c, code, { result: { ...result, restored: true } });
  });

  return app;
}
