/**
 * /admin/layanan: the officer's queue, processing screen, walk-in registration, letter preview/print/PDF, uploads,
 * CSV export and the region's settings. Session, no-store and CSRF come from the admin shell.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { letterTemplates } from '../../db/schema';
import type { AppEnv } from '../../env';
import { csvResponse, csvStream, csvVariantOf } from '../../lib/csv';
import { AppError, type FieldError } from '../../lib/errors';
import { formValues, type FormValues } from '../../lib/forms';
import { originOf } from '../../lib/origin';
import { formatDate, witaDateKey } from '../../lib/time';
import { fieldErrorsOf, queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { findRegionByCode, listAllRegions } from '../../regions/repo';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { offeredChannels, readOptIn } from '../../messaging/citizen-notice';
import { messagingOf } from '../../messaging/request-deps';
import { DetailView, QueueView } from './admin-views';
import { letterDeps } from './deps';
import { stripImageMetadata } from './image-metadata';
import { LetterPage } from './letter-html';
import { renderLetterPdf } from './letter-pdf';
import { letterDocument } from './letter-service';
import { csvRow, CSV_HEADER, officerIdentity } from './present';
import { attachmentsOf, catalogueEntry, eventsOf, levelOf, settingsFor, templateVersion } from './repo';
import { assertLetterRequestSize, requirementFiles, safeForm } from './form-input';
import { letterFieldsOf, OfficerActionForm, RequestInput } from './schemas';
import { letterRoots, officerAct, officerExport, officerQueue, officerRequest, officerReveal, officerUpdateFields, registerWalkIn } from './officer';
import { settingsRoutes } from './settings-routes';
import { allowedActions, LETTER_STATUSES } from './status-machine';
import { machineStateOf } from './store';
import { readRequirementUploads, privateFileResponse } from './uploads';
import { RequestForm, type RequestFormProps } from './views';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import { ConfirmationView } from './views';
import { pickNotice } from '../../lib/notices';

const ID = ':id{[0-9A-Z]{26}}';
const Version = z.coerce.number().int().min(1).optional().catch(undefined);
const QueueQuery = z.object({
  status: z
    .enum(['terbuka', 'semua', ...LETTER_STATUSES])
    .catch('terbuka')
    .default('terbuka'),
  halaman: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
/** Queue rows a page (bench/volume.md: the page once showed up to 200 open requests, each with its NIK unsealed). */
const QUEUE_PAGE = 50;
const NOTICES: Record<string, string> = {
  periksa: 'Permohonan mulai diperiksa.',
  minta_perbaikan: 'Permintaan perbaikan dikirim ke pemohon.',
  proses: 'Persyaratan lengkap; surat siap dibuat.',
  beri_nomor: 'Surat diberi nomor. Cetak dan mintakan tanda tangan.',
  tandatangani: 'Surat selesai dan siap diterima pemohon.',
  tolak: 'Permohonan ditolak; alasan ditampilkan kepada pemohon.',
  batalkan: 'Permohonan dibatalkan.',
  cabut: 'Surat dicabut.',
  isian: 'Isian surat disimpan.',
};

