/** Follow-up answers from SP4N-LAPOR written back to a forwarded complaint's timeline, once per external update id. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { complaintExternalUpdates } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { ExternalUpdateInput } from './api-json';
import { toPartnerView } from './present';
import { findComplaintByTicket } from './repo';
import { type ComplaintDeps, loadBundle } from './service';
import { changeStatements, commitChange, isUniqueViolation, machineStateOf } from './store';

const findUpdate = (deps: Pick<ComplaintDeps, 'db'>, system: string, updateId: string) =>
  deps.db
    .select()
    .from(complaintExternalUpdates)
    .where(and(eq(complaintExternalUpdates.system, system as 'sp4n_lapor'), eq(complaintExternalUpdates.updateId, updateId)))
    .get();

/**
 * Adds the follow-up as a timeline entry (its text for the reporter and handlers; the public sees only that a
 * follow-up came). The same update id again is a replay: nothing changes, `created: false`. An update id already
 * recorded for another complaint is a 409.
 */
export async function recordExternalUpdate(deps: ComplaintDeps, ticket: string, input: z.output<typeof ExternalUpdateInput>, ctx: ActionContext) {
  if (ctx.actor.kind !== 'partner') throw new AppError('forbidden');
  const { db } = deps;
  const row = await findComplaintByTicket(db, ticket);
  if (!row) throw new AppError('not_found', `Pengaduan ${ticket} tidak ditemukan.`);
  const replay = async () => {
    const known = await findUpdate(deps, input.system, input.update_id);
    if (!known) return null;
    if (known.complaintId !== row.id) throw new AppError('conflict', `Tindak lanjut ${input.update_id} sudah tercatat untuk pengaduan lain.`);
    const fresh = await findComplaintByTicket(db, ticket);
    return { view: toPartnerView(await loadBundle(db, fresh!)), created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const entry = {
    kind: 'referensi' as const,
    fromStatus: row.status,
    toStatus: row.status,
    targetRegionCode: null,
    notePublic: 'Tindak lanjut dari SP4N-LAPOR diterima.',
    noteReporter: `Tindak lanjut SP4N-LAPOR: ${input.message}`,
    noteInternal: null,
  };
  const actor = { type: 'mitra' as const, id: ctx.actor.id, label: `Mitra ${ctx.actor.name}`, name: null };
  const statements = changeStatements(db, row, machineStateOf(row, false), entry, actor, ctx.now);
  statements.push(
    db.insert(complaintExternalUpdates).values({
      system: input.system,
      updateId: input.update_id,
      complaintId: row.id,
      eventSeq: row.version + 1,
      partnerId: ctx.actor.id,
      receivedAt: ctx.now,
    }),
    auditInsert(db, ctx, {
      action: 'complaint.external_update',
      regionCode: row.regionCode,
      entityType: 'complaint',
      entityId: row.id,
      summary: `Pengaduan ${row.ticket}: tindak lanjut ${input.system} ${input.update_id}`,
      after: { system: input.system, updateId: input.update_id },
    }),
  );
  try {
    await commitChange(db, statements);
  } catch (err) {
    // A concurrent delivery of the same update won the race: answer as its replay.
    const raced = err instanceof AppError && err.code === 'conflict' ? await replay() : null;
    if (raced) return raced;
    if (!(err instanceof AppError) && isUniqueViolation(err)) throw new AppError('conflict', 'Pengaduan baru saja berubah. Kirim ulang.');
    throw err;
  }
  await deps.purge(row.originRegionCode);
  const fresh = await findComplaintByTicket(db, ticket);
  return { view: toPartnerView(await loadBundle(db, fresh!)), created: true };
}
