import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships, notifications, users, type Role } from '../../db/schema';
import { newId } from '../../lib/ids';
import { witaDateKey } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { concerns } from './audience';
import type { Statement } from './batch';
import type { FlagChange } from './flags';
import { stateLabel } from './labels';
import type { RegionLite } from './store';

export interface Recipient {
  userId: string;
  role: Role;
  regionCode: string;
}

/** Memberships of active users (one query). */
export async function loadRecipients(db: Db): Promise<Recipient[]> {
  return db
    .select({ userId: memberships.userId, role: memberships.role, regionCode: memberships.regionCode })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.isActive, true)))
    .all();
}

/**
 * Notifications for flags that were opened or changed state, to every user the flag concerns (src/features/
 * monitoring/audience.ts). The dedupe key is the flag and its state: a rerun, or a second membership of the same
 * user, adds nothing (UNIQUE (user_id, dedupe_key) + ON CONFLICT DO NOTHING); an escalation is a new notification.
 */
export function flagNotifications(
  db: Db,
  changes: readonly FlagChange[],
  recipients: readonly Recipient[],
  regionsByCode: ReadonlyMap<string, RegionLite>,
  now: number,
): Statement[] {
  const out: Statement[] = [];
  const seen = new Set<string>();
  for (const f of changes) {
    if (f.previousState === f.state) continue;
    const region = regionsByCode.get(f.regionCode);
    if (!region) continue;
    for (const r of recipients) {
      if (!concerns(r, f, region.stage)) continue;
      const dedupeKey = `flag:${f.id}:${f.state}`;
      if (seen.has(`${r.userId}|${dedupeKey}`)) continue;
      seen.add(`${r.userId}|${dedupeKey}`);
      out.push(
        db
          .insert(notifications)
          .values({
            id: newId(now),
            userId: r.userId,
            regionCode: f.regionCode,
            kind: f.kind,
            title: `${f.title} — ${stateLabel(f.state)}`,
            body: regionTitle(region),
            href: f.href,
            dedupeKey,
            createdAt: now,
            readAt: null,
          })
          .onConflictDoNothing(),
      );
    }
  }
  return out;
}

/** One summary per Diskominfo user per job and WITA day (content flags are not sent one by one to Diskominfo). */
export function summaryNotifications(
  db: Db,
  job: string,
  title: string,
  body: string,
  href: string,
  recipients: readonly Recipient[],
  now: number,
): Statement[] {
  const users = [...new Set(recipients.filter((r) => r.role === 'diskominfo').map((r) => r.userId))];
  const dedupeKey = `ringkasan:${job}:${witaDateKey(now)}`;
  return users.map((userId) =>
    db
      .insert(notifications)
      .values({ id: newId(now), userId, regionCode: null, kind: 'ringkasan', title, body, href, dedupeKey, createdAt: now, readAt: null })
      .onConflictDoNothing(),
  );
}
