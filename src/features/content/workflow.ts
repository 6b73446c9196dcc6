import type { PostStatus } from '../../db/schema';

/**
 * The editorial state machine of a post (pure; tested in test/unit/content-workflow.test.ts).
 *
 *   draft ──submit──▶ menunggu_tinjauan ──approve──▶ terbit ──unpublish──▶ draft
 *     ▲                   │  └──reject──▶ ditolak ──submit──▶ menunggu_tinjauan
 *     └──── save ─────────┘                 (save turns a rejected or a withdrawn submission back into a draft)
 *   draft / ditolak / menunggu_tinjauan ──publish (without review)──▶ terbit
 *
 * Who may do what comes from the access policy (src/regions/policy.ts) as three rights on the post's region:
 * draft (content.draft), publish (content.publish: stage mandiri for operators, always for Diskominfo) and review
 * (content.review: Diskominfo, and a kecamatan operator for its villages in pendampingan).
 */
export const POST_ACTIONS = ['save', 'submit', 'approve', 'reject', 'publish', 'unpublish', 'delete'] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

export interface PostRights {
  draft: boolean;
  publish: boolean;
  review: boolean;
}

export type TransitionResult =
  | { ok: true; to: PostStatus }
  | { ok: false; reason: 'state' | 'right'; right?: 'content.draft' | 'content.publish' | 'content.review'; message: string };

const STATE_MESSAGES: Record<PostAction, string> = {
  save: 'Tulisan ini tidak dapat diubah dalam statusnya sekarang.',
  submit: 'Hanya draf atau tulisan yang dikembalikan yang dapat dikirim untuk ditinjau.',
  approve: 'Hanya tulisan yang menunggu tinjauan yang dapat disetujui.',
  reject: 'Hanya tulisan yang menunggu tinjauan yang dapat dikembalikan.',
  publish: 'Tulisan ini sudah terbit.',
  unpublish: 'Hanya tulisan yang sudah terbit yang dapat ditarik.',
  delete: 'Tulisan yang sudah terbit harus ditarik dahulu sebelum dihapus.',
};

const FROM: Record<PostAction, readonly PostStatus[]> = {
  save: ['draft', 'menunggu_tinjauan', 'ditolak', 'terbit'],
  submit: ['draft', 'ditolak'],
  approve: ['menunggu_tinjauan'],
  reject: ['menunggu_tinjauan'],
  publish: ['draft', 'menunggu_tinjauan', 'ditolak'],
  unpublish: ['terbit'],
  delete: ['draft', 'menunggu_tinjauan', 'ditolak'],
};

function deny(right: 'content.draft' | 'content.publish' | 'content.review', message: string): TransitionResult {
  return { ok: false, reason: 'right', right, message };
}

/** Decides one transition: the new status, or why it is refused (a state conflict → 409, a missing right → 403). */
export function transition(action: PostAction, from: PostStatus, rights: PostRights): TransitionResult {
  if (!FROM[action].includes(from)) return { ok: false, reason: 'state', message: STATE_MESSAGES[action] };
  switch (action) {
    case 'save':
      if (from === 'terbit') {
        // An edit of a published post goes live at once, so it needs the right to publish.
        return rights.publish ? { ok: true, to: 'terbit' } : deny('content.publish', 'Tulisan yang sudah terbit hanya dapat diubah oleh yang berhak menerbitkan. Minta peninjau menariknya bila perlu diperbaiki.');
      }
      if (!rights.draft) return deny('content.draft', 'Anda tidak dapat mengubah tulisan di wilayah ini.');
      // A reviewer/publisher polishing a submission keeps it in the queue; the author editing it withdraws it.
      if (from === 'menunggu_tinjauan') return { ok: true, to: rights.review || rights.publish ? 'menunggu_tinjauan' : 'draft' };
      return { ok: true, to: 'draft' };
    case 'submit':
      return rights.draft ? { ok: true, to: 'menunggu_tinjauan' } : deny('content.draft', 'Anda tidak dapat mengirim tulisan di wilayah ini.');
    case 'approve':
      return rights.review ? { ok: true, to: 'terbit' } : deny('content.review', 'Anda tidak berhak meninjau tulisan di wilayah ini.');
    case 'reject':
      return rights.review ? { ok: true, to: 'ditolak' } : deny('content.review', 'Anda tidak berhak meninjau tulisan di wilayah ini.');
    case 'publish':
      return rights.publish ? { ok: true, to: 'terbit' } : deny('content.publish', 'Wilayah ini masih dalam tahap pendampingan: tulisan Anda perlu ditinjau sebelum terbit.');
    case 'unpublish':
      return rights.publish || rights.review ? { ok: true, to: 'draft' } : deny('content.publish', 'Anda tidak berhak menarik tulisan dari situs wilayah ini.');
    case 'delete':
      return rights.draft ? { ok: true, to: from } : deny('content.draft', 'Anda tidak dapat menghapus tulisan di wilayah ini.');
  }
}

/** Actions to offer as buttons for a post in `status` (only those that would succeed). */
export function availableActions(status: PostStatus, rights: PostRights): PostAction[] {
  return POST_ACTIONS.filter((a) => {
    if (a === 'submit' && rights.publish) return false; // a publisher publishes directly
    return transition(a, status, rights).ok;
  });
}

/**
 * Publication time when a post goes live: a future schedule is kept (the post appears when it is due and the
 * scheduled-publication job purges the pages); otherwise now.
 */
export function publicationTime(scheduled: number | null | undefined, now: number): number {
  return scheduled && scheduled > now ? scheduled : now;
}

export interface Visibility {
  status: PostStatus;
  publishedAt: number | null;
}

/** Shown on public pages right now: published and due. */
export function isVisible(p: Visibility, now: number): boolean {
  return p.status === 'terbit' && p.publishedAt !== null && p.publishedAt <= now;
}

/**
 * Whether a change shows on public pages now (so pages are purged and `last_content_update` moves): the post is
 * visible before or after it. A publish scheduled for later changes nothing yet; the scheduled-publication job purges
 * the pages once it is due.
 */
export function changesPublicPages(before: Visibility, after: Visibility, now: number): boolean {
  return isVisible(before, now) || isVisible(after, now);
}
