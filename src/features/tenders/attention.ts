import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { actorOf } from '../../auth/session';
import { allows } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import { countRejectedTendersOf, overdueTenders, tendersWaitingForReview } from './admin-repo';

const DAY = 86_400_000;

/**
 * "Perlu tindakan": reviewers see village packages waiting for their review; authors see packages sent back; the
 * owners of packages whose stage ended without the expected update (no winner, no contract) see them — village
 * operators for their villages, the regency's procurement managers and Diskominfo for SPSE/SiRUP packages.
 */
export const tenderAttention: AttentionProvider = async ({ db, now }, session) => {
  const actor = actorOf(session);
  const reviewRoots = candidateRoots(session.memberships, 'content.review');
  const scope = {
    villageRoots: candidateRoots(session.memberships, 'content.draft'),
    regency: candidateRoots(session.memberships, 'tender.regency').length > 0,
  };
  const [waiting, rejected, overdue] = await Promise.all([
    reviewRoots.length ? tendersWaitingForReview(db, reviewRoots) : Promise.resolve([]),
    countRejectedTendersOf(db, session.userId),
    overdueTenders(db, scope, now),
  ]);
  const items: AttentionItem[] = [];
  const mine = waiting.filter((r) => allows(actor, 'content.review', { code: r.regionCode, stage: r.regionStage }));
  if (mine.length) {
    const oldest = mine[0]!;
    items.push({
      label: `${mine.length} paket pengadaan desa menunggu tinjauan Anda`,
      href: '/admin/lelang?status=menunggu_tinjauan',
      tone: now - oldest.updatedAt > 2 * DAY ? 'urgent' : 'warn',
      detail: `Terlama: “${oldest.name}”`,
    });
  }
  if (rejected) {
    items.push({
      label: `${rejected} paket pengadaan Anda dikembalikan peninjau`,
      href: '/admin/lelang?status=ditolak',
      tone: 'warn',
      detail: 'Baca catatan peninjau, perbaiki, lalu kirim lagi.',
    });
  }
  if (overdue.length) {
    const oldest = overdue[0]!;
    items.push({
      label: `${overdue.length} paket pengadaan perlu diperbarui: tahapnya sudah lewat`,
      href: '/admin/lelang?perlu=1',
      tone: now - (oldest.updateDueAt ?? now) > 3 * DAY ? 'urgent' : 'warn',
      detail: `Catat pemenang, kontrak, atau tandai gagal/batal. Terlama: “${oldest.name}”`,
    });
  }
  return items;
};
