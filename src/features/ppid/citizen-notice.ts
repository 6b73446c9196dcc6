/**
 * Which PPID request changes the applicant hears about, and what the message says (the one place for this rule):
 * an extension and the answer (granted, partly granted, refused, not held). Domain logic only: the message goes out
 * through src/messaging/citizen-notice.ts with the request number and the tracking page — never the private code,
 * the identity number or the officer's notes. Once answered, the applicant's contact is deleted.
 */
import type { InfoRequestRow } from '../../db/schema';
import { type CitizenNoticeDeps, type NoticeDecision, noticeText, notifyCitizen } from '../../messaging/citizen-notice';
import { regionHref } from '../../regions/paths';
import { findRegionByCode } from '../../regions/repo';
import { findRequestById } from './repo';

const ANSWERS: Record<NonNullable<InfoRequestRow['decision']>, string> = {
  dipenuhi: 'Permohonan informasi Anda sudah dijawab: informasi diberikan.',
  dipenuhi_sebagian: 'Permohonan informasi Anda sudah dijawab: informasi diberikan sebagian.',
  ditolak: 'Permohonan informasi Anda ditolak. Alasan dan hak Anda mengajukan keberatan ada di halaman lacak.',
  tidak_dikuasai: 'Permohonan informasi Anda sudah dijawab: informasi tidak dikuasai badan publik ini.',
};

export function ppidNotice(row: Pick<InfoRequestRow, 'status' | 'decision' | 'number'>, trackUrl: string): NoticeDecision {
  const sentence =
    row.status === 'diperpanjang'
      ? 'Waktu menjawab permohonan informasi Anda diperpanjang. Tanggal jawaban yang baru ada di halaman lacak.'
      : row.status === 'dijawab' && row.decision
        ? ANSWERS[row.decision]
        : null;
  const final = row.status === 'dijawab';
  return { notice: sentence ? { subject: `Permohonan informasi ${row.number}`, text: noticeText(sentence, row.number, trackUrl) } : null, final };
}

/**
 * After an officer's extension or answer: reads the request as committed and queues the applicant's message (the
 * change is identified by its new `updated_at`, so a repeat of the same change queues nothing). Never throws.
 */
export async function sendPpidNotice(deps: CitizenNoticeDeps, origin: string, requestId: string): Promise<void> {
  try {
    const row = await findRequestById(deps.db, requestId);
    if (!row) return;
    const region = await findRegionByCode(deps.db, row.regionCode);
    const trackUrl = `${origin}${regionHref(region?.path ?? '', 'ppid', 'lacak')}?${new URLSearchParams({ nomor: row.number })}`;
    await notifyCitizen(deps, { kind: 'ppid', refId: row.id, status: row.status, changeId: String(row.updatedAt) }, ppidNotice(row, trackUrl));
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'ppid notice failed', requestId, error: String(err) }));
  }
}
