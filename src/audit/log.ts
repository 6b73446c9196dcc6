import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import { newId } from '../lib/ids';
import { containsPattern } from '../lib/validation';
import type { ActionContext } from '../auth/actor';

export interface AuditEntry {
  action: string;
  regionCode?: string | null;
  entityType?: string;
  entityId?: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const MAX_JSON = 4000;

/** Compact JSON for before/after summaries; secrets and personal fields must not be passed in. */
function compact(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = JSON.stringify(v);
  return s.length > MAX_JSON ? `${s.slice(0, MAX_JSON)}…` : s;
}

/**
 * The append-only audit insert. Returns the drizzle statement so callers put it in the same `db.batch` as the change
 * it records (D1 has no interactive transactions). There is deliberately no update or delete function here.
 */
export function auditInsert(db: Db, ctx: ActionContext, e: AuditEntry) {
  return db.insert(auditLog).values({
    id: newId(ctx.now),
    at: ctx.now,
    actorType: ctx.actor.kind,
    actorId: ctx.actor.id,
    actorName: ctx.actor.kind === 'user' ? `${ctx.actor.name} (${ctx.actor.username})` : ctx.actor.name,
    action: e.action,
    regionCode: e.regionCode ?? null,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    requestId: ctx.requestId,
    summary: e.summary.slice(0, 500),
    beforeJson: compact(e.before),
    afterJson: compact(e.after),
  });
}

export interface AuditFilter {
  actorId?: string;
  /** Substring of the actor's name or username. */
  actorName?: string;
  regionCode?: string;
  action?: string;
  from?: number;
  to?: number;
  before?: number;
  limit: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  const conds: SQL[] = [];
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.actorName) conds.push(sql`${auditLog.actorName} LIKE ${containsPattern(f.actorName, 'pengguna')} ESCAPE '\\'`);
  if (f.regionCode) conds.push(eq(auditLog.regionCode, f.regionCode));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.from !== undefined) conds.push(gte(auditLog.at, f.from));
  if (f.to !== undefined) conds.push(lte(auditLog.at, f.to));
  if (f.before !== undefined) conds.push(lt(auditLog.at, f.before));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.limit)
    .all();
}
