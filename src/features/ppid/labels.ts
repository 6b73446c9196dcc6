import type { DipCategory, InfoDecision, InfoObjectionOutcome, InfoRequestStatus } from '../../db/schema';
import type { TagTone } from '../../views/components';
import type { ObjectionGround } from './state';

export const DIP_CATEGORY_LABELS: Record<DipCategory, string> = {
  berkala: 'Informasi yang wajib disediakan dan diumumkan secara berkala',
  serta_merta: 'Informasi yang wajib diumumkan secara serta-merta',
  setiap_saat: 'Informasi yang wajib tersedia setiap saat',
  dikecualikan: 'Informasi yang dikecualikan',
};

export const DIP_CATEGORY_SHORT: Record<DipCategory, string> = {
  berkala: 'Berkala',
  serta_merta: 'Serta-merta',
  setiap_saat: 'Setiap saat',
  dikecualikan: 'Dikecualikan',
};

export const STATUS_LABELS: Record<InfoRequestStatus, string> = {
  diterima: 'Diterima',
  diproses: 'Diproses',
  diperpanjang: 'Diperpanjang',
  dijawab: 'Dijawab',
};

export const STATUS_TONES: Record<InfoRequestStatus, TagTone> = {
  diterima: 'grey',
  diproses: 'blue',
  diperpanjang: 'yellow',
  dijawab: 'green',
};

export const DECISION_LABELS: Record<InfoDecision, string> = {
  dipenuhi: 'Dipenuhi',
  dipenuhi_sebagian: 'Dipenuhi sebagian',
  ditolak: 'Ditolak',
  tidak_dikuasai: 'Informasi tidak dikuasai',
};

export const DECISION_TONES: Record<InfoDecision, TagTone> = {
  dipenuhi: 'green',
  dipenuhi_sebagian: 'green',
  ditolak: 'red',
  tidak_dikuasai: 'grey',
};

export const REQUESTER_TYPE_LABELS = { perorangan: 'Perorangan', badan_hukum: 'Badan hukum', kelompok: 'Kelompok orang' } as const;
export const IDENTITY_TYPE_LABELS = { ktp: 'KTP (NIK)', akta: 'Akta pendirian / pengesahan badan hukum' } as const;
export const OBTAIN_LABELS = {
  melihat: 'Melihat, membaca, mendengarkan atau mencatat',
  salinan_softcopy: 'Mendapatkan salinan elektronik (softcopy)',
  salinan_hardcopy: 'Mendapatkan salinan cetak (hardcopy)',
} as const;
export const DELIVERY_LABELS = { langsung: 'Diambil langsung', email: 'Dikirim lewat email', pos: 'Dikirim lewat pos' } as const;

/** Exemption reasons (UU 14/2008 Pasal 17 huruf a–j), grouped in the annual report. */
export const REFUSAL_REASONS = {
  pasal_17a: 'Pasal 17 a — menghambat proses penegakan hukum',
  pasal_17b: 'Pasal 17 b — mengganggu perlindungan HKI dan persaingan usaha',
  pasal_17c: 'Pasal 17 c — membahayakan pertahanan dan keamanan negara',
  pasal_17d: 'Pasal 17 d — mengungkapkan kekayaan alam Indonesia',
  pasal_17e: 'Pasal 17 e — merugikan ketahanan ekonomi nasional',
  pasal_17f: 'Pasal 17 f — merugikan kepentingan hubungan luar negeri',
  pasal_17g: 'Pasal 17 g — mengungkapkan isi akta otentik pribadi / wasiat',
  pasal_17h: 'Pasal 17 h — mengungkap rahasia pribadi',
  pasal_17i: 'Pasal 17 i — memorandum/surat antarbadan publik yang dirahasiakan',
  pasal_17j: 'Pasal 17 j — informasi yang tidak boleh diungkap menurut undang-undang',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;
export const REFUSAL_REASON_KEYS = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]];

export const GROUND_LABELS: Record<ObjectionGround, string> = {
  penolakan: 'Permohonan informasi ditolak',
  informasi_berkala_tidak_disediakan: 'Informasi berkala tidak disediakan',
  tidak_ditanggapi: 'Permohonan informasi tidak ditanggapi',
  tidak_sesuai_permintaan: 'Permohonan ditanggapi tidak sebagaimana yang diminta',
  tidak_dipenuhi: 'Permohonan informasi tidak dipenuhi',
  biaya_tidak_wajar: 'Pengenaan biaya yang tidak wajar',
  terlambat: 'Penyampaian informasi melebihi jangka waktu',
};

export const OUTCOME_LABELS: Record<InfoObjectionOutcome, string> = {
  dikabulkan: 'Keberatan diterima — informasi diberikan',
  dikabulkan_sebagian: 'Keberatan diterima sebagian',
  ditolak: 'Keberatan ditolak — keputusan PPID dikuatkan',
};

export const EVENT_LABELS: Record<string, string> = {
  diterima: 'Permohonan diterima',
  diproses: 'Permohonan mulai diproses',
  diperpanjang: 'Jangka waktu diperpanjang',
  dijawab: 'Permohonan dijawab',
  keberatan: 'Keberatan diajukan',
  keberatan_diputus: 'Keberatan diputus atasan PPID',
  komisi: 'Pemohon mengajukan sengketa ke Komisi Informasi',
};

export const ACTOR_LABELS = { pemohon: 'Pemohon', ppid: 'Petugas PPID', atasan: 'Atasan PPID', sistem: 'Sistem' } as const;
