import { allows } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import { actorOf } from '../../auth/session';
import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { countRejectedOf, waitingForReview } from './admin-repo';

/**
 * "Perlu tindakan" on the admin home: reviewers see posts waiting for their review (oldest first decides the tone:
 * waiting more than 2 days is urgent); authors see their posts that a reviewer sent back.
 */
export const contentAttention: AttentionProvider = async ({ db, now }, session) => {
  const actor = actorOf(session);
  const items: AttentionItem[] = [];
  const roots = candidateRoots(session.memberships, 'content.review');
  const [waiting, rejected] = await Promise.all([roots.length ? waitingForReview(db, roots) : Promise.resolve([]), countRejectedOf(db, session.userId)]);
  const mine = waiting.filter((r) => allows(actor, 'content.review', { code: r.regionCode, stage: r.regionStage }));
  if (mine.length) {
    const oldest = Math.min(...mine.map((r) => r.updatedAt));
    items.push({
      label: `${mine.length} tulisan menunggu tinjauan Anda`,
      href: '/admin/konten/tinjauan',
      tone: now - oldest > 2 * 86_400_000 ? 'urgent' : 'warn',
      detail: `Terlama: “${mine.find((r) => r.updatedAt === oldest)?.title ?? ''}”`,
    });
  }
  if (rejected) {
    items.push({
      label: `${rejected} tulisan Anda dikembalikan peninjau`,
      href: '/admin/konten?status=ditolak&penulis=saya',
      tone: 'warn',
      detail: 'Baca catatan peninjau, perbaiki, lalu kirim lagi.',
    });
  }
  return items;
};
