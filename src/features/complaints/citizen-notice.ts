/**
 * Which complaint status changes the reporter hears about, and what the message says (the one place for this rule).
 * Domain logic only: the message goes out through src/messaging/citizen-notice.ts. The text carries the tracking
 * number, the status and the tracking page — never the private code, the answer's wording or internal notes. Changes
 * the reporter made themselves (more information, accepting the answer, reopening, rating) send nothing.
 */
import type { ComplaintStatus } from '../../db/schema';
import type { Db } from '../../db/client';
import { type CitizenNoticeDeps, type NoticeDecision, noticeText, notifyCitizen } from '../../messaging/citizen-notice';
import { regionHref } from '../../regions/paths';
import { findRegionByCode } from '../../regions/repo';

const SENTENCES: Partial<Record<ComplaintStatus, string>> = {
  diverifikasi: 'Laporan Anda sudah diperiksa dan diterima untuk ditangani.',
  didisposisikan: 'Laporan Anda sudah diteruskan kepada petugas yang menanganinya.',
  bukan_wewenang: 'Laporan Anda bukan wewenang pemerintah daerah ini dan sudah diteruskan ke instansi yang berwenang.',
  ditindaklanjuti: 'Laporan Anda sudah ditanggapi petugas. Baca tanggapannya di halaman lacak.',
  selesai: 'Laporan Anda dinyatakan selesai.',
  ditolak: 'Laporan Anda tidak dapat diproses. Alasannya dapat Anda baca di halaman lacak.',
};

/** Archived reports are closed for good: the reporter's contact is deleted. (A finished report may still be reopened.) */
const FINAL: ReadonlySet<ComplaintStatus> = new Set(['diarsipkan']);

export function complaintNotice(status: ComplaintStatus, byReporter: boolean, ticket: string, trackUrl: string): NoticeDecision {
  const sentence = byReporter ? undefined : SENTENCES[status];
  const final = FINAL.has(status);
  if (!sentence) return { notice: null, final };
  return { notice: { subject: `Laporan ${ticket}`, text: noticeText(sentence, ticket, trackUrl) }, final };
}

export interface ComplaintStatusEvent {
  complaintId: string;
  ticket: string;
  /** The region whose pages the reporter used (the tracking page lives there). */
  originRegionCode: string;
  to: ComplaintStatus;
  /** The timeline entry's sequence number. */
  seq: number;
  byReporter: boolean;
}

/** The status-change hook: one message per change to reporters who opted in. Never throws. */
export async function sendComplaintNotice(deps: CitizenNoticeDeps, origin: string, e: ComplaintStatusEvent): Promise<void> {
  const trackUrl = await complaintTrackUrl(deps.db, origin, e.originRegionCode, e.ticket);
  await notifyCitizen(
    deps,
    { kind: 'aduan', refId: e.complaintId, status: e.to, changeId: String(e.seq) },
    complaintNotice(e.to, e.byReporter, e.ticket, trackUrl),
  );
}

async function complaintTrackUrl(db: Db, origin: string, regionCode: string, ticket: string): Promise<string> {
  const region = await findRegionByCode(db, regionCode);
  return `${origin}${regionHref(region?.path ?? '', 'pengaduan', 'lacak')}?${new URLSearchParams({ nomor: ticket })}`;
}
