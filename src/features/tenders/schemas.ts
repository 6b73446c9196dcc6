// zod schemas of the procurement feature: the admin form (village and regency packages), the public list filters,
// the admin list filters. Messages in Indonesian; every text field is bounded.
import { z } from 'zod';
import { REGENCY } from '../../config';
import { POST_STATUSES, TENDER_METHODS, TENDER_SOURCES, TENDER_STAGES, TENDER_STATUSES, TENDER_TYPES, type TenderStage } from '../../db/schema';
import { parseRupiah } from '../../lib/money';
import { witaParts } from '../../lib/time';
import { WHEN_OBJECT } from '../../lib/validation';
import { FORM_ACTION_NAMES } from '../../publishing/workflow';
import { RegionCodeSchema } from '../../regions/schemas';
import { STAGE_LABELS } from './labels';
import { parseStageInstant, safeUrl } from './values';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const TENDER_LIMITS = { code: 60, name: 300, owner: 200, funding: 100, stageLabel: 150, winner: 200, locationText: 300, description: 3000 } as const;
export const MIN_TENDER_YEAR = 2000;
export const maxTenderYear = (now = Date.now()) => witaParts(now).year + 1;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} maksimal ${max.toLocaleString('id-ID')} karakter.`)
    .default('');
const optionalText = (max: number, label: string) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, `${label} maksimal ${max} karakter.`).optional());

/** An amount in Rupiah typed as '1.250.000.000', 'Rp 1.250.000.000' or '1250000000' (src/lib/money.ts). */
export const rupiahField = (label: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(40, `${label} terlalu panjang.`)
      .transform((v, ctx) => {
        const parsed = parseRupiah(v);
        if (!parsed) return undefined;
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: `${label}: ${parsed.message}` });
          return z.NEVER;
        }
        return parsed.value;
      })
      .optional(),
  );

const instant = (edge: 'start' | 'end', message: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(20, message)
      .transform((v, ctx) => {
        const ms = parseStageInstant(v, edge);
        if (ms === null) {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
        return ms;
      })
      .optional(),
  );

export const stageField = (stage: TenderStage, edge: 'start' | 'end') => `${edge === 'start' ? 'mulai' : 'selesai'}_${stage}`;

const stageShape = Object.fromEntries(
  TENDER_STAGES.flatMap((stage) => [
    [stageField(stage, 'start'), instant('start', `${STAGE_LABELS[stage]}: tanggal mulai tidak valid (isi tanggal dan jam).`)],
    [stageField(stage, 'end'), instant('end', `${STAGE_LABELS[stage]}: tanggal selesai tidak valid (isi tanggal dan jam).`)],
  ]),
) as Record<string, ReturnType<typeof instant>>;

const coordinate = (min: number, max: number, message: string) =>
  z.preprocess(emptyToUndefined, z.coerce.number({ message }).min(min, message).max(max, message).optional());

const [minLng, minLat, maxLng, maxLat] = REGENCY.bbox;

/**
 * The package form of both kinds (the service decides which fields apply): a village package (`sumber` = desa, with
 * the publishing buttons) or a regency package (SPSE/SiRUP, entered by `tender.regency` holders).
 */
export const TenderForm = z
  .object({
    sumber: z.enum(TENDER_SOURCES, { message: 'Pilih sumber data paket.' }).default('desa'),
    region_code: z.preprocess(emptyToUndefined, RegionCodeSchema.optional()),
    external_code: optionalText(TENDER_LIMITS.code, 'Kode paket'),
    name: z
      .string({ message: 'Isi nama paket.' })
      .trim()
      .min(3, 'Nama paket minimal 3 karakter.')
      .max(TENDER_LIMITS.name, `Nama paket maksimal ${TENDER_LIMITS.name} karakter.`),
    owner_name: optionalText(TENDER_LIMITS.owner, 'Satuan kerja'),
    procurement_type: z.preprocess(emptyToUndefined, z.enum(TENDER_TYPES, { message: 'Pilih jenis pengadaan dari daftar.' }).optional()),
    method: z.preprocess(emptyToUndefined, z.enum(TENDER_METHODS, { message: 'Pilih metode pemilihan dari daftar.' }).optional()),
    fiscal_year: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'Tahun anggaran harus angka, mis. 2026.' })
        .int('Tahun anggaran harus bilangan bulat.')
        .min(MIN_TENDER_YEAR, `Tahun anggaran minimal ${MIN_TENDER_YEAR}.`)
        .refine((y) => y <= maxTenderYear(), 'Tahun anggaran tidak boleh lebih dari tahun depan.')
        .optional(),
    ),
    funding_source: text(TENDER_LIMITS.funding, 'Sumber dana'),
    pagu: rupiahField('Pagu'),
    hps: rupiahField('HPS'),
    status: z.preprocess(emptyToUndefined, z.enum(TENDER_STATUSES, { message: 'Pilih status dari daftar.' }).optional()),
    stage_label: text(TENDER_LIMITS.stageLabel, 'Tahap'),
    ...stageShape,
    winner_name: optionalText(TENDER_LIMITS.winner, 'Nama pemenang'),
    contract_value: rupiahField('Nilai kontrak'),
    contract_start: instant('start', 'Tanggal mulai kontrak tidak valid.'),
    contract_end: instant('end', 'Tanggal selesai kontrak tidak valid.'),
    location_codes: z.preprocess(
      (v) => (v === undefined || v === '' ? [] : [v].flat().filter((x) => x !== '')),
      z.array(RegionCodeSchema).max(30, 'Pilih paling banyak 30 wilayah lokasi.'),
    ),
    location_text: text(TENDER_LIMITS.locationText, 'Keterangan lokasi'),
    lat: coordinate(minLat, maxLat, `Lintang harus angka antara ${minLat} dan ${maxLat}.`),
    lng: coordinate(minLng, maxLng, `Bujur harus angka antara ${minLng} dan ${maxLng}.`),
    source_url: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .max(500, 'Tautan maksimal 500 karakter.')
        .transform((v, ctx) => {
          const url = safeUrl(v);
          if (!url) {
            ctx.addIssue({ code: 'custom', message: 'Tautan sumber harus alamat web lengkap yang diawali https://.' });
            return z.NEVER;
          }
          return url;
        })
        .optional(),
    ),
    description: text(TENDER_LIMITS.description, 'Keterangan'),
    file_title: optionalText(200, 'Judul berkas'),
    aksi: z.enum(FORM_ACTION_NAMES, { message: 'Tindakan tidak dikenal.' }).default('simpan'),
  })
  .superRefine((v, ctx) => {
    const values = v as unknown as Record<string, number | undefined>;
    for (const stage of TENDER_STAGES) {
      const s = values[stageField(stage, 'start')];
      const e = values[stageField(stage, 'end')];
      if ((s === undefined) !== (e === undefined)) {
        const missing = stageField(stage, s === undefined ? 'start' : 'end');
        ctx.addIssue({ code: 'custom', path: [missing], message: `${STAGE_LABELS[stage]}: isi tanggal mulai dan selesai, atau kosongkan keduanya.` });
      } else if (s !== undefined && e !== undefined && e < s) {
        ctx.addIssue({ code: 'custom', path: [stageField(stage, 'end')], message: `${STAGE_LABELS[stage]}: tanggal selesai sebelum tanggal mulai.` });
      }
    }
    if ((v.lat === undefined) !== (v.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'Isi lintang dan bujur, atau kosongkan keduanya.' });
    }
    if (v.contract_start !== undefined && v.contract_end !== undefined && v.contract_end < v.contract_start) {
      ctx.addIssue({ code: 'custom', path: ['contract_end'], message: 'Tanggal selesai kontrak sebelum tanggal mulai.' });
    }
    if (v.sumber !== 'desa') {
      if (!v.external_code) ctx.addIssue({ code: 'custom', path: ['external_code'], message: 'Isi kode tender (SPSE) atau kode RUP (SiRUP).' });
      if (!v.owner_name) ctx.addIssue({ code: 'custom', path: ['owner_name'], message: 'Isi satuan kerja (OPD) pemilik paket.' });
    } else {
      if (v.pagu === undefined) ctx.addIssue({ code: 'custom', path: ['pagu'], message: 'Isi pagu anggaran paket, mis. 150.000.000.' });
      if (v.fiscal_year === undefined) ctx.addIssue({ code: 'custom', path: ['fiscal_year'], message: 'Isi tahun anggaran, mis. 2026.' });
    }
  }, WHEN_OBJECT);
export type TenderFormData = z.output<typeof TenderForm>;

const pageNumber = z.coerce
  .number({ message: 'Nomor halaman harus angka.' })
  .int('Nomor halaman harus bilangan bulat.')
  .min(1, 'Nomor halaman dimulai dari 1.')
  .max(1000, 'Nomor halaman terlalu besar.')
  .default(1);

/** Public list filters `?tahun=2026&status=buka&jenis=barang&sumber=desa&halaman=2` (`buka` = registration open now). */
export const PublicTenderListQuery = z.object({
  tahun: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'Tahun harus angka.' })
      .int('Tahun harus angka.')
      .min(MIN_TENDER_YEAR, 'Tahun tidak valid.')
      .max(2100, 'Tahun tidak valid.')
      .optional(),
  ),
  status: z.enum(['semua', 'buka', ...TENDER_STATUSES], { message: 'Status tidak dikenal.' }).default('semua'),
  jenis: z.enum(['semua', ...TENDER_TYPES], { message: 'Jenis pengadaan tidak dikenal.' }).default('semua'),
  sumber: z.enum(['semua', ...TENDER_SOURCES], { message: 'Sumber tidak dikenal.' }).default('semua'),
  halaman: pageNumber,
});
export type PublicTenderListFilter = z.output<typeof PublicTenderListQuery>;

export const AdminTenderListQuery = z.object({
  wilayah: RegionCodeSchema.optional().catch(undefined),
  sumber: z.enum(TENDER_SOURCES).optional().catch(undefined),
  status: z.enum(POST_STATUSES).optional().catch(undefined),
  perlu: z.literal('1').optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type AdminTenderListFilter = z.output<typeof AdminTenderListQuery>;

/** Package ids: ULIDs (26 uppercase letters/digits); demo/fixture ids use the same alphabet. */
export const TenderIdParam = z.string().regex(/^[0-9A-Z]{16,40}$/, 'Paket tidak ditemukan.');
