import type { MonitoringJob } from '../../db/schema';
import type { TagTone } from '../../views/components';

export const STATE_LABELS: Record<string, string> = {
  segar: 'Segar',
  perlu_pembaruan: 'Perlu pembaruan',
  usang: 'Usang',
  belum_ada: 'Belum ada',
  mendekati: 'Mendekati batas waktu',
  lewat: 'Lewat batas waktu',
  lewat_lama: 'Lewat batas waktu (diteruskan ke Diskominfo)',
};

export const STATE_TONES: Record<string, TagTone> = {
  segar: 'green',
  perlu_pembaruan: 'yellow',
  usang: 'red',
  belum_ada: 'yellow',
  mendekati: 'yellow',
  lewat: 'red',
  lewat_lama: 'red',
};

export const stateLabel = (s: string) => STATE_LABELS[s] ?? s;

export const JOB_LABELS: Record<MonitoringJob, string> = {
  kesegaran: 'Pemindaian kesegaran konten',
  kelengkapan: 'Pemindaian kelengkapan dokumen',
  tenggat: 'Pemindaian batas waktu',
  ringkasan: 'Ringkasan harian (webhook)',
};

export const RUN_STATUS_LABELS: Record<string, { label: string; tone: TagTone }> = {
  berjalan: { label: 'Berjalan', tone: 'blue' },
  selesai: { label: 'Selesai', tone: 'green' },
  gagal: { label: 'Gagal', tone: 'red' },
  dilewati: { label: 'Dilewati', tone: 'grey' },
};

export const COUNT_LABELS: Record<string, string> = {
  wilayah: 'wilayah',
  segar: 'segar',
  perlu_pembaruan: 'perlu pembaruan',
  usang: 'usang',
  lengkap: 'lengkap',
  kurang: 'kurang lengkap',
  item: 'item berbatas waktu',
  mendekati: 'mendekati',
  lewat: 'lewat',
  lewat_lama: 'lewat lama',
  tanda_baru: 'tanda baru',
  tanda_berubah: 'tanda berubah',
  tanda_selesai: 'tanda selesai',
  status_ditulis: 'baris status ditulis',
  notifikasi: 'notifikasi',
  terkirim: 'ringkasan terkirim',
  tertunda: 'ringkasan tertunda',
  sudah_terkirim: 'sudah terkirim sebelumnya',
  percobaan: 'percobaan kirim',
  gagal: 'ringkasan gagal',
};
