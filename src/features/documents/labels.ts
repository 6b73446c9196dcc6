import type { DocumentCategory, InfoCategory } from '../../db/schema';
import type { TagTone } from '../../views/components';

export const CATEGORY_LABELS: Record<DocumentCategory, string> = {
  sop: 'SOP',
  lkjip: 'LKJIP',
  renstra: 'Renstra',
  renja: 'Renja',
  rka: 'RKA',
  dpa: 'DPA',
  apbdes: 'APBDes',
  perdes_perkades: 'Perdes/Perkades',
  laporan: 'Laporan',
  lainnya: 'Lainnya',
};

/** Information categories of UU 14/2008, as the PPID list names them. */
export const INFO_CATEGORY_LABELS: Record<InfoCategory, string> = {
  berkala: 'Informasi berkala',
  serta_merta: 'Informasi serta-merta',
  setiap_saat: 'Informasi tersedia setiap saat',
  dikecualikan: 'Informasi dikecualikan',
};

export const INFO_CATEGORY_HINTS: Record<InfoCategory, string> = {
  berkala: 'Wajib diumumkan secara berkala (mis. laporan keuangan, LKJIP, APBDes).',
  serta_merta: 'Menyangkut hajat hidup orang banyak dan ketertiban umum; diumumkan segera.',
  setiap_saat: 'Tersedia dan dapat diminta kapan saja (mis. SOP, Perdes, Renstra).',
  dikecualikan: 'Tidak dibuka untuk publik berdasarkan uji konsekuensi; tidak pernah tampil di situs.',
};

export const INFO_CATEGORY_TONES: Record<InfoCategory, TagTone> = { berkala: 'blue', serta_merta: 'yellow', setiap_saat: 'green', dikecualikan: 'red' };

const MIME_WORDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
};

export function mimeWord(mime: string | null | undefined): string {
  return (mime && MIME_WORDS[mime]) || 'Berkas';
}
