import { allows } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import { actorOf } from '../../auth/session';
import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { placesWaitingForReview } from './places-repo';

/** "Perlu tindakan": places submitted for the map that wait for this reviewer (more than 2 days: urgent). */
export const placeAttention: AttentionProvider = async ({ db, now }, session) => {
  const roots = candidateRoots(session.memberships, 'content.review');
  if (!roots.length) return [];
  const actor = actorOf(session);
  const mine = (await placesWaitingForReview(db, roots)).filter((r) => allows(actor, 'content.review', { code: r.regionCode, stage: r.regionStage }));
  if (!mine.length) return [];
  const oldest = mine[0]!;
  const item: AttentionItem = {
    label: `${mine.length} tempat menunggu tinjauan Anda`,
    href: `/admin/tempat?status=menunggu_tinjauan`,
    tone: now - oldest.updatedAt > 2 * 86_400_000 ? 'urgent' : 'warn',
    detail: `Terlama: “${oldest.name}”`,
  };
  return [item];
};
