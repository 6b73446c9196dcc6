import type { Actor } from '../auth/actor';
import { allows } from '../regions/guard';
import type { PublishRights } from './workflow';

/** The actor's publishing rights on a region, from the one access policy. */
export function publishRights(actor: Actor, region: { code: string; stage: 'diskominfo' | 'pendampingan' | 'mandiri' }): PublishRights {
  return {
    draft: allows(actor, 'content.draft', region),
    publish: allows(actor, 'content.publish', region),
    review: allows(actor, 'content.review', region),
  };
}

export const hasAnyRight = (r: PublishRights) => r.draft || r.publish || r.review;
