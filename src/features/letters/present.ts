/**
 * THE place where a letter request becomes output, one presenter per audience. Masking happens here and nowhere else:
 *
 *   public      tracking without the code and the JSON status: number, type, region, status, dates. No name.
 *   requester   with the private code: own name, NIK/KK masked, what the officer asked, actions, pick-up/download.
 *   officerList queue, CSV: name, NIK masked, status, deadline.
 *   officer     the processing screen: NIK/KK/phone masked until an audited reveal.
 *   log         ids and statuses only.
 *
 * The letter itself (letter-model.ts) is the only other output that prints NIK and KK in full.
 */
import type { LetterAttachmentRow, LetterEventRow, LetterRequestRow, LetterStatus } from '../../db/schema';
import { openOptional, open } from '../../lib/data-key';
import type { Keyring } from '../../lib/keyring';
import { deadlineState, type DeadlineState, type HolidayCalendar } from '../../lib/working-days';
import { maskIdNumber, maskPhone } from './mask';
import { allowedActions, type ActionType } from './status-machine';
import { machineStateOf } from './store';
import { sealContext } from './submit';

export const STATUS_LABELS: Record<LetterStatus, string> = {
  diajukan: 'Diajukan',
  diperiksa: 'Diperiksa',
  perlu_perbaikan: 'Perlu perbaikan',
  diproses: 'Diproses',
  menunggu_tanda_tangan: 'Menunggu tanda tangan',
  selesai: 'Selesai',
  ditolak: 'Ditolak',
  dibatalkan: 'Dibatalkan',
};

/** One colour per status family (DESIGN.md): new grey, in progress blue, waiting on citizen yellow, done green, refused red. */
export const STATUS_TONES: Record<LetterStatus, 'grey' | 'blue' | 'yellow' | 'green' | 'red'> = {
  diajukan: 'grey',
  diperiksa: 'blue',
  perlu_perbaikan: 'yellow',
  diproses: 'blue',
  menunggu_tanda_tangan: 'blue',
  selesai: 'green',
  ditolak: 'red',
  dibatalkan: 'grey',
};

export interface PublicStatus {
  trackingNumber: string;
  type: string;
  regionCode: string;
  status: LetterStatus;
  statusLabel: string;
  submittedAt: number;
  dueAt: number | null;
  finishedAt: number | null;
  timeline: { at: number; status: LetterStatus | null; label: string }[];
}

export function publicStatus(row: LetterRequestRow, type: string, events: LetterEventRow[]): PublicStatus {
  return {
    trackingNumber: row.trackingNumber,
    type,
    regionCode: row.regionCode,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    finishedAt: row.finishedAt,
    // Citizens read oldest first; only status changes, never notes or who.
    timeline: events.filter((e) => e.toStatus && e.kind !== 'cabut').map((e) => ({ at: e.at, status: e.toStatus, label: STATUS_LABELS[e.toStatus!] })),
  };
}

export interface RequesterView extends PublicStatus {
  name: string;
  nikMasked: string;
  kkMasked: string;
  delivery: 'ambil' | 'unduh';
  letterNumber: string | null;
  revokedAt: number | null;
  /** The officer's latest words to the requester (what to fix, why refused/cancelled/revoked). */
  noteFromOfficer: string | null;
  actions: ActionType[];
  uploads: { requirementKey: string; mime: string; at: number }[];
  canDownload: boolean;
  hasSignedScan: boolean;
}

export async function requesterView(
  keys: Keyring,
  row: LetterRequestRow,
  type: string,
  events: LetterEventRow[],
  uploads: LetterAttachmentRow[],
): Promise<RequesterView> {
  const [nik, kk] = await Promise.all([open(keys, row.nikSealed, sealContext(row.id, 'nik')), open(keys, row.kkSealed, sealContext(row.id, 'kk'))]);
  const lastNote = [...events].reverse().find((e) => e.noteRequester && e.actorType === 'petugas');
  return {
    ...publicStatus(row, type, events),
    timeline: events.map((e) => ({ at: e.at, status: e.toStatus, label: e.kind === 'cabut' ? 'Surat dicabut' : STATUS_LABELS[e.toStatus ?? row.status] })),
    name: row.applicantName,
    nikMasked: maskIdNumber(nik),
    kkMasked: maskIdNumber(kk),
    delivery: row.delivery,
    letterNumber: row.letterNumber,
    revokedAt: row.revokedAt,
    noteFromOfficer: lastNote?.noteRequester ?? null,
    actions: allowedActions(machineStateOf(row), 'pemohon'),
    uploads: uploads.map((u) => ({ requirementKey: u.requirementKey, mime: u.mime, at: u.createdAt })),
    canDownload: row.status === 'selesai' && row.revokedAt === null && row.delivery === 'unduh',
    hasSignedScan: row.signedScanKey !== null,
  };
}

export interface OfficerListItem {
  id: string;
  trackingNumber: string;
  regionCode: string;
  templateId: string;
  channel: 'portal' | 'loket';
  name: string;
  nikMasked: string;
  status: LetterStatus;
  submittedAt: number;
  dueAt: number | null;
  deadline: DeadlineState | null;
  letterNumber: string | null;
  /** Finished within the deadline (meaningful once closed). */
  onTime: boolean;
}

export async function officerListItem(keys: Keyring, row: LetterRequestRow, now: number, cal: HolidayCalendar): Promise<OfficerListItem> {
  return {
    id: row.id,
    trackingNumber: row.trackingNumber,
    regionCode: row.regionCode,
    templateId: row.templateId,
    channel: row.channel,
    name: row.applicantName,
    nikMasked: maskIdNumber(await open(keys, row.nikSealed, sealContext(row.id, 'nik'))),
    status: row.status,
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    deadline: row.dueAt !== null ? deadlineState(row.dueAt, now, cal) : null,
    letterNumber: row.letterNumber,
    onTime: row.onTime,
  };
}

/** The processing screen: masked by default; `reveal` (audited by the caller) opens NIK, KK and phone. */
export async function officerIdentity(keys: Keyring, row: LetterRequestRow, reveal: boolean) {
  const [nik, kk, phone] = await Promise.all([
    open(keys, row.nikSealed, sealContext(row.id, 'nik')),
    open(keys, row.kkSealed, sealContext(row.id, 'kk')),
    openOptional(keys, row.contactSealed, sealContext(row.id, 'contact')),
  ]);
  return reveal
    ? { revealed: true as const, nik, kk, phone: phone ?? '' }
    : { revealed: false as const, nik: maskIdNumber(nik), kk: maskIdNumber(kk), phone: phone ? maskPhone(phone) : '' };
}

export const CSV_HEADER = ['nomor_permohonan', 'jenis_surat', 'wilayah', 'jalur', 'nama', 'nik', 'status', 'diajukan', 'tenggat', 'nomor_surat', 'tepat_waktu'];

export function csvRow(item: OfficerListItem, fmt: (ms: number) => string): string[] {
  return [
    item.trackingNumber,
    item.templateId,
    item.regionCode,
    item.channel,
    item.name,
    item.nikMasked,
    STATUS_LABELS[item.status],
    fmt(item.submittedAt),
    item.dueAt ? fmt(item.dueAt) : '',
    item.letterNumber ?? '',
    item.onTime ? 'ya' : 'tidak',
  ];
}

/** What a log line may carry about a request. */
export function logView(row: Pick<LetterRequestRow, 'id' | 'trackingNumber' | 'regionCode' | 'status'>) {
  return { requestId: row.id, trackingNumber: row.trackingNumber, regionCode: row.regionCode, status: row.status };
}
