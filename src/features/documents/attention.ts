import { allows } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import { actorOf } from '../../auth/session';
import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { countRejectedDocumentsOf, documentsWaitingForReview } from './repo';

/**
 * "Perlu tindakan": reviewers see documents (and new versions of published documents) waiting for their review —
 * waiting more than 2 days is urgent; uploaders see their documents a reviewer sent back.
 */
export const documentAttention: AttentionProvider = async ({ db, now }, session) => {
  const actor = actorOf(session);
  const roots = candidateRoots(session.memberships, 'content.review');
  const [waiting, rejected] = await Promise.all([
    roots.length ? documentsWaitingForReview(db, roots) : Promise.resolve([]),
    countRejectedDocumentsOf(db, session.userId),
  ]);
  const mine = waiting.filter((r) => allows(actor, 'content.review', { code: r.regionCode, stage: r.regionStage }));
  const items: AttentionItem[] = [];
  if (mine.length) {
    const oldest = mine[0]!;
    items.push({
      label: `${mine.length} dokumen menunggu tinjauan Anda`,
      href: '/admin/dokumen?status=menunggu_tinjauan',
      tone: now - oldest.updatedAt > 2 * 86_400_000 ? 'urgent' : 'warn',
      detail: `Terlama: “${oldest.title}”${oldest.pendingVersion !== null ? ` (versi ${oldest.pendingVersion})` : ''}`,
    });
  }
  if (rejected) {
    items.push({
      label: `${rejected} dokumen Anda dikembalikan peninjau`,
      href: '/admin/dokumen?status=ditolak',
      tone: 'warn',
      detail: 'Baca catatan peninjau, perbaiki, lalu kirim lagi.',
    });
  }
  return items;
};
