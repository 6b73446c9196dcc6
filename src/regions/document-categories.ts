import type { DocumentCategory, InfoCategory, RegionLevel } from '../db/schema';
import { DOCUMENT_CATEGORIES } from '../db/schema';

/**
 * THE rule for document categories per region level and their PPID class (UU 14/2008; Perki 1/2021): the document
 * form, the document service and the monitoring checklist all read this table.
 * - LKJIP, Renstra, Renja, RKA and DPA are planning and performance documents of a perangkat daerah (the regency's
 *   offices and the kecamatan); a village has its own: APBDes and Perdes/Perkades. A kelurahan is part of the
 *   kecamatan's administration: it has no budget or regulations of its own.
 * - Budgets, plans and reports are published periodically (berkala); SOPs, regulations and Renstra are available at any
 *   time (setiap saat).
 */
export const DOCUMENT_CATEGORY_RULES: Record<DocumentCategory, { levels: readonly RegionLevel[]; infoCategory: InfoCategory }> = {
  sop: { levels: ['kabupaten', 'kecamatan', 'desa', 'kelurahan'], infoCategory: 'setiap_saat' },
  lkjip: { levels: ['kabupaten', 'kecamatan'], infoCategory: 'berkala' },
  renstra: { levels: ['kabupaten', 'kecamatan'], infoCategory: 'setiap_saat' },
  renja: { levels: ['kabupaten', 'kecamatan'], infoCategory: 'berkala' },
  rka: { levels: ['kabupaten', 'kecamatan'], infoCategory: 'berkala' },
  dpa: { levels: ['kabupaten', 'kecamatan'], infoCategory: 'berkala' },
  apbdes: { levels: ['desa'], infoCategory: 'berkala' },
  perdes_perkades: { levels: ['desa'], infoCategory: 'setiap_saat' },
  laporan: { levels: ['kabupaten', 'kecamatan', 'desa', 'kelurahan'], infoCategory: 'berkala' },
  lainnya: { levels: ['kabupaten', 'kecamatan', 'desa', 'kelurahan'], infoCategory: 'setiap_saat' },
};

/** The categories a region of this level publishes, in the usual order. */
export function categoriesForLevel(level: RegionLevel): DocumentCategory[] {
  return DOCUMENT_CATEGORIES.filter((c) => DOCUMENT_CATEGORY_RULES[c].levels.includes(level));
}

export function categoryFitsLevel(category: DocumentCategory, level: RegionLevel): boolean {
  return DOCUMENT_CATEGORY_RULES[category].levels.includes(level);
}

/** The PPID class a new document of this category gets unless the officer chooses another. */
export function defaultInfoCategory(category: DocumentCategory): InfoCategory {
  return DOCUMENT_CATEGORY_RULES[category].infoCategory;
}
