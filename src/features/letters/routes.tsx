import { officeFor } from '../../regions/offices';
import { OfficeCard } from '../../views/office-card';
/**
 * Public letter routes under every region prefix ({prefix}/layanan…) and the regency-wide verification page. Short
 * handlers: validate → service → render. The private code only ever arrives in POST bodies; files leave through
 * short-lived signed links.
 */
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { formValues, readForm, type FormValues } from '../../lib/forms';
import { randomToken } from '../../lib/ids';
import { originOf } from '../../lib/origin';
import { rateLimit } from '../../lib/rate-limit';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { offeredChannels, readOptIn } from '../../messaging/citizen-notice';
import { messagingOf } from '../../messaging/request-deps';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { regionAction, regionPage } from '../../middleware/region-pages';
import { renderPage } from '../../views/render';
import { clientIp } from '../../auth/request';
import { regionCrumbs } from '../../views/region-crumbs';
import { letterFigures } from './deadlines';
import { letterDeps, privateHeaders } from './deps';
import { openDownload, signDownload, type LinkKind } from './download-link';
import { LetterPage } from './letter-html';
import { renderLetterPdf } from './letter-pdf';
import { letterDocument } from './letter-service';
import { publicStatus, requesterView } from './present';
import { attachmentsOf, catalogueEntry, catalogueFor, eventsOf, findRequestById, findRequestByNumber, levelOf, settingsFor, templateVersion } from './repo';
import { requesterAccess, requesterCancel, requesterFix, SUBMIT_LIMIT } from './requester';
import { CancelForm, FixForm, letterFieldsOf, RequestForm as RequestFormSchema, RequesterAuth, TrackingNumberSchema } from './schemas';
import { letterFieldErrors, submitRequest } from './submit';
import { PublicTrackView, RequesterPage, TrackForm } from './track-views';
import { mountVerifyRoutes } from './verify-routes';
import { privateFileResponse, readRequirementUploads } from './uploads';
import { assertLetterRequestSize, requirementFiles, safeForm } from './form-input';
import { stripImageMetadata } from './image-metadata';
import { CatalogueView, ConfirmationView, ServiceView } from './views';

type C = Context<AppEnv>;
const nav = (c: C) => ({ regionPath: c.get('region').region.path, regionName: regionTitle(c.get('region').region), current: 'layanan' as const });
const href = (c: C, ...parts: string[]) => regionHref(c.get('region').region.path, 'layanan', ...parts);
const crumbs = (c: C, label?: string) => regionCrumbs(c.get('region'), ...(label ? [{ label: 'Layanan', href: href(c) }, { label }] : [{ label: 'Layanan' }]));
const scripts = (c: C) => [`/js/downscale.js?v=${c.env.APP_VERSION}`];

function officeOf(s: { officeAddress: string; officeHours: string; officePhone: string }) {
  return { address: s.officeAddress, hours: s.officeHours, phone: s.officePhone };
}

const formErrorsOf = (err: unknown): FieldError[] | null =>
  err instanceof AppError && err.code === 'validation' ? (err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }]) : null;

async function renderService(c: C, serviceId: string, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) {
  const ctx = c.get('region');
  const db = c.get('db');
  const entry = levelOf(ctx.region) ? await catalogueEntry(db, ctx.region, serviceId) : null;
  if (!entry || !entry.enabled) throw new AppError('not_found', 'Layanan ini tidak tersedia di wilayah ini.');
  const settings = await settingsFor(db, ctx.region);
  privateHeaders(c); // carries a per-visitor token
  const body = (
    <ServiceView
      regionPath={ctx.region.path}
      regionLabel={regionTitle(ctx.region)}
      entry={entry}
      office={officeOf(settings)}
      form={{
        action: href(c, entry.templateId),
        entry,
        regionCode: ctx.region.code,
        token: randomToken(18),
        values: extra.values,
        errors: extra.errors,
        submitLabel: 'Kirim permohonan',
        notifyChannels: offeredChannels(messagingOf(c)),
      }}
    />
  );
  return renderPage(
    c,
    { title: `${entry.content.title} · ${regionTitle(ctx.region)}`, nav: nav(c), breadcrumbs: crumbs(c, entry.content.title), scripts: scripts(c) },
    body,
    { status: extra.status },
  );
}

