// Reading a SiRUP or SPSE export (CSV, as the sites export it or as a spreadsheet saves it): columns are matched by
// header name in any order, other columns are ignored, every row is checked on its own and errors carry the row
// number as a spreadsheet shows it (the header is row 1). Pure: the regions for location matching are passed in.
// The mapping is documented in README.md ("Impor CSV SiRUP/SPSE").
import { isRegionCode } from '../../regions/codes';
import { parseRupiah } from '../../lib/money';
import type { TenderContent } from './content';
import { matchLocations, type RegionName } from './location-match';
import { cleanText, methodFromText, parseMonthWindow, safeUrl, statusFromStage, typeFromText } from './values';

export type ImportSource = 'sirup' | 'spse';
type Column =
  | 'code'
  | 'name'
  | 'owner'
  | 'year'
  | 'location'
  | 'funding'
  | 'method'
  | 'type'
  | 'pagu'
  | 'hps'
  | 'window'
  | 'stage'
  | 'winner'
  | 'contract'
  | 'url'
  | 'regions';

/**
 * Header names per column, compared lowercased with punctuation and underscores as spaces (so the snake_case of LKPP's
 * data exports, `kd_rup` or `nama_satker`, matches too). The first name is the one messages use.
 */
export const COLUMN_NAMES: Record<Column | 'sirupCode' | 'spseCode', readonly string[]> = {
  sirupCode: ['Kode RUP', 'ID RUP', 'Kode RUP Paket', 'kd_rup'],
  spseCode: ['Kode Tender', 'Kode Paket', 'Kode Lelang', 'kd_tender'],
  code: [],
  name: ['Nama Paket', 'Paket', 'Nama Pekerjaan'],
  owner: ['Satuan Kerja', 'Nama Satuan Kerja', 'Satker', 'Nama Satker', 'Perangkat Daerah'],
  year: ['Tahun Anggaran', 'TA', 'Tahun'],
  location: ['Lokasi', 'Lokasi Pekerjaan', 'Lokasi Paket', 'Detail Lokasi'],
  funding: ['Sumber Dana'],
  method: ['Metode Pemilihan', 'Metode Pengadaan', 'Metode Pemilihan Penyedia', 'Metode', 'mtd_pemilihan'],
  type: ['Jenis Pengadaan', 'Jenis'],
  pagu: ['Pagu', 'Total Pagu', 'Pagu (Rp)', 'Nilai Pagu', 'Nilai Pagu Paket', 'Pagu Anggaran'],
  hps: ['HPS', 'Nilai HPS', 'Nilai HPS Paket', 'HPS (Rp)'],
  window: ['Waktu Pemilihan', 'Waktu Pemilihan Penyedia', 'Jadwal Pemilihan'],
  stage: ['Tahap', 'Tahap Tender', 'Tahapan', 'Tahap Saat Ini', 'Tahap Paket', 'Tahap Tender Saat Ini'],
  winner: ['Nama Pemenang', 'Pemenang', 'Nama Penyedia'],
  contract: ['Nilai Kontrak', 'Harga Kontrak'],
  url: ['URL', 'Tautan', 'Link'],
  regions: ['Kode Wilayah'],
};

const REQUIRED: Record<ImportSource, Column[]> = { sirup: ['code', 'name', 'owner', 'year', 'pagu'], spse: ['code', 'name', 'owner'] };
const LABEL: Record<Column, string> = {
  code: '',
  name: 'Nama Paket',
  owner: 'Satuan Kerja',
  year: 'Tahun Anggaran',
  pagu: 'Pagu',
  location: '',
  funding: '',
  method: '',
  type: '',
  hps: '',
  window: '',
  stage: '',
  winner: '',
  contract: '',
  url: '',
  regions: '',
};

const headerKey = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface HeaderMap {
  source: ImportSource;
  columns: Partial<Record<Column, number>>;
}

