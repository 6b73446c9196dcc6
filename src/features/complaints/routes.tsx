import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { randomToken } from '../../lib/ids';
import { originOf } from '../../lib/origin';
import { rateLimit } from '../../lib/rate-limit';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { listAllRegions } from '../../regions/repo';
import { regionAction, regionPage } from '../../middleware/region-pages';
import { renderPage } from '../../views/render';
import { clientIp } from '../../auth/request';
import { regionCrumbs } from '../../views/region-crumbs';
import { complaintDeps, privateHeaders } from './deps';
import { regionFigures } from './figures';
import { PublicListView } from './list-views';
import { toPublicView, toReporterView } from './present';
import { countPublic, findAttachment, findComplaintByTicket, listCategories, listPublic } from './repo';
import { ComplaintForm, InfoForm, PublicListQuery, RateForm, ReopenForm, ReporterAuth, TicketSchema } from './schemas';
import { loadBundle, reporterAccess, reporterAct, SUBMIT_LIMIT, submitComplaint } from './service';
import type { ComplaintAction } from './status-machine';
import { TrackView, type TrackProps } from './track-views';
import { assertUploadSize, filesOf, photoResponse, readPhotos } from './uploads';
import { ComplaintFormView, ConfirmationView } from './views';

const LIST_PAGE_SIZE = 20;

function pageNav(c: Context<AppEnv>) {
  const ctx = c.get('region');
  return { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'pengaduan' as const };
}

const scriptsOf = (c: Context<AppEnv>) => [`/js/downscale.js?v=${c.env.APP_VERSION}`, `/js/pengaduan.js?v=${c.env.APP_VERSION}`];

async function renderForm(c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) {
  const ctx = c.get('region');
  const db = c.get('db');
  const [categories, regions] = await Promise.all([listCategories(db, { activeOnly: true }), listAllRegions(db)]);
  c.header('Cache-Control', 'no-store'); // carries a per-visitor token
  const body = (
    <ComplaintFormView
      regionPath={ctx.region.path}
      regionLabel={regionTitle(ctx.region)}
      regionCode={ctx.region.code}
      categories={categories}
      regions={regions}
      token={randomToken(18)}
      values={extra.values}
      errors={extra.errors}
    />
  );
  return renderPage(
    c,
    { title: `Pengaduan · ${regionTitle(ctx.region)}`, nav: pageNav(c), breadcrumbs: regionCrumbs(ctx, { label: 'Pengaduan' }), scripts: scriptsOf(c) },
    body,
    { status: extra.status, fragment: body },
  );
}

/** 422 re-render for validation errors thrown below the route (photos, region, category). */
function asFormErrors(err: unknown): FieldError[] | null {
  return err instanceof AppError && err.code === 'validation' ? (err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }]) : null;
}

async function renderTrack(c: Context<AppEnv>, props: Omit<TrackProps, 'regionPath'>, status = 200) {
  const ctx = c.get('region');
  privateHeaders(c);
  return renderPage(
    c,
    {
      title: `Lacak laporan · ${regionTitle(ctx.region)}`,
      nav: pageNav(c),
      breadcrumbs: regionCrumbs(ctx, { label: 'Pengaduan', href: regionHref(ctx.region.path, 'pengaduan') }, { label: 'Lacak' }),
      scripts: scriptsOf(c),
      meta: <meta name="referrer" content="no-referrer" />,
    },
    <TrackView regionPath={ctx.region.path} {...props} />,
    { status },
  );
}

