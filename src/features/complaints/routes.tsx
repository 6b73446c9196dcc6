import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { randomToken } from '../../lib/ids';
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
import { countPublic, findAttachmentById, findComplaintByTicket, listCategories, listPublic } from './repo';
import { ComplaintForm, InfoForm, PublicListQuery, RateForm, ReopenForm, ReporterAuth, ReporterLookup, TicketSchema } from './schemas';
import { loadBundle, reporterAccess, reporterAct, SUBMIT_LIMIT, submitComplaint } from './service';
import type { ComplaintAction } from './status-machine';
import { TrackView, type TrackProps } from './track-views';
import { assertUploadSize, attachmentResponse, filesOf, readPhotos } from './uploads';
import { photoLinks, validPhotoToken } from './photo-links';
import { offeredChannels, readOptIn } from '../../messaging/citizen-notice';
import { messagingOf } from '../../messaging/request-deps';
import { ComplaintFormView, ConfirmationView } from './views';

const LIST_PAGE_SIZE = 20;

function pageNav(c: Context<AppEnv>) {
  const ctx = c.get('region');
  return { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'pengaduan' as const };
}

const scriptsOf = (c: Context<AppEnv>) => [
  `/js/downscale.js?v=${c.env.APP_VERSION}`,
  `/js/send.js?v=${c.env.APP_VERSION}`,
  `/js/pengaduan.js?v=${c.env.APP_VERSION}`,
];

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
      notifyChannels={offeredChannels(messagingOf(c))}
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

/** The tracking page for a number, and with a valid private code the reporter's view (photos through signed links). */
async function trackResult(c: Context<AppEnv>, nomor: string, kode: string, notice?: string) {
  if (!nomor) return renderTrack(c, { nomor, kode: '', errors: [], notice });
  const parsed = (kode ? ReporterAuth : ReporterAuth.pick({ nomor: true })).safeParse({ nomor, kode });
  if (!parsed.success) {
    return renderTrack(c, { nomor, kode, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })) }, 422);
  }
  const ticket = parsed.data.nomor;
  const db = c.get('db');
  const now = Date.now();
  if (kode) {
    try {
      const row = await reporterAccess(db, ticket, kode, clientIp(c), now);
      const reporter = toReporterView(await loadBundle(db, row), now);
      const links = await photoLinks(
        c.env.SESSION_SECRET,
        c.get('region').region.path,
        reporter.attachments.map((a) => a.id),
        now,
      );
      return renderTrack(c, { nomor: ticket, kode, errors: [], notice, reporter, photoLinks: links });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'not_found') throw err;
      return renderTrack(c, { nomor: ticket, kode, errors: [{ field: 'kode', message: err.message }] }, 404);
    }
  }
  const row = await findComplaintByTicket(db, ticket);
  if (!row) return renderTrack(c, { nomor: ticket, kode: '', errors: [], notFound: true, notice }, 404);
  return renderTrack(c, { nomor: ticket, kode: '', errors: [], notice, publicView: toPublicView(await loadBundle(db, row)) });
}

export function complaintRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  regionPage(app, '/pengaduan', (c) => renderForm(c), { cache: false });

  regionAction(app, 'post', '/pengaduan', async (c) => {
    assertUploadSize(c);
    const form = await readForm(c, ComplaintForm);
    const optIn = readOptIn(form.values, offeredChannels(messagingOf(c)));
    if (!form.ok || !optIn.ok)
      return renderForm(c, { values: form.values, errors: [...(form.ok ? [] : form.errors), ...(optIn.ok ? [] : optIn.errors)], status: 422 });
    const now = Date.now();
    let result;
    try {
      const photos = await readPhotos(await filesOf(c), c.env.IMAGES);
      await rateLimit(c.get('db'), `complaint-submit:${clientIp(c)}`, SUBMIT_LIMIT.limit, SUBMIT_LIMIT.windowMs, now);
      // The key includes the content: a double tap or retry replays, an edited form sent again is a new report.
      result = await submitComplaint(complaintDeps(c), form.data, photos, { key: form.data.token, keyWithContent: true, now, notify: optIn.choice });
    } catch (err) {
      const errors = asFormErrors(err);
      if (errors) return renderForm(c, { values: form.values, errors, status: 422 });
      throw err;
    }
    const ctx = c.get('region');
    const complaint = result.complaint;
    const regionPath = ctx.region.path;
    const track = `${regionHref(regionPath, 'pengaduan', 'lacak')}?${new URLSearchParams({ nomor: result.ticket })}`;
    const handling = complaint.regionCode === ctx.region.code ? regionTitle(ctx.region) : 'wilayah yang Anda pilih';
    const body = (
      <ConfirmationView
        ticket={result.ticket}
        code={result.code}
        trackUrl={track}
        trackAction={regionHref(regionPath, 'pengaduan', 'lacak')}
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

  // Tracking by number alone is public (GET, also the target of short links and the Lacak box). The private code is
  // accepted only in a POST body: a `kode` left in an old link is ignored, with a word on why.
  regionPage(
    app,
    '/pengaduan/lacak',
    async (c) => {
      const q = queryObject(new URL(c.req.url));
      const nomor = (q.nomor ?? '').slice(0, 40);
      const notice = q.kode ? 'kode_di_alamat' : undefined;
      return trackResult(c, nomor, '', notice);
    },
    { cache: false },
  );

  regionAction(app, 'post', '/pengaduan/lacak', async (c) => {
    const form = await readForm(c, ReporterLookup);
    const nomor = String(form.values.nomor ?? '').slice(0, 40);
    const kode = String(form.values.kode ?? '').slice(0, 60);
    return trackResult(c, nomor, kode);
  });

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
      const photos = aksi === 'info' ? await readPhotos(await filesOf(c), c.env.IMAGES) : [];
      await reporterAct(complaintDeps(c), { ticket: d.nomor, code: d.kode, ip: clientIp(c) }, action, now, photos);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
        return reRender(err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }], err.status);
      }
      throw err;
    }
    return trackResult(c, d.nomor, d.kode, aksi);
  });

  // The reporter's photos, through the signed short-lived links of their tracking page (photo-links.ts).
  regionPage(
    app,
    '/pengaduan/lacak/foto/:id{[0-9A-Z]{26}}',
    async (c) => {
      const id = c.req.param('id') ?? '';
      if (!(await validPhotoToken(c.env.SESSION_SECRET, id, c.req.query('t') ?? '', Date.now()))) {
        throw new AppError('not_found', 'Tautan foto sudah tidak berlaku. Buka lagi halaman lacak dengan nomor dan kode pribadi Anda.');
      }
      const att = await findAttachmentById(c.get('db'), id);
      if (!att) throw new AppError('not_found', 'Foto tidak ditemukan.');
      return attachmentResponse(c.env.FILES, att);
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