async function templateNames(c: Context<AppEnv>): Promise<Map<string, string>> {
  const rows = await c.get('db').select({ id: letterTemplates.id, name: letterTemplates.name }).from(letterTemplates).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function letterAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/layanan', async (c) => {
    const s = sessionOf(c);
    const q = QueueQuery.parse(queryObject(new URL(c.req.url)));
    const db = c.get('db');
    const { items, roots, more } = await officerQueue(
      letterDeps(c),
      s.memberships,
      { status: q.status, limit: QUEUE_PAGE, offset: (q.halaman - 1) * QUEUE_PAGE },
      Date.now(),
      await loadHolidayCalendar(db),
    );
    if (roots.length === 0) throw new AppError('not_found');
    return renderAdmin(
      c,
      { title: 'Layanan surat', current: '/admin/layanan' },
      <QueueView items={items} status={q.status} page={q.halaman} more={more} hasScope={roots.length > 0} templates={await templateNames(c)} />,
    );
  });

  app.get('/admin/layanan/ekspor.csv', async (c) => {
    const s = sessionOf(c);
    const q = QueueQuery.parse(queryObject(new URL(c.req.url)));
    const db = c.get('db');
    if (letterRoots(s.memberships).length === 0) throw new AppError('not_found');
    const [deps, cal] = [letterDeps(c), await loadHolidayCalendar(db)];
    // The one CSV module: RFC 4180, or the Indonesian-Excel variant with ?format=excel (formula injection guarded in both).
    const variant = csvVariantOf(new URL(c.req.url));
    async function* pages() {
      for await (const items of officerExport(deps, s.memberships, { status: q.status }, Date.now(), cal)) yield items.map((i) => csvRow(i, formatDate));
    }
    return csvResponse(csvStream(CSV_HEADER, pages(), variant), `layanan-surat-${witaDateKey(Date.now())}.csv`, variant);
  });

  // Walk-in: choose the region and the letter, then the same form as citizens use.
  const walkIn = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const s = sessionOf(c);
    const q = { ...queryObject(new URL(c.req.url)), ...(extra.values ?? {}) } as Record<string, string>;
    const roots = letterRoots(s.memberships);
    if (roots.length === 0) throw new AppError('not_found');
    const regionCode = String(q.region_code ?? q.wilayah ?? (roots.length === 1 && roots[0]!.split('.').length > 2 ? roots[0] : '') ?? '');
    const region = regionCode ? await findRegionByCode(c.get('db'), regionCode) : undefined;
    const entry = region && levelOf(region) ? await catalogueEntry(c.get('db'), region, String(q.service ?? q.layanan ?? '')) : null;
    let body;
    if (!region || !entry) {
      const regions = (await listAllRegions(c.get('db'))).filter(
        (r) => r.level !== 'kabupaten' && roots.some((root) => r.code === root || r.code.startsWith(`${root}.`)),
      );
      body = (
        <form method="get" action="/admin/layanan/baru" class="filters">
          <h1>Daftarkan permohonan di loket</h1>
          <label for="wilayah">Wilayah</label>
          <select id="wilayah" name="wilayah">
            {regions.map((r) => (
              <option value={r.code} selected={r.code === regionCode}>
                {regionTitle(r)}
              </option>
            ))}
          </select>
          <label for="layanan">Kode jenis surat</label>
          <select id="layanan" name="layanan">
            {[
              'sk-domisili',
              'sk-usaha',
              'sktm',
              'pengantar-skck',
              'pengantar-nikah',
              'sk-kelahiran',
              'sk-kematian',
              'pengantar-pindah',
              'legalisasi-kecamatan',
              'rekomendasi-kecamatan',
            ].map((id) => (
              <option value={id} selected={q.layanan === id}>
                {id}
              </option>
            ))}
          </select>
          <button type="submit">Lanjut</button>
        </form>
      );
    } else {
      const form: RequestFormProps = {
        action: '/admin/layanan/baru',
        entry,
        regionCode: region.code,
        values: extra.values,
        errors: extra.errors,
        submitLabel: 'Daftarkan permohonan',
        csrf: s.csrfToken,
        notifyChannels: offeredChannels(messagingOf(c)),
      };
      body = (
        <div>
          <h1>
            {entry.content.title} · {regionTitle(region)}
          </h1>
          <p>Isi sesuai KTP/KK yang dibawa pemohon. Surat dari loket masuk ke register dan penomoran yang sama.</p>
          <p class="hint">
            Tanyakan apakah pemohon ingin dikabari lewat WhatsApp atau e-mail bila status suratnya berubah. Kontak itu disimpan terenkripsi dan tidak tampil
            lagi di layar petugas.
          </p>
          <RequestForm {...form} />
        </div>
      );
    }
    return renderAdmin(
      c,
      { title: 'Permohonan di loket', current: '/admin/layanan', breadcrumbs: [{ label: 'Layanan surat', href: '/admin/layanan' }, { label: 'Loket' }] },
      body,
      { status: extra.status },
    );
  };
  app.get('/admin/layanan/baru', (c) => walkIn(c));
  app.post('/admin/layanan/baru', async (c) => {
    assertLetterRequestSize(c);
    const values = await safeForm(() => formValues(c));
    const parsed = RequestInput.safeParse({ ...values, fields: letterFieldsOf(values) });
    const optIn = readOptIn(values, offeredChannels(messagingOf(c)));
    if (!parsed.success || !optIn.ok) {
      const errors = [...(parsed.success ? [] : fieldErrorsOf(parsed.error)), ...(optIn.ok ? [] : optIn.errors)];
      return walkIn(c, { values, errors, status: 422 });
    }
    const deps = letterDeps(c);
    const ctx = actionContext(c);
    let result;
    try {
      const region = await findRegionByCode(deps.db, parsed.data.region_code);
      const entry = region ? await catalogueEntry(deps.db, region, parsed.data.service) : null;
      const uploads = await readRequirementUploads(
        await safeForm(() => requirementFiles(c)),
        (entry?.content.requirements ?? []).map((r) => ({ ...r, required: false })),
        stripImageMetadata,
      );
      result = await registerWalkIn(deps, ctx, parsed.data, uploads, optIn.choice);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return walkIn(c, { values, errors: err.fieldErrors, status: 422 });
      throw err;
    }
    const region = (await findRegionByCode(deps.db, result.request.regionCode))!;
    const t = await templateVersion(deps.db, result.request.templateId, result.request.templateVersion);
    const settings = await settingsFor(deps.db, region);
    return renderAdmin(
      c,
      { title: `Terdaftar · ${result.trackingNumber}`, current: '/admin/layanan' },
      <div>
        <ConfirmationView
          trackingNumber={result.trackingNumber}
          code={result.code}
          trackHref={`/admin/layanan/${result.request.id}`}
          title={t?.title ?? ''}
          dueAt={result.request.dueAt}
          delivery={result.request.delivery}
          bring={[]}
          office={{ address: settings.officeAddress, hours: settings.officeHours, phone: settings.officePhone }}
          regionLabel={regionTitle(region)}
        />
        <p class="hint">Berikan nomor dan kode pribadi ini kepada pemohon (tulis di tanda terima).</p>
      </div>,
      { status: 201 },
    );
  });

  const detail = async (
    c: Context<AppEnv>,
    id: string,
    opts: { reveal?: boolean; failed?: { action: string; errors: FieldError[]; values: FormValues }; status?: number } = {},
  ) => {
    const deps = letterDeps(c);
    const ctx = actionContext(c);
    const { row, region } = await officerRequest(deps.db, ctx, id);
    const [template, events, uploads, settings, identity] = await Promise.all([
      templateVersion(deps.db, row.templateId, row.templateVersion),
      eventsOf(deps.db, row.id),
      attachmentsOf(deps.db, row.id),
      settingsFor(deps.db, region),
      opts.reveal ? officerReveal(deps, ctx, id) : officerIdentity(deps.dataKeys, row, false),
    ]);
    if (!template) throw new AppError('not_found');
    const view = (
      <DetailView
        row={row}
        template={template}
        regionLabel={regionTitle(region)}
        identity={identity}
        fields={JSON.parse(row.fields)}
        uploads={uploads}
        events={events}
        actions={allowedActions(machineStateOf(row), 'petugas')}
        csrf={sessionOf(c).csrfToken}
        settings={settings}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
        failed={opts.failed}
      />
    );
    return renderAdmin(
      c,
      {
        title: `${row.trackingNumber} · ${template.title}`,
        current: '/admin/layanan',
        breadcrumbs: [{ label: 'Layanan surat', href: '/admin/layanan' }, { label: row.trackingNumber }],
      },
      view,
      { status: opts.status },
    );
  };

  app.get(`/admin/layanan/${ID}`, (c) => detail(c, c.req.param('id')));
  app.post(`/admin/layanan/${ID}/tampilkan`, (c) => detail(c, c.req.param('id'), { reveal: true }));

  app.post(`/admin/layanan/${ID}/tindakan`, async (c) => {
    const id = c.req.param('id');
    assertLetterRequestSize(c);
    const values = await safeForm(() => formValues(c));
    const action = typeof values.action === 'string' ? values.action.slice(0, 30) : '';
    const parsed = OfficerActionForm.safeParse(values);
    if (!parsed.success) return detail(c, id, { failed: { action, errors: fieldErrorsOf(parsed.error), values }, status: 422 });
    try {
      const scanFile = parsed.data.action === 'tandatangani' && parsed.data.method === 'pindaian' ? await safeForm(() => scanOf(c)) : null;
      const scan = scanFile
        ? (
            await readRequirementUploads(
              new Map([['scan', scanFile]]),
              [{ key: 'scan', label: 'Pindaian surat', upload: true, required: true }],
              stripImageMetadata,
            )
          )[0]
        : undefined;
      await officerAct(letterDeps(c), actionContext(c), id, parsed.data, Version.parse(values.version), scan);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict'))
        return detail(c, id, {
          failed: {
            action,
            errors: err.fieldErrors.length
              ? err.fieldErrors.map((f) => (f.field === 'req_scan' ? { ...f, field: 'scan' } : f))
              : [{ field: '_', message: err.message }],
            values,
          },
          status: err.status,
        });
      throw err;
    }
    return c.redirect(`/admin/layanan/${id}?ok=${parsed.data.action}`, 303);
  });

  app.post(`/admin/layanan/${ID}/isian`, async (c) => {
    const id = c.req.param('id');
    const values = await safeForm(() => formValues(c));
    try {
      await officerUpdateFields(letterDeps(c), actionContext(c), id, letterFieldsOf(values), Version.parse(values.version));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict'))
        return detail(c, id, {
          failed: { action: 'isian', errors: err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }], values },
          status: err.status,
        });
      throw err;
    }
    return c.redirect(`/admin/layanan/${id}?ok=isian`, 303);
  });

  app.get(`/admin/layanan/${ID}/berkas/:aid{[0-9A-Z]{26}}`, async (c) => {
    const deps = letterDeps(c);
    const { row } = await officerRequest(deps.db, actionContext(c), c.req.param('id'));
    const att = (await attachmentsOf(deps.db, row.id)).find((a) => a.id === c.req.param('aid'));
    if (!att) throw new AppError('not_found', 'Berkas tidak ditemukan.');
    return privateFileResponse(deps.files, att.r2Key, att.mime);
  });

  app.get(`/admin/layanan/${ID}/surat`, async (c) => {
    const deps = letterDeps(c);
    const { row } = await officerRequest(deps.db, actionContext(c), c.req.param('id'));
    return c.html(
      <LetterPage
        doc={await letterDocument(deps, row, originOf(c), Date.now())}
        assetVersion={c.env.APP_VERSION}
        pdfHref={row.letterNumber ? `/admin/layanan/${row.id}/surat.pdf` : undefined}
      />,
    );
  });

  app.get(`/admin/layanan/${ID}/surat.pdf`, async (c) => {
    const deps = letterDeps(c);
    const { row } = await officerRequest(deps.db, actionContext(c), c.req.param('id'));
    const pdf = await renderLetterPdf(await letterDocument(deps, row, originOf(c), Date.now()));
    return new Response(pdf as Uint8Array<ArrayBuffer>, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="surat-${row.trackingNumber}.pdf"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });

  app.route('/', settingsRoutes());
  return app;
}

async function scanOf(c: Context<AppEnv>): Promise<File | null> {
  const body = await c.req.parseBody({ all: true });
  const f = [body.scan].flat().find((x): x is File => typeof x === 'object' && x !== null && 'arrayBuffer' in x && (x as File).size > 0);
  return f ?? null;
}
