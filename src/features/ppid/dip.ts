/**
 * Daftar Informasi Publik: the region's documents (documents feature, by information category) and its own
 * information items, grouped by category. `dikecualikan` entries form a separate register that carries only the
 * title, legal basis and consequence-test summary — never a file, link, unit or summary.
 */
import type { Db } from '../../db/client';
import type { DipCategory, PpidInfoItemRow } from '../../db/schema';
import { witaParts } from '../../lib/time';
import { regionHref } from '../../regions/paths';
import { listDipDocuments, listInfoItems, type DipDocumentRow } from './repo';

export const PUBLIC_DIP_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat'] as const satisfies readonly DipCategory[];
export type PublicDipCategory = (typeof PUBLIC_DIP_CATEGORIES)[number];

export interface DipEntry {
  kind: 'dokumen' | 'informasi';
  id: string;
  title: string;
  summary: string;
  responsibleUnit: string;
  year: number | null;
  format: string;
  retention: string;
  /** Same-site link to the document or page (null when the item has none). */
  href: string | null;
  updatedAt: number;
}

export interface ExcludedEntry {
  kind: 'dokumen' | 'informasi';
  id: string;
  title: string;
  legalBasis: string;
  consequenceTest: string;
}

export interface Dip {
  groups: Record<PublicDipCategory, DipEntry[]>;
  excluded: ExcludedEntry[];
  total: number;
  updatedAt: number | null;
}

const MIME_FORMATS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'Gambar (PNG)',
  'image/jpeg': 'Gambar (JPG)',
  'image/gif': 'Gambar (GIF)',
  'image/webp': 'Gambar (WebP)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (PPTX)',
  'application/msword': 'Word (DOC)',
  'application/vnd.ms-excel': 'Excel (XLS)',
  'application/vnd.ms-powerpoint': 'PowerPoint (PPT)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument (ODT)',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument (ODS)',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument (ODP)',
};

export function formatOfMime(mime: string | null): string {
  return mime ? `Elektronik — ${MIME_FORMATS[mime] ?? 'berkas'}` : 'Elektronik';
}

/** Where the documents feature serves a document publicly (the list page of the region, anchored at the row). */
export type DocumentHref = (doc: DipDocumentRow) => string;

/** Public link of a DIP document: the documents feature's detail page ({prefix}/dokumen/{id}). */
export function dipDocumentHref(regionPath: string): DocumentHref {
  return (d) => regionHref(regionPath, 'dokumen', d.id);
}

/** Pure: groups rows into the DIP. */
export function buildDip(docs: DipDocumentRow[], items: PpidInfoItemRow[], documentHref: DocumentHref): Dip {
  const groups: Dip['groups'] = { berkala: [], serta_merta: [], setiap_saat: [] };
  const excluded: ExcludedEntry[] = [];
  let updatedAt: number | null = null;
  const touch = (at: number) => {
    updatedAt = updatedAt === null ? at : Math.max(updatedAt, at);
  };
  for (const d of docs) {
    touch(d.updatedAt);
    if (d.infoCategory === 'dikecualikan') {
      excluded.push({ kind: 'dokumen', id: d.id, title: d.title, legalBasis: d.exemptionLegalBasis ?? '', consequenceTest: d.consequenceTestSummary ?? '' });
      continue;
    }
    groups[d.infoCategory].push({
      kind: 'dokumen',
      id: d.id,
      title: d.title,
      summary: d.description,
      responsibleUnit: d.responsibleUnit,
      year: d.year,
      format: formatOfMime(d.mime),
      retention: d.retentionPeriod,
      href: documentHref(d),
      updatedAt: d.updatedAt,
    });
  }
  for (const i of items) {
    touch(i.updatedAt);
    if (i.infoCategory === 'dikecualikan') {
      excluded.push({ kind: 'informasi', id: i.id, title: i.title, legalBasis: i.legalBasis ?? '', consequenceTest: i.consequenceTest ?? '' });
      continue;
    }
    groups[i.infoCategory].push({
      kind: 'informasi',
      id: i.id,
      title: i.title,
      summary: i.summary,
      responsibleUnit: i.responsibleUnit,
      year: i.year,
      format: i.format || 'Cetak',
      retention: i.retention,
      href: i.url,
      updatedAt: i.updatedAt,
    });
  }
  for (const list of Object.values(groups)) list.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title, 'id'));
  excluded.sort((a, b) => a.title.localeCompare(b.title, 'id'));
  const total = Object.values(groups).reduce((n, l) => n + l.length, 0) + excluded.length;
  return { groups, excluded, total, updatedAt };
}

export async function loadDip(db: Db, regionCode: string, documentHref: DocumentHref): Promise<Dip> {
  const [docs, items] = await Promise.all([listDipDocuments(db, regionCode), listInfoItems(db, regionCode)]);
  return buildDip(docs, items, documentHref);
}

/** Current WITA year (for defaults). */
export function witaYear(ms: number): number {
  return witaParts(ms).year;
}
