/**
 * Short links fit for an SMS, a WhatsApp message or a poster: `/s/{code}`.
 *   /s/6408042012    a region's home (its Kemendagri code without dots: 4, 6 or 10 digits)
 *   /s/6408042012a   one of its sections, by letter (a = pengaduan, i = ppid, …; see SECTION_LETTERS)
 *   /s/ADU-7K3Q-9XPD a tracking number (any feature's, matched by the trackers in the registry)
 * Nothing is stored: the code says where it goes, so links printed years ago keep working. Pure functions only.
 */
import type { Section } from './paths';

export const SECTION_LETTERS: Record<Section, string> = {
  berita: 'b',
  dokumen: 'd',
  layanan: 'l',
  pengaduan: 'a',
  ppid: 'i',
  peta: 'p',
  lelang: 't',
};
const LETTER_SECTIONS = new Map(Object.entries(SECTION_LETTERS).map(([s, l]) => [l, s as Section]));

/** 64.08.04.2012 → 6408042012 */
export const compactCode = (code: string) => code.replace(/\./g, '');

/** 6408042012 → 64.08.04.2012; null when the digits do not have a region code's shape. */
export function expandCode(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 4) return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  if (digits.length === 6) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
  if (digits.length === 10) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  return null;
}

/** The short path of a region or of one of its sections. */
export function shortPath(regionCode: string, section?: Section): string {
  return `/s/${compactCode(regionCode)}${section ? SECTION_LETTERS[section] : ''}`;
}

export type ShortTarget = { kind: 'region'; regionCode: string; section?: Section } | { kind: 'number'; number: string };

/** What a short code points at; null for anything that is neither a region (+ section) nor a number-like text. */
export function parseShortCode(raw: string): ShortTarget | null {
  let code: string;
  try {
    code = decodeURIComponent(raw).trim();
  } catch {
    return null; // malformed percent-encoding
  }
  if (code.length === 0 || code.length > 40) return null;
  const m = /^(\d+)([a-z])?$/i.exec(code);
  if (m?.[1]) {
    const regionCode = expandCode(m[1]);
    if (!regionCode) return null;
    if (!m[2]) return { kind: 'region', regionCode };
    const section = LETTER_SECTIONS.get(m[2].toLowerCase());
    return section ? { kind: 'region', regionCode, section } : null;
  }
  return /^[A-Za-z]{2,5}-[0-9A-Za-z-]{4,20}$/.test(code) ? { kind: 'number', number: code.toUpperCase() } : null;
}

/** Tracking-number prefixes and the section whose `lacak` page takes them (number only, by GET). */
const NUMBER_SECTIONS: Record<string, Section> = { ADU: 'pengaduan', PPID: 'ppid' };

/** The section that tracks a number, by its prefix; null for an unknown prefix. */
export function numberSection(number: string): Section | null {
  return NUMBER_SECTIONS[number.split('-')[0] ?? ''] ?? null;
}