async function renderTrack(c: C, body: Child, status = 200) {
  privateHeaders(c);
  return renderPage(
    c,
    {
      title: `Lacak permohonan · ${regionTitle(c.get('region').region)}`,
      nav: nav(c),
      breadcrumbs: crumbs(c, 'Lacak'),
      scripts: scripts(c),
      meta: <meta name="referrer" content="no-referrer" />,
    },
    body,
    { status },
  );
}

async function renderRequester(c: C, nomor: string, kode: string, extra: { notice?: string; errors?: FieldError[]; status?: number } = {}) {
  const db = c.get('db');
  const deps = letterDeps(c);
  const row = await requesterAccess(db, parseOrThrow(TrackingNumberSchema, nomor), kode, clientIp(c), Date.now());
  const [template, events, uploads, settings] = await Promise.all([
    templateVersion(db, row.templateId, row.templateVersion),
    eventsOf(db, row.id),
    attachmentsOf(db, row.id),
    settingsFor(db, c.get('region').region),
  ]);
  const view = await requesterView(deps.dataKeys, row, template?.title ?? row.templateId, events, uploads);
  const actions = { fix: href(c, 'perbaiki'), cancel: href(c, 'batalkan'), download: href(c, 'unduh'), print: href(c, 'cetak') };
  return renderTrack(
    c,
    <RequesterPage
      v={view}
      code={kode}
      regionLabel={regionTitle(c.get('region').region)}
      actions={actions}
      requirements={template?.requirements ?? []}
      office={{ address: settings.officeAddress, hours: settings.officeHours }}
      notice={extra.notice}
      errors={extra.errors}
    />,
    extra.status,
  );
}

/** Reads number + code from a POST body; a mismatch re-renders the tracking form (404) without saying which was wrong. */
async function withRequester(c: C, run: (nomor: string, kode: string, values: FormValues) => Promise<Response>) {
  const values = await safeForm(() => formValues(c));
  const auth = RequesterAuth.safeParse(values);
  if (!auth.success)
    return renderTrack(
      c,
      <TrackForm
        action={href(c, 'lacak')}
        nomor={String(values.nomor ?? '').slice(0, 40)}
        errors={[{ field: 'kode', message: 'Nomor permohonan atau kode pribadi tidak valid.' }]}
      />,
      422,
    );
  try {
    return await run(auth.data.nomor, auth.data.kode, values);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      return renderTrack(c, <TrackForm action={href(c, 'lacak')} nomor={auth.data.nomor} errors={[{ field: 'kode', message: err.message }]} />, 404);
    throw err;
  }
}