/** Which export this is and where each known column is; or the message explaining what is missing. */
export function mapHeader(header: readonly string[]): { ok: true; map: HeaderMap } | { ok: false; message: string } {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const find = (names: readonly string[]) => names.map((n) => index.get(headerKey(n))).find((i) => i !== undefined);
  const spse = find(COLUMN_NAMES.spseCode);
  const sirup = find(COLUMN_NAMES.sirupCode);
  if (spse === undefined && sirup === undefined) {
    return { ok: false, message: 'Kolom “Kode Tender” (ekspor SPSE) atau “Kode RUP” (ekspor SiRUP) tidak ditemukan pada baris judul.' };
  }
  const source: ImportSource = spse !== undefined ? 'spse' : 'sirup';
  const columns: Partial<Record<Column, number>> = { code: spse ?? sirup };
  for (const col of Object.keys(LABEL) as Column[]) {
    if (col === 'code') continue;
    const i = find(COLUMN_NAMES[col]);
    if (i !== undefined) columns[col] = i;
  }
  const missing = REQUIRED[source].filter((c) => columns[c] === undefined).map((c) => `“${LABEL[c]}”`);
  if (missing.length) return { ok: false, message: `Kolom wajib ekspor ${source === 'spse' ? 'SPSE' : 'SiRUP'} tidak ditemukan: ${missing.join(', ')}.` };
  return { ok: true, map: { source, columns } };
}

/** What one row says about a package: only the fields whose columns the file has (the rest keep their stored values). */
export type ContentPatch = Partial<TenderContent> & { externalCode: string; name: string; ownerName: string };

export interface ImportRow {
  row: number;
  patch: ContentPatch;
}
export interface ImportError {
  row: number;
  messages: string[];
}

export interface ParsedImport {
  source: ImportSource;
  rows: ImportRow[];
  errors: ImportError[];
  /** Data rows in the file (empty rows not counted). */
  total: number;
}

