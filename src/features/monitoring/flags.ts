import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { monitoringFlags, type FlagKind } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Statement } from './batch';

/** A flag a scan wants open now. (region_code, key) identifies it; everything else may change over time. */
export interface DesiredFlag {
  regionCode: string;
  key: string;
  state: string;
  audienceCode: string;
  source: string | null;
  title: string;
  reference: string | null;
  href: string;
  subjectAt: number | null;
}

export interface FlagChange extends DesiredFlag {
  id: string;
  kind: FlagKind;
  previousState: string | null;
}

export interface FlagPlan {
  statements: Statement[];
  opened: FlagChange[];
  /** Open flags whose state (escalation) or details changed. */
  changed: FlagChange[];
  resolved: number;
  unchanged: number;
  /** Writes left for the next run (more than `maxWrites` were needed); the next run's diff picks them up. */
  deferred: number;
}

/**
 * Flag writes per scan run: a first scan of a large backlog would otherwise write thousands of flags (and their
 * notifications) in one cron invocation, past the 1,000 queries a Worker invocation may make. Since every run diffs
 * the wanted flags against the open ones, whatever is left is written by the next runs — no cursor needed, no flag
 * or notification twice.
 */
export const FLAG_WRITES_PER_RUN = 300;

const DETAIL_FIELDS = ['state', 'audienceCode', 'source', 'title', 'reference', 'href', 'subjectAt'] as const;

/**
 * Diffs what a scan wants open (`desired`, for one flag kind, every region) against the open flags of that kind and
 * returns only the writes needed: insert new flags, update changed ones, resolve the ones no longer wanted
 * (resolved_at = now; a recurrence later opens a new row). Running the same scan twice therefore writes nothing the
 * second time. Inserts use ON CONFLICT DO NOTHING on the partial unique index (one open flag per region and key), so
 * even two overlapping runs cannot create duplicates.
 */
export async function planFlagSync(db: Db, kind: FlagKind, desired: readonly DesiredFlag[], now: number, maxWrites = FLAG_WRITES_PER_RUN): Promise<FlagPlan> {
  const open = await db
    .select()
    .from(monitoringFlags)
    .where(and(eq(monitoringFlags.kind, kind), isNull(monitoringFlags.resolvedAt)))
    .all();
  const existing = new Map(open.map((f) => [`${f.regionCode}|${f.flagKey}`, f]));
  const wanted = new Map(desired.map((d) => [`${d.regionCode}|${d.key}`, d]));
  const plan: FlagPlan = { statements: [], opened: [], changed: [], resolved: 0, unchanged: 0, deferred: 0 };
  const full = () => plan.statements.length >= maxWrites;

  for (const [k, d] of wanted) {
    const cur = existing.get(k);
    if (!cur && full()) {
      plan.deferred++;
      continue;
    }
    if (!cur) {
      const id = newId(now);
      plan.opened.push({ ...d, id, kind, previousState: null });
      plan.statements.push(
        db
          .insert(monitoringFlags)
          .values({
            id,
            regionCode: d.regionCode,
            kind,
            flagKey: d.key,
            state: d.state,
            audienceCode: d.audienceCode,
            source: d.source,
            title: d.title,
            reference: d.reference,
            href: d.href,
            subjectAt: d.subjectAt,
            openedAt: now,
            updatedAt: now,
            resolvedAt: null,
          })
          .onConflictDoNothing(),
      );
      continue;
    }
    const curDetails = {
      state: cur.state,
      audienceCode: cur.audienceCode,
      source: cur.source,
      title: cur.title,
      reference: cur.reference,
      href: cur.href,
      subjectAt: cur.subjectAt,
    };
    if (DETAIL_FIELDS.every((f) => curDetails[f] === d[f])) {
      plan.unchanged++;
      continue;
    }
    if (full()) {
      plan.deferred++;
      continue;
    }
    plan.changed.push({ ...d, id: cur.id, kind, previousState: cur.state });
    plan.statements.push(
      db
        .update(monitoringFlags)
        .set({
          state: d.state,
          audienceCode: d.audienceCode,
          source: d.source,
          title: d.title,
          reference: d.reference,
          href: d.href,
          subjectAt: d.subjectAt,
          updatedAt: now,
        })
        .where(and(eq(monitoringFlags.id, cur.id), isNull(monitoringFlags.resolvedAt))),
    );
  }
  for (const [k, cur] of existing) {
    if (wanted.has(k)) continue;
    if (full()) {
      plan.deferred++;
      continue;
    }
    plan.resolved++;
    plan.statements.push(
      db
        .update(monitoringFlags)
        .set({ resolvedAt: now, updatedAt: now })
        .where(and(eq(monitoringFlags.id, cur.id), isNull(monitoringFlags.resolvedAt))),
    );
  }
  return plan;
}