export function letterRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  regionPage(app, '/layanan', async (c) => {
    const ctx = c.get('region');
    const db = c.get('db');
    const served = levelOf(ctx.region) !== null;
    const [entries, figures, settings, contact] = await Promise.all([
      served ? catalogueFor(db, ctx.region) : [],
      letterFigures(db, ctx.region.code, Date.now()),
      served ? settingsFor(db, ctx.region) : null,
      officeFor(db, ctx),
    ]);
    const body = (
      <CatalogueView
        regionPath={ctx.region.path}
        regionLabel={regionTitle(ctx.region)}
        entries={entries.filter((e) => e.enabled)}
        figures={figures}
        office={settings ? officeOf(settings) : null}
        servesLetters={served}
        contact={<OfficeCard office={contact} fallbackName={regionTitle(ctx.region)} />}
      />
    );
    return renderPage(c, { title: `Layanan · ${regionTitle(ctx.region)}`, nav: nav(c), breadcrumbs: crumbs(c) }, body);
  });

  regionPage(
    app,
    '/layanan/lacak',
    async (c) => {
      const nomor = (queryObject(new URL(c.req.url)).nomor ?? '').slice(0, 40);
      if (!nomor)
        return renderTrack(
          c,
          <>
            <h1>Lacak permohonan surat</h1>
            <TrackForm action={href(c, 'lacak')} nomor="" />
          </>,
        );
      const parsed = TrackingNumberSchema.safeParse(nomor);
      const row = parsed.success ? await findRequestByNumber(c.get('db'), parsed.data) : undefined;
      if (!row)
        return renderTrack(
          c,
          <>
            <h1>Lacak permohonan surat</h1>
            <TrackForm
              action={href(c, 'lacak')}
              nomor={nomor}
              errors={[{ field: 'nomor', message: 'Nomor permohonan tidak ditemukan. Periksa kembali, mis. SRT-7K3Q-9XPD.' }]}
            />
          </>,
          404,
        );
      const template = await templateVersion(c.get('db'), row.templateId, row.templateVersion);
      const ctx = c.get('region');
      return renderTrack(
        c,
        <PublicTrackView
          s={publicStatus(row, template?.title ?? row.templateId, await eventsOf(c.get('db'), row.id))}
          regionLabel={regionTitle(ctx.region)}
          action={href(c, 'lacak')}
        />,
      );
    },
    { cache: false },
  );

  regionAction(app, 'post', '/layanan/lacak', (c) => withRequester(c, (nomor, kode) => renderRequester(c, nomor, kode)));

  regionAction(app, 'post', '/layanan/perbaiki', async (c) => {
    assertLetterRequestSize(c);
    return withRequester(c, async (nomor, kode) => {
      const form = FixForm.safeParse(await safeForm(() => formValues(c)));
      const deps = letterDeps(c);
      const now = Date.now();
      const row = await requesterAccess(deps.db, nomor, kode, clientIp(c), now);
      try {
        if (!form.success)
          throw new AppError('validation', 'Periksa kembali isian.', {
            fieldErrors: [{ field: 'note', message: form.error.issues[0]?.message ?? 'Periksa catatan.' }],
          });
        const template = await templateVersion(deps.db, row.templateId, row.templateVersion);
        const uploads = await readRequirementUploads(await safeForm(() => requirementFiles(c)), template?.requirements ?? [], stripImageMetadata, {
          optionalAll: true,
        });
        await requesterFix(deps, row, uploads, form.data.note, clientIp(c), now);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict'))
          return renderRequester(c, nomor, kode, {
            errors: err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }],
            status: err.status,
          });
        throw err;
      }
      return renderRequester(c, nomor, kode, { notice: 'Perbaikan terkirim. Petugas akan memeriksanya kembali.' });
    });
  });

  regionAction(app, 'post', '/layanan/batalkan', (c) =>
    withRequester(c, async (nomor, kode, values) => {
      const form = CancelForm.safeParse(values);
      const deps = letterDeps(c);
      const row = await requesterAccess(deps.db, nomor, kode, clientIp(c), Date.now());
      try {
        await requesterCancel(deps, row, form.success ? form.data.reason : undefined, clientIp(c), Date.now());
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict')
          return renderRequester(c, nomor, kode, { errors: [{ field: '_', message: err.message }], status: 409 });
        throw err;
      }
      return renderRequester(c, nomor, kode, { notice: 'Permohonan dibatalkan.' });
    }),
  );

  // Proving the code in a POST body gives a link valid for minutes that names no code.
  for (const [path, fixedKind] of [
    ['/layanan/unduh', null],
    ['/layanan/cetak', 'cetak'],
  ] as const) {
    regionAction(app, 'post', path, (c) =>
      withRequester(c, async (nomor, kode, values) => {
        const row = await requesterAccess(c.get('db'), nomor, kode, clientIp(c), Date.now());
        if (row.status !== 'selesai' || row.revokedAt !== null || row.delivery !== 'unduh') throw new AppError('conflict', 'Surat belum dapat diunduh.');
        const kind: LinkKind = fixedKind ?? (values.jenis === 'pindaian' && row.signedScanKey ? 'pindaian' : 'pdf');
        c.header('Cache-Control', 'no-store');
        return c.redirect(href(c, 'unduh', await signDownload(c.env.SESSION_SECRET, row.id, kind, Date.now())), 303);
      }),
    );
  }

  regionPage(
    app,
    '/layanan/unduh/:token{[A-Za-z0-9_.-]{20,300}}',
    async (c) => {
      const link = await openDownload(c.env.SESSION_SECRET, c.req.param('token') ?? '', Date.now());
      const deps = letterDeps(c);
      const row = link ? await findRequestById(deps.db, link.requestId) : undefined;
      if (!link || !row || row.status !== 'selesai' || row.revokedAt !== null)
        throw new AppError('not_found', 'Tautan unduhan tidak berlaku atau sudah kedaluwarsa. Buka lagi halaman lacak dengan nomor dan kode pribadi.');
      privateHeaders(c);
      const name = `surat-${row.trackingNumber}`;
      if (link.kind === 'pindaian' && row.signedScanKey)
        return privateFileResponse(
          deps.files,
          row.signedScanKey,
          row.signedScanKey.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
          `${name}-ttd.${row.signedScanKey.split('.').pop()}`,
        );
      const doc = await letterDocument(deps, row, originOf(c), Date.now());
      if (link.kind === 'cetak') return c.html(<LetterPage doc={doc} assetVersion={c.env.APP_VERSION} />);
      const pdf = await renderLetterPdf(doc);
      return new Response(pdf as Uint8Array<ArrayBuffer>, {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${name}.pdf"`,
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        },
      });
    },
    { cache: false },
  );

  regionPage(app, '/layanan/:service{[a-z0-9][a-z0-9-]{1,39}}', (c) => renderService(c, c.req.param('service') ?? ''), { cache: false });

  regionAction(app, 'post', '/layanan/:service{[a-z0-9][a-z0-9-]{1,39}}', async (c) => {
    assertLetterRequestSize(c);
    const serviceId = c.req.param('service') ?? '';
    const form = await safeForm(() => readForm(c, RequestFormSchema));
    const ctx = c.get('region');
    const optIn = readOptIn(form.values, offeredChannels(messagingOf(c)));
    if (!form.ok || !optIn.ok) {
      // Report the letter's own fields and the opt-in in the same round as the identity fields.
      const entry = levelOf(ctx.region) ? await catalogueEntry(c.get('db'), ctx.region, serviceId) : null;
      const more = entry ? letterFieldErrors(entry.content, letterFieldsOf(form.values)) : [];
      const errors = [...(form.ok ? [] : form.errors), ...more, ...(optIn.ok ? [] : optIn.errors)];
      return renderService(c, serviceId, { values: form.values, errors, status: 422 });
    }
    if (form.data.region_code !== ctx.region.code || form.data.service !== serviceId)
      return renderService(c, serviceId, {
        values: form.values,
        errors: [{ field: 'service', message: 'Formulir ini untuk layanan lain. Muat ulang halaman.' }],
        status: 422,
      });
    const deps = letterDeps(c);
    const now = Date.now();
    let result;
    try {
      const entry = await catalogueEntry(deps.db, ctx.region, serviceId);
      const uploads = await readRequirementUploads(await safeForm(() => requirementFiles(c)), entry?.content.requirements ?? [], stripImageMetadata);
      await rateLimit(deps.db, `letter-submit:${clientIp(c)}`, SUBMIT_LIMIT.limit, SUBMIT_LIMIT.windowMs, now);
      result = await submitRequest(deps, ctx.region, { ...form.data, fields: letterFieldsOf(form.values) }, uploads, {
        key: form.data.token,
        keyWithContent: true,
        now,
        channel: 'portal',
        notify: optIn.choice,
      });
    } catch (err) {
      const errors = formErrorsOf(err);
      if (errors) return renderService(c, serviceId, { values: form.values, errors, status: 422 });
      throw err;
    }
    const [entry, settings] = await Promise.all([
      templateVersion(deps.db, result.request.templateId, result.request.templateVersion),
      settingsFor(deps.db, ctx.region),
    ]);
    privateHeaders(c);
    const body = (
      <ConfirmationView
        trackingNumber={result.trackingNumber}
        code={result.code}
        trackHref={`${href(c, 'lacak')}?${new URLSearchParams({ nomor: result.trackingNumber })}`}
        title={entry?.title ?? serviceId}
        dueAt={result.request.dueAt}
        delivery={result.request.delivery}
        bring={(entry?.requirements ?? []).filter((r) => !r.upload).map((r) => r.label)}
        office={officeOf(settings)}
        regionLabel={regionTitle(ctx.region)}
      />
    );
    return renderPage(
      c,
      {
        title: `Permohonan terkirim · ${result.trackingNumber}`,
        nav: nav(c),
        breadcrumbs: crumbs(c, 'Permohonan terkirim'),
        meta: <meta name="referrer" content="no-referrer" />,
      },
      body,
      { status: result.created ? 201 : 200 },
    );
  });

  mountVerifyRoutes(app);

  return app;
}