/** Checks every data row (records after the header) of an export. */
export function parseImportRows(records: readonly string[][], map: HeaderMap, regions: readonly RegionName[], regencyCode: string): ParsedImport {
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  const known = new Set(regions.map((r) => r.code));
  let total = 0;
  records.forEach((record, i) => {
    const rowNumber = i + 2;
    if (record.every((f) => f.trim() === '')) return;
    total++;
    const messages: string[] = [];
    const cell = (c: Column) => (map.columns[c] === undefined ? undefined : (record[map.columns[c]!] ?? '').trim());
    const has = (c: Column) => map.columns[c] !== undefined;
    const patch: Partial<TenderContent> = {};

    const code = cleanText(cell('code') ?? '', 100);
    if (!code) messages.push(`${map.source === 'spse' ? 'Kode Tender' : 'Kode RUP'} kosong.`);
    else if (code.length > 60) messages.push('Kode paket lebih dari 60 karakter.');
    else if (seen.has(code)) messages.push(`Kode ${code} sudah ada di baris ${seen.get(code)}.`);
    const name = cleanText(cell('name') ?? '', 400);
    if (name.length < 3) messages.push('Nama Paket kosong atau terlalu pendek.');
    else if (name.length > 300) messages.push('Nama Paket lebih dari 300 karakter.');
    const owner = cleanText(cell('owner') ?? '', 300);
    if (!owner) messages.push('Satuan Kerja kosong.');
    else if (owner.length > 200) messages.push('Satuan Kerja lebih dari 200 karakter.');

    if (has('year')) {
      const y = cell('year')!;
      if (y === '') {
        if (map.source === 'sirup') messages.push('Tahun Anggaran kosong.');
        else patch.fiscalYear = null;
      } else if (/^\d{4}$/.test(y) && Number(y) >= 2000 && Number(y) <= 2100) patch.fiscalYear = Number(y);
      else messages.push(`Tahun Anggaran tidak valid: “${y.slice(0, 20)}”.`);
    }
    for (const [col, key, label] of [
      ['pagu', 'pagu', 'Pagu'],
      ['hps', 'hps', 'HPS'],
      ['contract', 'contractValue', 'Nilai Kontrak'],
    ] as const) {
      if (!has(col)) continue;
      const parsed = parseRupiah(cell(col)!);
      if (parsed === null) {
        if (col === 'pagu' && map.source === 'sirup') messages.push('Pagu kosong.');
        else patch[key] = null;
      } else if (!parsed.ok) messages.push(`${label}: ${parsed.message}`);
      else patch[key] = parsed.value;
    }
    if (has('method')) {
      const v = cell('method')!;
      const m = v === '' ? null : methodFromText(v);
      if (v !== '' && !m) messages.push(`Metode Pemilihan tidak dikenal: “${v.slice(0, 40)}”.`);
      else patch.method = m;
    }
    if (has('type')) {
      const v = cell('type')!;
      const t = v === '' ? null : typeFromText(v);
      if (v !== '' && !t) messages.push(`Jenis Pengadaan tidak dikenal: “${v.slice(0, 40)}”.`);
      else patch.procurementType = t;
    }
    if (has('funding')) patch.fundingSource = cleanText(cell('funding')!, 100);
    if (has('window')) {
      const v = cell('window')!;
      const w = v === '' ? null : parseMonthWindow(v);
      if (v !== '' && !w) messages.push(`Waktu Pemilihan tidak dapat dibaca: “${v.slice(0, 40)}” (contoh: Maret 2026).`);
      else {
        patch.plannedFrom = w?.from ?? null;
        patch.plannedTo = w?.to ?? null;
      }
    }
    if (has('stage')) {
      const v = cleanText(cell('stage')!, 150);
      const s = v === '' ? null : statusFromStage(v);
      if (v !== '' && !s) messages.push(`Tahap tidak dikenal: “${v.slice(0, 60)}”.`);
      else {
        patch.stageLabel = v;
        patch.declaredStatus = s;
      }
    }
    if (has('winner')) patch.winnerName = cleanText(cell('winner')!, 200) || null;
    if (has('url')) {
      const v = cell('url')!;
      const u = v === '' ? null : safeUrl(v);
      if (v !== '' && !u) messages.push('URL harus alamat web lengkap (https://…).');
      else patch.sourceUrl = u;
    }
    const codes = new Set<string>();
    if (has('location')) {
      const text = cleanText(cell('location')!, 300);
      patch.locationText = text;
      for (const c of matchLocations(text, regions)) codes.add(c);
    }
    if (has('regions')) {
      for (const c of (cell('regions') ?? '').split(/[;,\s]+/).filter(Boolean)) {
        if (!isRegionCode(c) || !known.has(c) || c === regencyCode) messages.push(`Kode Wilayah tidak dikenal: “${c.slice(0, 20)}”.`);
        else codes.add(c);
      }
    }
    if (has('location') || has('regions')) patch.locationCodes = [...codes].sort();

    if (messages.length) {
      errors.push({ row: rowNumber, messages });
      return;
    }
    seen.set(code, rowNumber);
    rows.push({ row: rowNumber, patch: { ...patch, externalCode: code, name, ownerName: owner } });
  });
  return { source: map.source, rows, errors, total };
}

/** The content of an imported row: the stored content (or the defaults of a new package) with the row's fields on top. */
export function mergeImported(source: ImportSource, regencyCode: string, stored: TenderContent | null, patch: ContentPatch): TenderContent {
  const base: TenderContent = stored ?? {
    source,
    externalCode: patch.externalCode,
    regionCode: regencyCode,
    name: patch.name,
    ownerName: patch.ownerName,
    procurementType: null,
    method: null,
    fiscalYear: null,
    fundingSource: '',
    pagu: null,
    hps: null,
    declaredStatus: null,
    stageLabel: '',
    schedule: [],
    plannedFrom: null,
    plannedTo: null,
    winnerName: null,
    contractValue: null,
    contractStartAt: null,
    contractEndAt: null,
    locationText: '',
    locationCodes: [],
    lat: null,
    lng: null,
    sourceUrl: null,
    description: '',
  };
  return { ...base, ...patch, source, regionCode: regencyCode };
}
