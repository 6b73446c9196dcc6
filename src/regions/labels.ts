import type { ManagementStage, RegionLevel, Role } from '../db/schema';

export const LEVEL_LABELS: Record<RegionLevel, string> = {
  kabupaten: 'Kabupaten',
  kecamatan: 'Kecamatan',
  desa: 'Desa',
  kelurahan: 'Kelurahan',
};

/** 'Desa Swarga Bara', 'Kecamatan Sangatta Utara', 'Kabupaten Kutai Timur' (names that already carry the word stay). */
export function regionTitle(r: { level: RegionLevel; name: string }): string {
  const label = LEVEL_LABELS[r.level];
  return r.name.toLowerCase().startsWith(label.toLowerCase()) ? r.name : `${label} ${r.name}`;
}

/** Label for a region's children: kabupaten → 'Kecamatan', kecamatan → 'Desa/Kelurahan'. */
export function childrenLabel(level: RegionLevel): string {
  return level === 'kabupaten' ? 'Kecamatan' : 'Desa dan kelurahan';
}

export const ROLE_LABELS: Record<Role, string> = {
  diskominfo: 'Diskominfo (seluruh kabupaten)',
  operator_kecamatan: 'Operator kecamatan',
  operator_desa: 'Operator desa/kelurahan',
  ppid: 'Petugas PPID',
  penanganan_pengaduan: 'Penanganan pengaduan',
  pengelola_pengadaan: 'Pengelola pengadaan (lelang kabupaten)',
};

export const STAGE_LABELS: Record<ManagementStage, string> = {
  diskominfo: 'Dikelola Diskominfo',
  pendampingan: 'Pendampingan',
  mandiri: 'Mandiri',
};
