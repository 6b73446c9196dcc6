import type { ActionContext } from '../auth/actor';
import type { ContentNoun, PublishRights, PublishStatus } from './workflow';

/**
 * THE soft-delete rule of posts, documents and places: a deleted item keeps its row and files, goes back to `draft`
 * (so nothing in the trash is ever public, whatever a query filters on) and can be restored — as a draft — by whoever
 * may delete it: the right to draft or to publish in its region. Published items are unpublished in the same step.
 */
export function softDeleteFields(ctx: ActionContext): { status: PublishStatus; deletedAt: number; deletedBy: string | null; updatedAt: number } {
  return { status: 'draft', deletedAt: ctx.now, deletedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, updatedAt: ctx.now };
}

export function restoreFields(ctx: ActionContext): { deletedAt: null; deletedBy: null; updatedAt: number } {
  return { deletedAt: null, deletedBy: null, updatedAt: ctx.now };
}

/** null when the actor may restore; otherwise the reason (403). */
export function restoreRefusal(rights: PublishRights, noun: ContentNoun): string | null {
  return rights.draft || rights.publish ? null : `Anda tidak dapat memulihkan ${noun} di wilayah ini.`;
}
