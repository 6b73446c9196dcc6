import type { PostStatus } from '../../db/schema';

/** Post-specific timing on top of the shared publishing workflow (src/publishing/workflow.ts). */

/**
 * Publication time when a post goes live: a future schedule is kept (the post appears when it is due and the
 * scheduled-publication job purges the pages); otherwise now.
 */
export function publicationTime(scheduled: number | null | undefined, now: number): number {
  return scheduled && scheduled > now ? scheduled : now;
}

/** An imported post published by a reviewer keeps its original date (its old site published it then). */
export function approvalTime(post: { publishedAt: number | null; importKey: string | null }, now: number): number {
  if (post.importKey && post.publishedAt !== null && post.publishedAt <= now) return post.publishedAt;
  return publicationTime(post.publishedAt, now);
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