export function complaintRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  regionPage(app, '/pengaduan', (c) => renderForm(c), { cache: false });

  regionAction(app, 'post', '/pengaduan', async (c) => {
    assertUploadSize(c);
    const form = await readForm(c, ComplaintForm);
    if (!form.ok) return renderForm(c, { values: form.values, errors: form.errors, status: 422 });
    const now = Date.now();
    let result;
    try {
      const photos = await readPhotos(await filesOf(c));
      await rateLimit(c.get('db'), `complaint-submit:${clientIp(c)}`, SUBMIT_LIMIT.limit, SUBMIT_LIMIT.windowMs, now);
      // The key includes the content: a double tap or retry replays, an edited form sent again is a new report.
      result = await submitComplaint(complaintDeps(c), form.data, photos, { key: form.data.token, keyWithContent: true, now });
    } catch (err) {
      const errors = asFormErrors(err);
      if (errors) return renderForm(c, { values: form.values, errors, status: 422 });
      throw err;
    }
    const ctx = c.get('region');
    const complaint = result.complaint;
    const regionPath = ctx.region.path;
    const track = `${regionHref(regionPath, 'pengaduan', 'lacak')}?${new URLSearchParams({ nomor: result.ticket })}`;
    const privateUrl = `${originOf(c)}${regionHref(regionPath, 'pengaduan', 'lacak')}?${new URLSearchParams({ nomor: result.ticket, kode: result.code })}`;
    const handling = complaint.regionCode === ctx.region.code ? regionTitle(ctx.region) : 'wilayah yang Anda pilih';
    const body = (
      <ConfirmationView
        ticket={result.ticket}
        code={result.code}
        trackUrl={track}
        privateUrl={privateUrl}
        regionLabel={handling}
        verifyDueAt={complaint.verifyDueAt}
        confidential={complaint.isConfidential}
        anonymous={complaint.isAnonymous}
      />
    );
    privateHeaders(c);
    return renderPage(
      c,
      {
        title: `Laporan terkirim · ${result.ticket}`,
        nav: pageNav(c),
        breadcrumbs: regionCrumbs(ctx, { label: 'Pengaduan' }),
        meta: <meta name="referrer" content="no-referrer" />,
      },
      body,
      { status: result.created ? 201 : 200, fragment: body },
    );
  });

  regionPage(
    app,
    '/pengaduan/lacak',
    async (c) => {
      const q = queryObject(new URL(c.req.url));
      const nomor = (q.nomor ?? '').slice(0, 40);
      const kode = (q.kode ?? '').slice(0, 60);
      const notice = q.ok;
      if (!nomor) return renderTrack(c, { nomor, kode, errors: [] });
      const parsed = (kode ? ReporterAuth : ReporterAuth.pick({ nomor: true })).safeParse({ nomor, kode });
      if (!parsed.success) {
        return renderTrack(c, { nomor, kode, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })) }, 422);
      }
      const ticket = parseOrThrow(TicketSchema, nomor);
      const db = c.get('db');
      const now = Date.now();
      if (kode) {
        try {
          const row = await reporterAccess(db, ticket, kode, clientIp(c), now);
          return renderTrack(c, { nomor: ticket, kode, errors: [], notice, reporter: toReporterView(await loadBundle(db, row), now) });
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'not_found') throw err;
          return renderTrack(c, { nomor: ticket, kode, errors: [{ field: 'kode', message: err.message }] }, 404);
        }
      }
      const row = await findComplaintByTicket(db, ticket);
      if (!row) return renderTrack(c, { nomor: ticket, kode, errors: [], notFound: true }, 404);
      return renderTrack(c, { nomor: ticket, kode, errors: [], publicView: toPublicView(await loadBundle(db, row)) });
    },
    { cache: false },
  );

  regionAction(app, 'post', '/pengaduan/lacak/:aksi{info|terima|buka|nilai}', async (c) => {
    const aksi = c.req.param('aksi') as 'info' | 'terima' | 'buka' | 'nilai';
    if (aksi === 'info') assertUploadSize(c);
    const schema = { info: InfoForm, terima: ReporterAuth, buka: ReopenForm, nilai: RateForm }[aksi];
    const form = await readForm(c, schema);
    const values = form.values;
    const nomor = String(values.nomor ?? '').slice(0, 40);
    const kode = String(values.kode ?? '').slice(0, 60);
    const db = c.get('db');
    const now = Date.now();
    const reRender = async (errors: FieldError[], status: number) => {
      try {
        const row = await reporterAccess(db, parseOrThrow(TicketSchema, nomor), kode, clientIp(c), now);
        return renderTrack(c, { nomor, kode, errors: [], formErrors: errors, reporter: toReporterView(await loadBundle(db, row), now) }, status);
      } catch {
        return renderTrack(
          c,
          { nomor, kode, errors: [{ field: 'kode', message: 'Nomor pelacakan atau kode pribadi tidak cocok. Periksa kembali keduanya.' }] },
          404,
        );
      }
    };
    if (!form.ok) return reRender(form.errors, 422);
    const d = form.data as Record<string, unknown> & { nomor: string; kode: string };
    const action: ComplaintAction =
      aksi === 'info'
        ? { type: 'tambah_info', message: String(d.message) }
        : aksi === 'terima'
          ? { type: 'terima_jawaban' }
          : aksi === 'buka'
            ? { type: 'buka_kembali', reason: String(d.reason) }
            : { type: 'nilai', score: Number(d.score), comment: d.comment ? String(d.comment) : undefined };
    try {
      const photos = aksi === 'info' ? await readPhotos(await filesOf(c)) : [];
      await reporterAct(complaintDeps(c), { ticket: d.nomor, code: d.kode, ip: clientIp(c) }, action, now, photos);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
        return reRender(err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }], err.status);
      }
      throw err;
    }
    privateHeaders(c);
    return c.redirect(
      `${regionHref(c.get('region').region.path, 'pengaduan', 'lacak')}?${new URLSearchParams({ nomor: d.nomor, kode: d.kode, ok: aksi })}`,
      303,
    );
  });

  regionPage(
    app,
    '/pengaduan/lacak/foto/:id{[0-9A-Z]{26}}',
    async (c) => {
      const q = queryObject(new URL(c.req.url));
      const auth = ReporterAuth.safeParse({ nomor: q.nomor ?? '', kode: q.kode ?? '' });
      if (!auth.success) throw new AppError('not_found', 'Foto tidak ditemukan.');
      const db = c.get('db');
      const row = await reporterAccess(db, auth.data.nomor, auth.data.kode, clientIp(c), Date.now());
      const att = await findAttachment(db, row.id, c.req.param('id') ?? '');
      if (!att) throw new AppError('not_found', 'Foto tidak ditemukan.');
      return photoResponse(c.env.FILES, att.r2Key, att.mime);
    },
    { cache: false },
  );

  // Public list and figures: KV-cached, purged by the service whenever a report's public state changes.
  regionPage(app, '/pengaduan/daftar', async (c) => {
    const ctx = c.get('region');
    const db = c.get('db');
    const q = PublicListQuery.parse(queryObject(new URL(c.req.url)));
    const statuses =
      q.status === 'proses'
        ? (['diverifikasi', 'didisposisikan', 'ditindaklanjuti'] as const)
        : q.status === 'selesai'
          ? (['selesai', 'bukan_wewenang'] as const)
          : undefined;
    const filter = { regionCode: ctx.region.code, statuses: statuses ? [...statuses] : undefined };
    const [figures, items, total] = await Promise.all([
      regionFigures(db, ctx.region),
      listPublic(db, { ...filter, limit: LIST_PAGE_SIZE, offset: (q.halaman - 1) * LIST_PAGE_SIZE }),
      countPublic(db, filter),
    ]);
    return renderPage(
      c,
      {
        title: `Daftar pengaduan · ${regionTitle(ctx.region)}`,
        description: `Pengaduan dan aspirasi warga di ${regionTitle(ctx.region)}: status, umur laporan dan angka penanganan.`,
        nav: pageNav(c),
        breadcrumbs: regionCrumbs(ctx, { label: 'Pengaduan', href: regionHref(ctx.region.path, 'pengaduan') }, { label: 'Daftar' }),
      },
      <PublicListView
        region={ctx.region}
        children={ctx.children}
        figures={figures.total}
        childFigures={figures.byChild}
        items={items}
        total={total}
        status={q.status}
        page={q.halaman}
        pageSize={LIST_PAGE_SIZE}
        now={Date.now()}
      />,
    );
  });

  return app;
}
