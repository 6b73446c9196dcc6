// The JSON shapes of /api/v1/tenders: list filters, the package as open data, the partner upsert body and the batch
// with its per-item results. Messages in Indonesian; every text field bounded as in the admin form.
import { z } from 'zod';
import { ListParams } from '../../api/list-params';
import { TENDER_METHODS, TENDER_SOURCES, TENDER_STAGES, TENDER_STATUSES, TENDER_TYPES } from '../../db/schema';
import { UNKNOWN_KEYS } from '../../lib/validation';
import { RegionCodeSchema } from '../../regions/schemas';
import { TENDER_LIMITS } from './schemas';
import { safeUrl } from './values';

/** Sources a partner system may write: regency packages. Village procurement goes through the village's review. */
export const PARTNER_SOURCES = ['spse', 'sirup'] as const;
export const MAX_BATCH_ITEMS = 100;

export const TenderListQuery = z.strictObject(
  {
    region: ListParams.region,
    year: ListParams.year.describe('Fiscal year (tahun anggaran)'),
    status: z.enum(TENDER_STATUSES, { message: `status harus salah satu dari: ${TENDER_STATUSES.join(', ')}.` }).optional(),
    open: z.enum(['true', 'false'], { message: 'open harus true atau false.' }).optional().describe('true: only packages whose registration is open now'),
    type: z.enum(TENDER_TYPES, { message: `type harus salah satu dari: ${TENDER_TYPES.join(', ')}.` }).optional(),
    source: z.enum(TENDER_SOURCES, { message: 'source harus spse, sirup atau desa.' }).optional(),
    since: ListParams.since,
    cursor: ListParams.cursor,
    limit: ListParams.limit,
  },
  UNKNOWN_KEYS,
);

export const TenderIdParams = z.object({
  id: z
    .string()
    .regex(/^[0-9A-Z]{26}$/, 'id paket harus 26 karakter 0–9/A–Z.')
    .describe('Package id'),
});

const externalCode = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,59}$/, 'Kode paket: 1–60 karakter huruf, angka, titik, garis bawah atau tanda hubung.')
  .describe('Kode tender (SPSE) or kode RUP (SiRUP), unique per source');

