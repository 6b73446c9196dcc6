/**
 * Letter numbers: a configurable pattern per region, one sequence per region per year.
 *
 *   {klasifikasi}/{nomor:3}/{kode}/{bulan}/{tahun}  →  470/012/DS-SB/XII/2026
 *
 * Tokens: {klasifikasi} (the template's classification code), {nomor} or {nomor:N} (the sequence, zero-padded to N
 * digits), {kode} (the region's short code), {bulan} (Roman month), {bulan_angka} (01–12), {tahun} (four digits).
 * Everything but the sequence is filled here; the sequence is filled by the database in the same atomic batch that
 * takes it from the region's counter (repo.ts), so two officers issuing at once never get the same number and a
 * failed issue never burns one.
 */
import { witaParts } from '../../lib/time';

export const DEFAULT_NUMBER_PATTERN = '{klasifikasi}/{nomor:3}/{kode}/{bulan}/{tahun}';
/** Where the sequence goes in a prepared number (never produced by any other token or by the allowed characters). */
export const SEQ_MARK = '{#}';

const TOKEN_RE = /\{([a-z_]+)(?::(\d))?\}/g;
const TOKENS = new Set(['klasifikasi', 'nomor', 'kode', 'bulan', 'bulan_angka', 'tahun']);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`romanMonth: ${month}`);
  return r;
}

/** An Indonesian message when the pattern cannot make unique numbers; null when it is fine. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length < 8 || pattern.length > 80) return 'Pola nomor 8–80 karakter.';
  const literal = pattern.replace(TOKEN_RE, '');
  if (!/^[A-Za-z0-9/.\- ]*$/.test(literal)) return 'Pola nomor hanya boleh berisi huruf, angka, / . - dan penanda {…}.';
  const tokens = [...pattern.matchAll(TOKEN_RE)].map((m) => m[1]!);
  const unknown = tokens.find((t) => !TOKENS.has(t));
  if (unknown) return `Penanda {${unknown}} tidak dikenal. Yang tersedia: {klasifikasi}, {nomor:3}, {kode}, {bulan}, {bulan_angka}, {tahun}.`;
  if (tokens.filter((t) => t === 'nomor').length !== 1) return 'Pola nomor harus memuat {nomor} tepat satu kali.';
  if (!tokens.includes('tahun')) return 'Pola nomor harus memuat {tahun}: urutan nomor dimulai lagi setiap tahun.';
  return null;
}

export interface NumberParts {
  classification: string;
  shortCode: string;
  /** The issue instant (WITA month and year). */
  issuedAt: number;
}

/** The pattern with everything but the sequence filled: `{ prepared: '470/{#}/DS-SB/XII/2026', pad: 3 }`. */
export function prepareNumber(pattern: string, parts: NumberParts): { prepared: string; pad: number; year: number } {
  const problem = patternProblem(pattern);
  if (problem) throw new RangeError(problem);
  const { year, month } = witaParts(parts.issuedAt);
  let pad = 1;
  const prepared = pattern.replace(TOKEN_RE, (_, name: string, width?: string) => {
    switch (name) {
      case 'klasifikasi':
        return parts.classification;
      case 'kode':
        return parts.shortCode;
      case 'bulan':
        return romanMonth(month);
      case 'bulan_angka':
        return String(month).padStart(2, '0');
      case 'tahun':
        return String(year);
      default:
        pad = width ? Number(width) : 1;
        return SEQ_MARK;
    }
  });
  return { prepared, pad, year };
}

/** The full number for a known sequence (previews, tests); the database makes the same string with printf. */
export function formatNumber(pattern: string, parts: NumberParts, seq: number): string {
  const { prepared, pad } = prepareNumber(pattern, parts);
  return prepared.replace(SEQ_MARK, String(seq).padStart(pad, '0'));
}

/**
 * A default short code for a region: `DS-SB` (Desa Swarga Bara), `KEL-TL` (Kelurahan Teluk Lingga), `KEC-SU`
 * (Kecamatan Sangatta Utara). Officers can change it.
 */
export function defaultShortCode(level: 'desa' | 'kelurahan' | 'kecamatan' | 'kabupaten', name: string): string {
  const initials = name
    .replace(/[^A-Za-z ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 6);
  const prefix = { desa: 'DS', kelurahan: 'KEL', kecamatan: 'KEC', kabupaten: 'KAB' }[level];
  return `${prefix}-${initials || 'X'}`;
}

export const SHORT_CODE_RE = /^[A-Z0-9][A-Z0-9.-]{0,19}$/;
