import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions, stageHistory, users, type ManagementStage } from '../../db/schema';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { authorize } from '../../regions/guard';

/**
 * Moves regions between management stages (diskominfo → pendampingan → mandiri, or back), with a reason, keeping
 * the history. Public pages do not change (nothing to purge); who may publish does, via the access policy.
 * All-or-nothing: every region is authorised before anything is written, then one batch writes all.
 */
export async function changeStages(db: Db, codes: string[], to: ManagementStage, reason: string, ctx: ActionContext) {
  const unique = [...new Set(codes)];
  for (const code of unique) await authorize(db, ctx.actor, 'region.stage', code);
  const current = await db.select({ code: regions.code, stage: regions.stage }).from(regions).where(inArray(regions.code, unique)).all();
  const changing = current.filter((r) => r.stage !== to);
  if (changing.length === 0) return { changed: 0 };
  const statements = changing.flatMap((r) => [
    db.update(regions).set({ stage: to }).where(eq(regions.code, r.code)),
    db
      .insert(stageHistory)
      .values({ id: newId(ctx.now), regionCode: r.code, fromStage: r.stage, toStage: to, reason, actorId: ctx.actor.id ?? 'system', at: ctx.now }),
    auditInsert(db, ctx, {
      action: 'region.stage',
      regionCode: r.code,
      entityType: 'region',
      entityId: r.code,
      summary: `Tahap ${r.stage} → ${to}: ${reason}`,
      before: { stage: r.stage },
      after: { stage: to },
    }),
  ]);
  const [first, ...rest] = statements;
  if (!first) throw new AppError('internal');
  await db.batch([first, ...rest]);
  return { changed: changing.length };
}

export async function stageHistoryOf(db: Db, code: string) {
  return db
    .select({
      id: stageHistory.id,
      from: stageHistory.fromStage,
      to: stageHistory.toStage,
      reason: stageHistory.reason,
      at: stageHistory.at,
      actorName: users.name,
    })
    .from(stageHistory)
    .leftJoin(users, eq(users.id, stageHistory.actorId))
    .where(eq(stageHistory.regionCode, code))
    .orderBy(desc(stageHistory.at))
    .all();
}
