import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { regions } from '../db/schema';
import { AppError } from '../lib/errors';
import { isWithin } from './codes';
import { can, type Action, type Membership } from './policy';

/** Who asks, as far as the policy cares: officers carry memberships; partners, the system and citizens do not. */
type Asker = { kind: 'user'; memberships: Membership[] } | { kind: 'partner' | 'system' | 'public' };

const DENY_REASONS: Partial<Record<Action, string>> = {
  'content.publish': 'Wilayah ini belum mandiri: konten Anda perlu ditinjau sebelum terbit. Kirim untuk ditinjau.',
  'content.draft': 'Peran Anda tidak mengizinkan menyiapkan konten di wilayah ini.',
  'document.declassify': 'Hanya Diskominfo atau PPID yang dapat membuka informasi yang dikecualikan.',
};

/**
 * Service-level authorization: loads the region's stage and asks the policy. A region the actor cannot reach at all
 * answers 404 (its existence is not revealed); a reachable region where the action is not allowed answers 403.
 */
export async function authorize(db: Db, actor: Asker, action: Action, regionCode: string) {
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const region = await db
    .select({ code: regions.code, name: regions.name, level: regions.level, path: regions.path, stage: regions.stage, parentCode: regions.parentCode })
    .from(regions)
    .where(eq(regions.code, regionCode))
    .get();
  const reaches = region && actor.memberships.some((m) => isWithin(region.code, m.regionCode));
  if (!region || !reaches) throw new AppError('not_found', 'Data tidak ditemukan di wilayah Anda.');
  if (!can(actor.memberships, action, region)) {
    throw new AppError('forbidden', DENY_REASONS[action] ?? 'Peran Anda tidak mengizinkan tindakan ini di wilayah ini.');
  }
  return region;
}

/** Same decision without throwing, for showing or hiding buttons. */
export function allows(actor: Asker, action: Action, region: { code: string; stage: 'diskominfo' | 'pendampingan' | 'mandiri' }): boolean {
  return actor.kind === 'user' && can(actor.memberships, action, region);
}