export const TenderKeyParams = z.object({
  source: z.enum(PARTNER_SOURCES, { message: 'source harus spse atau sirup.' }).describe('spse or sirup (village procurement is entered by the village)'),
  code: externalCode,
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const instant = (label: string) =>
  z
    .string()
    .max(40, `${label}: waktu tidak valid.`)
    .transform((v, ctx) => {
      const ms = ISO_INSTANT.test(v) ? Date.parse(v) : Number.NaN;
      if (!Number.isFinite(ms)) {
        ctx.addIssue({ code: 'custom', message: `${label}: waktu harus ISO 8601 dengan zona waktu, mis. 2026-03-02T08:00:00+08:00.` });
        return z.NEVER;
      }
      return ms;
    });

const rupiah = (label: string) =>
  z
    .number({ message: `${label} harus angka (Rupiah, bilangan bulat).` })
    .int(`${label} harus bilangan bulat Rupiah.`)
    .min(0, `${label} tidak boleh negatif.`)
    .max(1e15, `${label} terlalu besar.`);

const text = (max: number, label: string) =>
  z
    .string({ message: `${label} harus teks.` })
    .trim()
    .max(max, `${label} maksimal ${max} karakter.`);

const StageInput = z
  .strictObject(
    {
      stage: z.enum(TENDER_STAGES, { message: `stage harus salah satu dari: ${TENDER_STAGES.join(', ')}.` }),
      start: instant('start'),
      end: instant('end'),
    },
    UNKNOWN_KEYS,
  )
  .refine((w) => w.end >= w.start, { message: 'end tidak boleh sebelum start.', path: ['end'] });

/** What a partner system says about a package: the whole content (a PUT replaces it). */
const tenderInputShape = {
  name: text(TENDER_LIMITS.name, 'name').min(3, 'name minimal 3 karakter.'),
  owner_name: text(TENDER_LIMITS.owner, 'owner_name').min(1, 'Isi owner_name (satuan kerja).').describe('Satuan kerja / OPD'),
  procurement_type: z
    .enum(TENDER_TYPES, { message: `procurement_type harus salah satu dari: ${TENDER_TYPES.join(', ')}.` })
    .nullable()
    .default(null),
  method: z
    .enum(TENDER_METHODS, { message: `method harus salah satu dari: ${TENDER_METHODS.join(', ')}.` })
    .nullable()
    .default(null),
  fiscal_year: z
    .number({ message: 'fiscal_year harus angka.' })
    .int()
    .min(2000, 'fiscal_year minimal 2000.')
    .max(2100, 'fiscal_year tidak valid.')
    .nullable()
    .default(null),
  funding_source: text(TENDER_LIMITS.funding, 'funding_source').default('').describe('APBD, APBN, DAK, …'),
  pagu: rupiah('pagu').nullable().default(null).describe('Budget ceiling in Rupiah'),
  hps: rupiah('hps').nullable().default(null).describe("Owner's estimate (HPS) in Rupiah"),
  status: z
    .enum(TENDER_STATUSES, { message: `status harus salah satu dari: ${TENDER_STATUSES.join(', ')}.` })
    .nullable()
    .default(null)
    .describe('The status the source declares; without it the status follows the schedule'),
  stage_label: text(TENDER_LIMITS.stageLabel, 'stage_label').default('').describe("The source's own stage name (SPSE Tahap)"),
  schedule: z.array(StageInput).max(TENDER_STAGES.length, `schedule paling banyak ${TENDER_STAGES.length} tahap.`).default([]),
  winner_name: text(TENDER_LIMITS.winner, 'winner_name').nullable().default(null),
  contract_value: rupiah('contract_value').nullable().default(null),
  contract_start: instant('contract_start').nullable().default(null),
  contract_end: instant('contract_end').nullable().default(null),
  location_codes: z.array(RegionCodeSchema).max(30, 'location_codes paling banyak 30.').default([]).describe('Regions where the work is carried out'),
  location_text: text(TENDER_LIMITS.locationText, 'location_text').default(''),
  lat: z.number({ message: 'lat harus angka.' }).min(-90).max(90).nullable().default(null),
  lng: z.number({ message: 'lng harus angka.' }).min(-180).max(180).nullable().default(null),
  source_url: z
    .string()
    .max(500, 'source_url maksimal 500 karakter.')
    .refine((v) => safeUrl(v) !== null, 'source_url harus alamat https:// lengkap.')
    .nullable()
    .default(null),
  description: text(TENDER_LIMITS.description, 'description').default(''),
};

const bothOrNone = (v: { lat: number | null; lng: number | null }) => (v.lat === null) === (v.lng === null);

export const TenderInput = z
  .strictObject(tenderInputShape, UNKNOWN_KEYS)
  .refine(bothOrNone, { message: 'Isi lat dan lng, atau keduanya null.', path: ['lng'] })
  .meta({
    id: 'TenderInput',
    description: 'A regency package as the partner system knows it; PUT replaces the whole content (omitted fields are empty)',
    example: {
      name: 'Peningkatan Jalan Poros Swarga Bara',
      owner_name: 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
      procurement_type: 'pekerjaan_konstruksi',
      method: 'tender',
      fiscal_year: 2026,
      funding_source: 'APBD',
      pagu: 1250000000,
      hps: 1190000000,
      schedule: [{ stage: 'pendaftaran', start: '2026-03-02T08:00:00+08:00', end: '2026-03-09T15:00:00+08:00' }],
      location_codes: ['64.08.04.2012'],
    },
  });
export type TenderInputData = z.output<typeof TenderInput>;

/** One item of a batch: its key and its content. Checked one by one: a bad item fails alone. */
export const TenderBatchItem = z
  .strictObject({ source: TenderKeyParams.shape.source, code: externalCode, ...tenderInputShape }, UNKNOWN_KEYS)
  .refine(bothOrNone, { message: 'Isi lat dan lng, atau keduanya null.', path: ['lng'] });

export const TenderBatchInput = z
  .strictObject(
    {
      items: z
        .array(z.record(z.string(), z.unknown()).describe('source, code and the fields of TenderInput'))
        .min(1, 'items tidak boleh kosong.')
        .max(MAX_BATCH_ITEMS, `items paling banyak ${MAX_BATCH_ITEMS}.`),
    },
    UNKNOWN_KEYS,
  )
  .meta({ id: 'TenderBatchInput', description: `Up to ${MAX_BATCH_ITEMS} packages; each item is checked and written on its own` });

const ScheduleJson = z.array(z.object({ stage: z.enum(TENDER_STAGES), start: z.string(), end: z.string() }));

export const TenderJson = z
  .object({
    id: z.string(),
    source: z.enum(TENDER_SOURCES),
    code: z.string(),
    name: z.string(),
    owner_name: z.string(),
    region_code: z.string().describe('Owner region: the regency for SPSE/SiRUP, the village for its procurement'),
    url: z.string().describe('Public page of the package'),
    procurement_type: z.enum(TENDER_TYPES).nullable(),
    method: z.enum(TENDER_METHODS).nullable(),
    fiscal_year: z.number().int().nullable(),
    funding_source: z.string(),
    pagu: z.number().int().nullable().describe('Rupiah'),
    hps: z.number().int().nullable().describe('Rupiah'),
    status: z.enum(TENDER_STATUSES),
    stage_label: z.string(),
    schedule: ScheduleJson.describe('Stage windows, ISO 8601 UTC'),
    winner_name: z.string().nullable(),
    contract_value: z.number().int().nullable(),
    contract_start: z.string().nullable(),
    contract_end: z.string().nullable(),
    location_codes: z.array(z.string()),
    location_text: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    source_url: z.string().nullable(),
    description: z.string(),
    is_demo: z.boolean(),
    created_at: z.string(),
    updated_at: z.string().describe('Changes only when the content changes'),
  })
  .meta({ id: 'Tender', description: 'A procurement package (paket) as open data' });

export const TenderDetailJson = TenderJson.extend({
  documents: z.array(z.object({ id: z.string(), title: z.string(), mime: z.string(), size: z.number().int(), url: z.string() })),
}).meta({ id: 'TenderDetail' });

const Outcome = z.enum(['created', 'changed', 'unchanged']).describe('unchanged: the same content was already stored (nothing written)');

export const TenderUpsertJson = z.object({ result: Outcome, tender: TenderDetailJson }).meta({ id: 'TenderUpsertResult' });

export const TenderBatchJson = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int().describe('Position in items'),
        source: z.string().nullable(),
        code: z.string().nullable(),
        result: z.enum(['created', 'changed', 'unchanged', 'error']),
        id: z.string().nullable(),
        errors: z.array(z.object({ field: z.string(), message: z.string() })),
      }),
    ),
    summary: z.object({ created: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), failed: z.number().int() }),
  })
  .meta({ id: 'TenderBatchResult' });
