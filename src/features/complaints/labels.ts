import type { ComplaintClassification, ComplaintStatus } from '../../db/schema/complaints';
import type { TagTone } from '../../views/components';

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  diterima: 'Diterima',
  diverifikasi: 'Diverifikasi',
  ditolak: 'Ditolak',
  bukan_wewenang: 'Bukan wewenang (diteruskan)',
  didisposisikan: 'Didisposisikan',
  ditindaklanjuti: 'Ditindaklanjuti',
  selesai: 'Selesai',
  diarsipkan: 'Diarsipkan',
};

/** new/grey, in progress/blue, waiting on the citizen/yellow, done/green, refused/red. */
export const STATUS_TONES: Record<ComplaintStatus, TagTone> = {
  diterima: 'grey',
  diverifikasi: 'blue',
  didisposisikan: 'blue',
  ditindaklanjuti: 'yellow',
  selesai: 'green',
  ditolak: 'red',
  bukan_wewenang: 'grey',
  diarsipkan: 'grey',
};

/** What each status means for the citizen. */
export const STATUS_HINTS: Record<ComplaintStatus, string> = {
  diterima: 'Laporan sudah masuk dan menunggu verifikasi petugas.',
  diverifikasi: 'Petugas sudah memeriksa laporan dan akan meneruskannya ke unit yang menangani.',
  didisposisikan: 'Laporan sedang ditangani oleh unit yang ditunjuk.',
  ditindaklanjuti: 'Petugas sudah memberi jawaban atau tindak lanjut. Pelapor dapat menanggapi.',
  selesai: 'Penanganan laporan sudah selesai.',
  ditolak: 'Laporan tidak dapat diproses.',
  bukan_wewenang: 'Laporan diteruskan ke instansi yang berwenang.',
  diarsipkan: 'Laporan diarsipkan (duplikat atau tidak dapat diproses).',
};

export const CLASSIFICATION_LABELS: Record<ComplaintClassification, string> = {
  pengaduan: 'Pengaduan',
  aspirasi: 'Aspirasi',
  permintaan_informasi: 'Permintaan informasi',
};

export const CLASSIFICATION_HINTS: Record<ComplaintClassification, string> = {
  pengaduan: 'Keluhan tentang layanan atau masalah yang perlu ditangani.',
  aspirasi: 'Usulan atau saran untuk pemerintah.',
  permintaan_informasi: 'Meminta informasi publik. Permohonan resmi diproses oleh PPID.',
};

export const ACTION_LABELS = {
  verifikasi: 'Verifikasi',
  tolak: 'Tolak',
  teruskan: 'Teruskan (bukan wewenang)',
  disposisi: 'Disposisikan',
  tindak_lanjut: 'Kirim jawaban tindak lanjut',
  selesaikan: 'Nyatakan selesai',
  arsipkan: 'Arsipkan',
} as const;
