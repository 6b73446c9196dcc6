import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { csvResponse, csvVariantOf } from '../../lib/csv';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, valueOf } from '../../lib/forms';
import { contentDisposition } from '../../lib/file-type';
import { randomToken } from '../../lib/ids';
import { originOf } from '../../lib/origin';
import { queryObject } from '../../lib/validation';
import { offeredChannels, readOptIn } from '../../messaging/citizen-notice';
import { messagingOf } from '../../messaging/request-deps';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { regionAction, regionPage } from '../../middleware/region-pages';
import { renderPage } from '../../views/render';
import { clientIp } from '../../auth/request';
import { regionCrumbs } from '../../views/region-crumbs';
import { dipDocumentHref, loadDip, witaYear } from './dip';
import { ConfirmationView, RequestFormView } from './form-views';
import { findProfile, findRegion, loadCalendar } from './repo';
import { reportCsv } from './report';
import { loadReport } from './report-service';
import { ReportView } from './report-views';
import { InfoRequestForm, ObjectionForm, ReportQuery, RequestNumber, TrackForm } from './schemas';
import { fileObjection, publicStatus, stateOf, submitRequest, verifyRequester, type PublicDeps } from './service';
import { canObject, objectionWindow } from './state';
import { dataKeys } from '../../lib/data-key';
import { RequesterView, TrackView } from './track-views';
import { PpidHomeView } from './views';

function deps(c: Context<AppEnv>): PublicDeps {
  return { db: c.get('db'), secret: c.env.SESSION_SECRET, dataKeys: dataKeys(c.env), now: Date.now(), requestId: c.get('requestId') };
}

/** The request form is sent by send.js: progress, drafts on the phone, offline outbox sent exactly once by its token. */
const formScripts = (c: Context<AppEnv>) => [`/js/send.js?v=${c.env.APP_VERSION}`];

function page(c: Context<AppEnv>, label: string, crumbs: Array<{ label: string; href?: string }> = [], scripts?: string[]) {
  const ctx = c.get('region');
  return {
    scripts,
    title: `${label} · PPID ${regionTitle(ctx.region)}`,
    nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'ppid' as const },
    breadcrumbs: regionCrumbs(ctx, { label: 'PPID', href: regionHref(ctx.region.path, 'ppid') }, ...crumbs, { label }),
  };
}

/** Personal pages: never stored by any cache. */
function personal(c: Context<AppEnv>) {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'same-origin'); // not no-referrer: Chromium would then send `Origin: null` on our own form posts (CSRF check)
}

