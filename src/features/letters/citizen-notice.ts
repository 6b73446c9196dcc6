/**
 * Which letter-request status changes the requester hears about, and what the message says (the one place for this
 * rule). Domain logic only: the message goes out through src/messaging/citizen-notice.ts. The text carries the
 * tracking number, the status and the tracking page — never the private code, NIK or the officer's notes.
 */
import type { Db } from '../../db/client';
import { type CitizenNoticeDeps, type NoticeDecision, noticeText, notifyCitizen } from '../../messaging/citizen-notice';
import { regionHref } from '../../regions/paths';
import { findRegionByCode } from '../../regions/repo';
import type { LetterStatus, LetterStatusEvent } from './status-machine';

export interface LetterNoticeFacts {
  trackingNumber: string;
  delivery: 'ambil' | 'unduh';
  /** Absolute URL of the region's tracking page with the number filled in. */
  trackUrl: string;
}

const SENTENCES: Partial<Record<LetterStatus, (f: LetterNoticeFacts) => string>> = {
  perlu_perbaikan: () => 'Permohonan surat Anda perlu diperbaiki. Buka halaman lacak dengan kode pribadi Anda untuk melihat yang diminta petugas.',
  selesai: (f) =>
    f.delivery === 'unduh'
      ? 'Surat Anda sudah selesai dan siap diunduh di halaman lacak dengan kode pribadi Anda.'
      : 'Surat Anda sudah selesai dan siap diambil di kantor. Waktu dan tempat pengambilan ada di halaman lacak.',
  ditolak: () => 'Permohonan surat Anda ditolak. Alasannya dapat Anda baca di halaman lacak.',
};

/** Closing statuses: after these the requester's contact is deleted. */
const FINAL: ReadonlySet<LetterStatus> = new Set(['selesai', 'ditolak', 'dibatalkan']);

/** The notice for a change to `status`, or none (statuses the requester caused or that change nothing for them). */
export function letterNotice(status: LetterStatus, facts: LetterNoticeFacts): NoticeDecision {
  const sentence = SENTENCES[status];
  const final = FINAL.has(status);
  if (!sentence) return { notice: null, final };
  return {
    notice: { subject: `Permohonan surat ${facts.trackingNumber}`, text: noticeText(sentence(facts), facts.trackingNumber, facts.trackUrl) },
    final,
  };
}

/** The absolute tracking page of a request: APP_ORIGIN + the region's `layanan/lacak` with the number filled in. */
export async function letterTrackUrl(db: Db, origin: string, regionCode: string, trackingNumber: string): Promise<string> {
  const region = await findRegionByCode(db, regionCode);
  return `${origin}${regionHref(region?.path ?? '', 'layanan', 'lacak')}?${new URLSearchParams({ nomor: trackingNumber })}`;
}

/** The status-change hook's message part: one message per change to requesters who opted in. Never throws. */
export async function sendLetterNotice(deps: CitizenNoticeDeps, origin: string, e: LetterStatusEvent): Promise<void> {
  const trackUrl = await letterTrackUrl(deps.db, origin, e.regionCode, e.trackingNumber);
  await notifyCitizen(
    deps,
    { kind: 'surat', refId: e.requestId, status: e.to, changeId: String(e.seq) },
    letterNotice(e.to, { trackingNumber: e.trackingNumber, delivery: e.delivery, trackUrl }),
  );
}
