// Readers for the values procurement data is written in — by officers in forms, in SiRUP/SPSE exports and by partner
// systems: stage dates in WITA, SiRUP's "Waktu Pemilihan" months, SPSE's "Tahap", method and type names. Pure.
import { TENDER_METHODS, TENDER_TYPES, type TenderMethod, type TenderStatus, type TenderType } from '../../db/schema';
import { DAY_MS, witaDateToMs, witaLocalToMs, isDateKey } from '../../lib/time';

/**
 * A stage boundary typed as 'YYYY-MM-DDTHH:MM' (datetime-local, WITA) or a date 'YYYY-MM-DD': a date starts at
 * 00:00 WITA and ends at 23:59:59.999 WITA of that day. null when unreadable.
 */
export function parseStageInstant(value: string, edge: 'start' | 'end'): number | null {
  const v = value.trim();
  if (isDateKey(v)) return edge === 'start' ? witaDateToMs(v) : witaDateToMs(v) + DAY_MS - 1;
  const local = witaLocalToMs(v);
  if (local === null) return null;
  // A typed end minute includes that whole minute (an end of 15:00 closes at 15:00:59.999).
  return edge === 'end' ? local + 59_999 : local;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  agst: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
};

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) => witaDateToMs(`${year}-${pad2(month)}-01`);
const monthEnd = (year: number, month: number) => (month === 12 ? witaDateToMs(`${year + 1}-01-01`) : monthStart(year, month + 1)) - 1;

/** 'Maret 2026', 'Mar 2026', '03/2026', '2026-03' → [month, year]; a month without a year takes `fallbackYear`. */
function readMonth(text: string, fallbackYear: number | null): [number, number] | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^([a-z]+)\.? ?(\d{4})?$/.exec(t);
  if (m) {
    const month = MONTHS[m[1]!];
    const year = m[2] ? Number(m[2]) : fallbackYear;
    return month && year ? [month, year] : null;
  }
  m = /^(\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? [Number(m[1]), Number(m[2])] : null;
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? [Number(m[2]), Number(m[1])] : null;
  return null;
}

/**
 * SiRUP's "Waktu Pemilihan" (when the provider is to be chosen): one month ('Maret 2026') or a range ('Januari 2026 -
 * Maret 2026', 'Januari - Maret 2026', 'Jan 2026 s/d Mar 2026') → the first and last instant of that window in WITA.
 */
export function parseMonthWindow(text: string): { from: number; to: number } | null {
  const parts = text
    .trim()
    .split(/\s*(?:s\/d|s\.d\.?|sampai(?: dengan)?|hingga|–|—|-(?!\d{2}$))\s*/i)
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return null;
  const lastYear = /(\d{4})\s*$/.exec(parts[parts.length - 1]!)?.[1];
  const end = readMonth(parts[parts.length - 1]!, null);
  const start = readMonth(parts[0]!, lastYear ? Number(lastYear) : null);
  if (!start || !end) return null;
  const from = monthStart(start[1], start[0]);
  const to = monthEnd(end[1], end[0]);
  return to >= from ? { from, to } : null;
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** SPSE's "Tahap" (current stage, e.g. 'Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga') → a status; null when unknown. */
export function statusFromStage(text: string): TenderStatus | null {
  const t = squash(text);
  if (t === '') return null;
  const rules: Array<[RegExp, TenderStatus]> = [
    [/\b(batal|gagal|dibatalkan)\b/, 'gagal'],
    [/\bselesai\b/, 'selesai'],
    [/\b(kontrak|penunjukan|sppbj)\b/, 'kontrak'],
    [/\b(pemenang|sanggah|sanggahan)\b/, 'pemenang_ditetapkan'],
    [/\b(evaluasi|pembukaan|pembuktian|klarifikasi|negosiasi)\b/, 'evaluasi'],
    [/\b(penawaran|penjelasan|aanwijzing)\b/, 'berlangsung'],
    [/\b(pengumuman|pendaftaran|download|unduh|pemilihan)\b/, 'pengumuman'],
    [/\b(belum|rencana|persiapan)\b/, 'rencana'],
  ];
  return rules.find(([re]) => re.test(t))?.[1] ?? null;
}

const METHOD_WORDS: Record<string, TenderMethod> = {
  tender: 'tender',
  'tender umum': 'tender',
  lelang: 'tender',
  seleksi: 'seleksi',
  'tender cepat': 'tender_cepat',
  'penunjukan langsung': 'penunjukan_langsung',
  'pengadaan langsung': 'pengadaan_langsung',
  'e purchasing': 'e_purchasing',
  epurchasing: 'e_purchasing',
  'e katalog': 'e_purchasing',
  swakelola: 'swakelola',
  'tender desa': 'tender_desa',
  'lelang desa': 'tender_desa',
  kontes: 'kontes',
  sayembara: 'sayembara',
  darurat: 'darurat',
  'pengadaan darurat': 'darurat',
  dikecualikan: 'dikecualikan',
  pengecualian: 'dikecualikan',
};

/** 'Pengadaan Langsung', 'E-Purchasing', 'pengadaan_langsung' → a method; null when unknown. */
export function methodFromText(text: string): TenderMethod | null {
  const raw = text.trim();
  if ((TENDER_METHODS as readonly string[]).includes(raw)) return raw as TenderMethod;
  return METHOD_WORDS[squash(raw)] ?? null;
}

const TYPE_WORDS: Record<string, TenderType> = {
  barang: 'barang',
  'pengadaan barang': 'barang',
  'pekerjaan konstruksi': 'pekerjaan_konstruksi',
  konstruksi: 'pekerjaan_konstruksi',
  'jasa konsultansi': 'jasa_konsultansi',
  'jasa konsultansi badan usaha': 'jasa_konsultansi',
  'jasa konsultansi badan usaha konstruksi': 'jasa_konsultansi',
  'jasa konsultansi badan usaha non konstruksi': 'jasa_konsultansi',
  'jasa konsultansi perorangan': 'jasa_konsultansi',
  'jasa konsultansi perorangan konstruksi': 'jasa_konsultansi',
  'jasa konsultansi perorangan non konstruksi': 'jasa_konsultansi',
  'jasa lainnya': 'jasa_lainnya',
  'jasa lain': 'jasa_lainnya',
  terintegrasi: 'terintegrasi',
  'pekerjaan terintegrasi': 'terintegrasi',
};

/** 'Pekerjaan Konstruksi', 'Jasa Konsultansi Badan Usaha Non Konstruksi', 'barang' → a type; null when unknown. */
export function typeFromText(text: string): TenderType | null {
  const raw = text.trim();
  if ((TENDER_TYPES as readonly string[]).includes(raw)) return raw as TenderType;
  return TYPE_WORDS[squash(raw)] ?? null;
}

/** An https/http link (never javascript:, data: or a relative path), at most 500 characters; null when not one. */
export function safeUrl(text: string): string | null {
  const v = text.trim();
  if (v.length > 500) return null;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Free text from an untrusted source: control characters removed, whitespace collapsed, bounded. */
export function cleanText(text: string, max: number): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}
