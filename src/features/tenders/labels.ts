import type { TenderMethod, TenderSource, TenderStage, TenderStatus, TenderType } from '../../db/schema';
import type { TagTone } from '../../views/components';

export const SOURCE_LABELS: Record<TenderSource, string> = {
  spse: 'Tender (SPSE/LPSE)',
  sirup: 'Rencana (SiRUP)',
  desa: 'Pengadaan desa',
};

export const TYPE_LABELS: Record<TenderType, string> = {
  barang: 'Barang',
  pekerjaan_konstruksi: 'Pekerjaan konstruksi',
  jasa_konsultansi: 'Jasa konsultansi',
  jasa_lainnya: 'Jasa lainnya',
  terintegrasi: 'Terintegrasi',
};

export const METHOD_LABELS: Record<TenderMethod, string> = {
  tender: 'Tender',
  seleksi: 'Seleksi',
  tender_cepat: 'Tender cepat',
  penunjukan_langsung: 'Penunjukan langsung',
  pengadaan_langsung: 'Pengadaan langsung',
  e_purchasing: 'E-purchasing',
  swakelola: 'Swakelola',
  tender_desa: 'Tender desa',
  kontes: 'Kontes',
  sayembara: 'Sayembara',
  darurat: 'Pengadaan darurat',
  dikecualikan: 'Dikecualikan',
};

/** Methods of village procurement (Perka LKPP 12/2019 on procurement in villages). */
export const VILLAGE_METHODS = ['swakelola', 'pengadaan_langsung', 'tender_desa'] as const satisfies readonly TenderMethod[];

export const STATUS_LABELS: Record<TenderStatus, string> = {
  rencana: 'Rencana',
  pengumuman: 'Pengumuman',
  berlangsung: 'Berlangsung',
  evaluasi: 'Evaluasi',
  pemenang_ditetapkan: 'Pemenang ditetapkan',
  kontrak: 'Kontrak',
  selesai: 'Selesai',
  gagal: 'Gagal/batal',
};

/** One colour per status family: planned grey, in progress blue, open to bidders yellow, done green, failed red. */
export const STATUS_TONES: Record<TenderStatus, TagTone> = {
  rencana: 'grey',
  pengumuman: 'yellow',
  berlangsung: 'blue',
  evaluasi: 'blue',
  pemenang_ditetapkan: 'green',
  kontrak: 'green',
  selesai: 'green',
  gagal: 'red',
};

export const STAGE_LABELS: Record<TenderStage, string> = {
  pengumuman: 'Pengumuman',
  pendaftaran: 'Pendaftaran dan unduh dokumen',
  penjelasan: 'Penjelasan (aanwijzing)',
  penawaran: 'Pemasukan penawaran',
  evaluasi: 'Evaluasi penawaran',
  penetapan: 'Penetapan pemenang',
  sanggah: 'Masa sanggah',
  kontrak: 'Penandatanganan kontrak',
};

/** Common funding sources, offered as suggestions (the field is free text). */
export const FUNDING_SUGGESTIONS = ['APBD', 'APBN', 'DAK', 'DAU', 'Dana Desa', 'ADD', 'APBDes', 'Bantuan Keuangan Provinsi', 'BLUD'] as const;