export function ppidRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  regionPage(app, '/ppid', async (c) => {
    const ctx = c.get('region');
    const db = c.get('db');
    const [profile, dip] = await Promise.all([findProfile(db, ctx.region.code), loadDip(db, ctx.region.code, dipDocumentHref(ctx.region.path))]);
    return renderPage(
      c,
      {
        title: `PPID ${regionTitle(ctx.region)}`,
        description: `Profil PPID, Daftar Informasi Publik dan permohonan informasi ${regionTitle(ctx.region)}.`,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'ppid' },
        breadcrumbs: regionCrumbs(ctx, { label: 'PPID' }),
      },
      <PpidHomeView ctx={ctx} profile={profile} dip={dip} origin={originOf(c)} />,
    );
  });

  regionPage(
    app,
    '/ppid/permohonan',
    (c) => {
      personal(c);
      return renderPage(
        c,
        page(c, 'Ajukan permohonan', [], formScripts(c)),
        <RequestFormView ctx={c.get('region')} token={randomToken(24)} notifyChannels={offeredChannels(messagingOf(c))} />,
      );
    },
    { cache: false },
  );

  regionAction(app, 'post', '/ppid/permohonan', async (c) => {
    personal(c);
    const ctx = c.get('region');
    const form = await readForm(c, InfoRequestForm);
    const offered = offeredChannels(messagingOf(c));
    const optIn = readOptIn(form.values, offered);
    if (!form.ok || !optIn.ok) {
      const token = valueOf(form.values, 'token');
      const errors = [...(form.ok ? [] : form.errors), ...(optIn.ok ? [] : optIn.errors)];
      return renderPage(
        c,
        page(c, 'Ajukan permohonan', [], formScripts(c)),
        <RequestFormView
          ctx={ctx}
          token={/^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : randomToken(24)}
          values={form.values}
          errors={errors}
          notifyChannels={offered}
        />,
        { status: 422 },
      );
    }
    const { token, ...input } = form.data;
    const r = await submitRequest(deps(c), { regionCode: ctx.region.code, input, key: token, ip: clientIp(c), channel: 'web', notify: optIn.choice });
    return renderPage(
      c,
      page(c, 'Permohonan terkirim'),
      <ConfirmationView ctx={ctx} number={r.number} code={r.code} registeredAt={r.registeredAt} dueAt={r.dueAt} replay={!r.created} />,
      { status: r.created ? 201 : 200 },
    );
  });

  regionPage(
    app,
    '/ppid/lacak',
    async (c) => {
      personal(c);
      const ctx = c.get('region');
      const raw = (queryObject(new URL(c.req.url)).nomor ?? '').trim();
      const action = regionHref(ctx.region.path, 'ppid', 'lacak');
      if (!raw) return renderPage(c, page(c, 'Lacak permohonan'), <TrackView action={action} nomor="" found={null} />);
      const parsed = RequestNumber.safeParse(raw);
      const found = parsed.success ? await publicStatus(c.get('db'), parsed.data) : null;
      if (!found) {
        const error = parsed.success
          ? `Permohonan ${parsed.data} tidak ditemukan. Periksa kembali nomornya.`
          : (parsed.error.issues[0]?.message ?? 'Nomor tidak valid.');
        return renderPage(c, page(c, 'Lacak permohonan'), <TrackView action={action} nomor={raw.slice(0, 40)} error={error} found={null} />, {
          status: parsed.success ? 404 : 400,
        });
      }
      if (found.row.regionCode !== ctx.region.code) {
        const home = await findRegion(c.get('db'), found.row.regionCode);
        if (home) return c.redirect(`${regionHref(home.path, 'ppid', 'lacak')}?nomor=${encodeURIComponent(found.row.number)}`, 303);
      }
      return renderPage(c, page(c, 'Lacak permohonan'), <TrackView action={action} nomor={found.row.number} found={{ ...found, now: Date.now() }} />);
    },
    { cache: false },
  );

  /** Requester view with the private code (POST keeps the code out of URLs, logs and caches). */
  regionAction(app, 'post', '/ppid/lacak', async (c) => {
    personal(c);
    const form = await readForm(c, TrackForm);
    if (!form.ok) return trackError(c, valueOf(form.values, 'nomor'), form.errors);
    try {
      return await requesterPage(c, form.data.nomor, form.data.kode);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return trackError(c, form.data.nomor, err.fieldErrors);
      throw err;
    }
  });

  regionAction(app, 'post', '/ppid/lacak/keberatan', async (c) => {
    personal(c);
    const form = await readForm(c, ObjectionForm);
    const nomor = valueOf(form.values, 'nomor');
    const kode = valueOf(form.values, 'kode');
    const values = { grounds: [form.values.grounds ?? []].flat(), reason: valueOf(form.values, 'reason') };
    if (!form.ok) {
      const credentials = TrackForm.safeParse({ nomor, kode });
      if (!credentials.success) return trackError(c, nomor, [{ field: 'kode', message: 'Nomor registrasi atau kode rahasia tidak valid.' }]);
      return requesterPage(c, credentials.data.nomor, credentials.data.kode, { objectionErrors: form.errors, objectionValues: values }, 422);
    }
    try {
      await fileObjection(deps(c), { number: form.data.nomor, code: form.data.kode, grounds: form.data.grounds, reason: form.data.reason, ip: clientIp(c) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        return requesterPage(
          c,
          form.data.nomor,
          form.data.kode,
          { objectionErrors: [{ field: 'grounds', message: err.message }], objectionValues: values },
          409,
        );
      }
      if (err instanceof AppError && err.code === 'validation') return trackError(c, form.data.nomor, err.fieldErrors);
      throw err;
    }
    return requesterPage(c, form.data.nomor, form.data.kode, { notice: 'Keberatan Anda telah diterima dan diteruskan kepada atasan PPID.' });
  });

  /** The answer document, only for the requester holding the private code. */
  regionAction(app, 'post', '/ppid/lacak/dokumen', async (c) => {
    personal(c);
    const form = await readForm(c, TrackForm);
    if (!form.ok) throw new AppError('validation', 'Nomor registrasi atau kode rahasia tidak valid.', { fieldErrors: form.errors });
    const { row } = await verifyRequester(deps(c), form.data.nomor, form.data.kode, clientIp(c));
    if (!row.answerDocKey) throw new AppError('not_found', 'Permohonan ini tidak memiliki dokumen jawaban.');
    const obj = await c.env.FILES.get(row.answerDocKey);
    if (!obj) throw new AppError('not_found', 'Dokumen jawaban tidak ditemukan.');
    return new Response(obj.body, {
      headers: {
        'Content-Type': row.answerDocMime ?? 'application/octet-stream',
        'Content-Disposition': contentDisposition(row.answerDocName ?? `jawaban-${row.number}`),
        'Content-Length': String(obj.size),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  });

  regionPage(app, '/ppid/laporan', (c) => publicReport(c, 'html'), { cache: false });
  regionPage(app, '/ppid/laporan.csv', (c) => publicReport(c, 'csv'), { cache: false });

  return app;
}

async function trackError(c: Context<AppEnv>, nomorRaw: string, errors: FieldError[]) {
  const ctx = c.get('region');
  const action = regionHref(ctx.region.path, 'ppid', 'lacak');
  const parsed = RequestNumber.safeParse(nomorRaw);
  const found = parsed.success ? await publicStatus(c.get('db'), parsed.data) : null;
  const codeErrors = errors.map((e) => (e.field === 'nomor' || e.field === 'kode' ? { field: 'kode', message: e.message } : e));
  return renderPage(
    c,
    page(c, 'Lacak permohonan'),
    <TrackView
      action={action}
      nomor={found?.row.number ?? nomorRaw.slice(0, 40)}
      found={found ? { ...found, now: Date.now() } : null}
      codeErrors={codeErrors}
    />,
    { status: 422 },
  );
}

async function requesterPage(
  c: Context<AppEnv>,
  number: string,
  code: string,
  extra: { objectionErrors?: FieldError[]; objectionValues?: { grounds: string[]; reason: string }; notice?: string } = {},
  status = 200,
) {
  const d = deps(c);
  const { row, objection, events } = await verifyRequester(d, number, code, clientIp(c));
  const cal = await loadCalendar(d.db);
  const s = stateOf(row, objection);
  const window = objectionWindow(s, d.now, cal);
  const base = regionHref(c.get('region').region.path, 'ppid', 'lacak');
  return renderPage(
    c,
    page(c, `Permohonan ${row.number}`, [{ label: 'Lacak', href: base }]),
    <RequesterView
      row={row}
      objection={objection}
      events={events}
      now={d.now}
      code={code}
      base={base}
      objectionWindow={window}
      canObject={canObject(s, d.now, cal)}
      {...extra}
    />,
    { status },
  );
}

async function publicReport(c: Context<AppEnv>, format: 'html' | 'csv') {
  const ctx = c.get('region');
  const q = ReportQuery.safeParse(queryObject(new URL(c.req.url)));
  if (!q.success) throw new AppError('bad_request', q.error.issues[0]?.message ?? 'Tahun tidak valid.');
  const year = q.data.tahun ?? witaYear(Date.now());
  const { report, regionName } = await loadReport(c.get('db'), ctx.region.code, year);
  const base = regionHref(ctx.region.path, 'ppid', 'laporan');
  if (format === 'csv') {
    const variant = csvVariantOf(new URL(c.req.url));
    return csvResponse(reportCsv(report, regionName, variant), `laporan-ppid-${ctx.region.code}-${year}.csv`, variant);
  }
  const years = Array.from({ length: 6 }, (_, i) => witaYear(Date.now()) - i);
  return renderPage(
    c,
    page(c, `Laporan layanan ${year}`),
    <ReportView
      report={report}
      regionName={regionName}
      now={Date.now()}
      csvHref={`${base}.csv?tahun=${year}`}
      filters={
        <form class="filters" method="get" action={base}>
          <label for="tahun">Tahun</label>
          <select id="tahun" name="tahun">
            {years.map((y) => (
              <option value={String(y)} selected={y === year}>
                {y}
              </option>
            ))}
          </select>
          <button type="submit">Tampilkan</button>
        </form>
      }
    />,
  );
}
