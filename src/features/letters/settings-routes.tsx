/**
 * /admin/layanan/pengaturan: a region's letter settings (short code, number pattern, signatory, office) and its
 * catalogue (turn the regency's letter types on or off, adjust cost, time, delivery, a note) — by whoever handles the
 * region's letters. /admin/layanan/templat: Diskominfo's template editor (every save a new version).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { formValues } from '../../lib/forms';
import { fieldErrorsOf, queryObject } from '../../lib/validation';
import { purgeRegionPages } from '../../cache/purge';
import { authorize } from '../../regions/guard';
import { regionTitle } from '../../regions/labels';
import { findRegionByCode, listAllRegions } from '../../regions/repo';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { auditInsert } from '../../audit/log';
import { patternProblem, SHORT_CODE_RE } from './numbering';
import { letterRoots, saveLetterSettings } from './officer';
import { catalogueFor, levelOf, settingsFor, templateVersion } from './repo';
import { optionalTextField, textField } from './schemas';
import { SettingsView, TemplateEditView, TemplatesView } from './settings-views';
import { TemplateContent } from './template';
import { adjustService, saveTemplateVersion, TEMPLATE_ID_RE } from './templates-service';
import { letterTemplates } from '../../db/schema';
import { asc } from 'drizzle-orm';

const SettingsForm = z.object({
  short_code: z
    .string({ message: 'Isi kode singkat wilayah.' })
    .trim()
    .toUpperCase()
    .regex(SHORT_CODE_RE, 'Kode singkat: huruf besar, angka, titik atau tanda minus, mis. DS-SB.'),
  number_pattern: z
    .string({ message: 'Isi pola nomor.' })
    .trim()
    .superRefine((v, ctx) => {
      const p = patternProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    }),
  signatory_name: textField(3, 100, 'nama penandatangan'),
  signatory_position: textField(3, 120, 'jabatan penandatangan'),
  signatory_nip: z
    .string()
    .trim()
    .regex(/^(\d{18})?$/, 'NIP berisi 18 angka, atau kosongkan bila tidak ada.')
    .default(''),
  office_address: optionalTextField(200, 'Alamat kantor'),
  office_hours: optionalTextField(120, 'Jam layanan'),
  office_phone: z
    .string()
    .trim()
    .regex(/^[0-9 ()+-]{0,20}$/, 'Nomor telepon kantor tidak valid.')
    .default(''),
});

const ServiceForm = z.object({
  template_id: z.string().regex(TEMPLATE_ID_RE),
  enabled: z.preprocess((v) => v === '1' || v === 'on', z.boolean()),
  cost: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number({ message: 'Biaya berupa angka Rupiah.' }).int().min(0).max(100_000_000).nullable(),
  ),
  days: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number({ message: 'Waktu layanan 0–30 hari kerja.' }).int().min(0).max(30).nullable(),
  ),
  delivery: z.enum(['ambil', 'unduh', 'keduanya']),
  note: optionalTextField(500, 'Catatan'),
});

export function settingsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, code: string | undefined, extra: { errors?: FieldError[]; notice?: string; status?: number } = {}) => {
    const s = sessionOf(c);
    const roots = letterRoots(s.memberships);
    if (roots.length === 0) throw new AppError('not_found');
    const db = c.get('db');
    const choices = (await listAllRegions(db)).filter((r) => r.level !== 'kabupaten' && roots.some((root) => r.code === root || r.code.startsWith(`${root}.`)));
    const regionCode = code ?? (choices.length === 1 ? choices[0]!.code : (roots.find((r) => r.split('.').length > 2) ?? choices[0]?.code));
    const region = regionCode ? await findRegionByCode(db, regionCode) : undefined;
    if (!region || !levelOf(region)) throw new AppError('not_found', 'Wilayah tidak ditemukan di wilayah Anda.');
    await authorize(db, actionContext(c).actor, 'letter.handle', region.code);
    const [settings, entries] = await Promise.all([settingsFor(db, region), catalogueFor(db, region)]);
    return renderAdmin(
      c,
      {
        title: `Pengaturan layanan · ${regionTitle(region)}`,
        current: '/admin/layanan',
        breadcrumbs: [{ label: 'Layanan surat', href: '/admin/layanan' }, { label: 'Pengaturan' }],
      },
      <SettingsView
        region={{ code: region.code, label: regionTitle(region) }}
        choices={choices.map((r) => ({ code: r.code, label: regionTitle(r) }))}
        settings={settings}
        entries={entries}
        csrf={s.csrfToken}
        errors={extra.errors}
        notice={extra.notice}
        isDiskominfo={s.memberships.some((m) => m.role === 'diskominfo')}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/layanan/pengaturan', (c) => page(c, queryObject(new URL(c.req.url)).wilayah));

  app.post('/admin/layanan/pengaturan', async (c) => {
    const values = await formValues(c);
    const code = String(values.wilayah ?? '');
    const parsed = SettingsForm.safeParse(values);
    if (!parsed.success) return page(c, code, { errors: fieldErrorsOf(parsed.error), status: 422 });
    const d = parsed.data;
    await saveLetterSettings(c.get('db'), actionContext(c), code, {
      shortCode: d.short_code,
      numberPattern: d.number_pattern,
      signatoryName: d.signatory_name,
      signatoryPosition: d.signatory_position,
      signatoryNip: d.signatory_nip,
      officeAddress: d.office_address ?? '',
      officeHours: d.office_hours ?? '',
      officePhone: d.office_phone,
    });
    await purgeRegionPages({ db: c.get('db'), env: c.env }, code); // the catalogue shows the office
    return page(c, code, { notice: 'Pengaturan disimpan.' });
  });

  app.post('/admin/layanan/pengaturan/layanan', async (c) => {
    const values = await formValues(c);
    const code = String(values.wilayah ?? '');
    const parsed = ServiceForm.safeParse(values);
    if (!parsed.success) return page(c, code, { errors: fieldErrorsOf(parsed.error), status: 422 });
    const ctx = actionContext(c);
    const db = c.get('db');
    const region = await authorize(db, ctx.actor, 'letter.handle', code);
    const d = parsed.data;
    await adjustService(
      db,
      region.code,
      d.template_id,
      { enabled: d.enabled, costRupiah: d.cost, serviceDays: d.days, delivery: d.delivery, note: d.note ?? '' },
      ctx.now,
      [
        auditInsert(db, ctx, {
          action: 'letter.service',
          regionCode: region.code,
          entityType: 'letter_service',
          entityId: `${region.code}:${d.template_id}`,
          summary: `Layanan ${d.template_id} ${d.enabled ? 'dibuka' : 'ditutup'}`,
          after: d,
        }),
      ],
    );
    await purgeRegionPages({ db, env: c.env }, region.code);
    return page(c, code, { notice: 'Layanan diperbarui.' });
  });

  // Diskominfo: the regency's templates.
  const requireDiskominfo = (c: Context<AppEnv>) => {
    if (!sessionOf(c).memberships.some((m) => m.role === 'diskominfo')) throw new AppError('not_found');
  };

  app.get('/admin/layanan/templat', async (c) => {
    requireDiskominfo(c);
    const rows = await c.get('db').select().from(letterTemplates).orderBy(asc(letterTemplates.sortOrder)).all();
    return renderAdmin(
      c,
      { title: 'Templat surat', current: '/admin/layanan', breadcrumbs: [{ label: 'Layanan surat', href: '/admin/layanan' }, { label: 'Templat' }] },
      <TemplatesView rows={rows} />,
    );
  });

  const editPage = async (c: Context<AppEnv>, id: string, extra: { json?: string; errors?: FieldError[]; notice?: string; status?: number } = {}) => {
    requireDiskominfo(c);
    const db = c.get('db');
    const row = (await db.select().from(letterTemplates).all()).find((t) => t.id === id);
    const content = row ? await templateVersion(db, id, row.currentVersion) : null;
    if (!row || !content) throw new AppError('not_found');
    return renderAdmin(
      c,
      {
        title: `Templat ${row.name}`,
        current: '/admin/layanan',
        breadcrumbs: [{ label: 'Layanan surat', href: '/admin/layanan' }, { label: 'Templat', href: '/admin/layanan/templat' }, { label: row.name }],
      },
      <TemplateEditView
        id={id}
        version={row.currentVersion}
        json={extra.json ?? JSON.stringify(content, null, 2)}
        csrf={sessionOf(c).csrfToken}
        errors={extra.errors}
        notice={extra.notice}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/layanan/templat/:id{[a-z0-9][a-z0-9-]{1,39}}', (c) => editPage(c, c.req.param('id')));

  app.post('/admin/layanan/templat/:id{[a-z0-9][a-z0-9-]{1,39}}', async (c) => {
    requireDiskominfo(c);
    const id = c.req.param('id');
    const values = await formValues(c);
    const json = String(values.content ?? '');
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return editPage(c, id, { json, errors: [{ field: 'content', message: 'Isi templat bukan JSON yang valid.' }], status: 422 });
    }
    const parsed = TemplateContent.safeParse(raw);
    if (!parsed.success)
      return editPage(c, id, {
        json,
        errors: fieldErrorsOf(parsed.error).map((e) => ({ field: 'content', message: `${e.field}: ${e.message}` })),
        status: 422,
      });
    const ctx = actionContext(c);
    const db = c.get('db');
    const version = await saveTemplateVersion(db, id, parsed.data, {
      userId: ctx.actor.id,
      now: ctx.now,
      audit: [
        auditInsert(db, ctx, { action: 'letter.template', entityType: 'letter_template', entityId: id, summary: `Templat ${id} disimpan sebagai versi baru` }),
      ],
    });
    // Every region's cached catalogue refreshes within PAGE_CACHE_TTL (purging ~160 regions' pages in one request would
    // exceed its KV budget); the request form itself is never cached, so new requests use the new version at once.
    return editPage(c, id, {
      notice: `Disimpan sebagai versi ${version}. Permohonan baru memakai versi ini; surat yang sudah dibuat tetap memakai versi lamanya. Daftar layanan di halaman wilayah diperbarui paling lambat 1 jam.`,
    });
  });

  return app;
}
