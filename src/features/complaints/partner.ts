/** Partner side: the change feed and external references from the national SP4N-LAPOR system. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { complaintExternalRefs } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import type { ExternalRefInput } from './api-json';
import { laporLabel } from './lapor-status';
import { changesPublicOutput, toPartnerView } from './present';
import { feedCursors, feedHead } from '../../api/list-params';
import { changesAfter, findComplaintByTicket } from './repo';
import { loadBundle, type ComplaintDeps } from './service';
import { changeStatements, commitChange, machineStateOf } from './store';

/** One page of the partner change feed, with its cursors (src/api/list-params.ts feedCursors). */
export async function changesPage(deps: Pick<ComplaintDeps, 'db'>, q: { since: number | null; afterSeq: number | null; limit: number }) {
  const headBefore = await feedHead(deps.db, 'complaints');
  const rows = await changesAfter(deps.db, { ...q, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const views = await Promise.all(page.map(async (r) => toPartnerView(await loadBundle(deps.db, r))));
  return { views, ...feedCursors(page, rows.length > q.limit, q.afterSeq, headBefore) };
}

/**
 * Records (or updates) the SP4N-LAPOR reference of a report: a timeline entry, the reference row and an audit entry,
 * one batch. Idempotent: the same system, id and status again change nothing (no timeline entry, `updated_at` and the
 * change feed untouched), so a scheduled connector may send its whole state on every run.
 */
export async function recordExternalRef(deps: ComplaintDeps, ticket: string, input: z.output<typeof ExternalRefInput>, ctx: ActionContext) {
  if (ctx.actor.kind !== 'partner') throw new AppError('forbidden');
  const { db } = deps;
  const row = await findComplaintByTicket(db, ticket);
  if (!row) throw new AppError('not_found', `Pengaduan ${ticket} tidak ditemukan.`);
  const status = input.external_status ?? null;
  const current = await db
    .select()
    .from(complaintExternalRefs)
    .where(and(eq(complaintExternalRefs.complaintId, row.id), eq(complaintExternalRefs.system, input.system)))
    .get();
  if (current && current.externalId === input.external_id && current.externalStatus === status) {
    return { view: toPartnerView(await loadBundle(db, row)), changed: false };
  }
  const entry = {
    kind: 'referensi' as const,
    fromStatus: row.status,
    toStatus: row.status,
    targetRegionCode: null,
    notePublic: current?.externalId === input.external_id ? 'Status di SP4N-LAPOR diperbarui.' : 'Laporan tercatat di SP4N-LAPOR.',
    noteReporter: `Nomor SP4N-LAPOR: ${input.external_id}${input.external_status ? ` (status: ${laporLabel(input.external_status)})` : ''}.`,
    noteInternal: null,
  };
  const actor = { type: 'mitra' as const, id: ctx.actor.id, label: `Mitra ${ctx.actor.name}`, name: null };
  const statements = changeStatements(db, row, machineStateOf(row, false), entry, actor, ctx.now);
  statements.push(
    db
      .insert(complaintExternalRefs)
      .values({
        complaintId: row.id,
        system: input.system,
        regionCode: row.originRegionCode,
        externalId: input.external_id,
        externalStatus: input.external_status ?? null,
        partnerId: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: [complaintExternalRefs.complaintId, complaintExternalRefs.system],
        set: { externalId: input.external_id, externalStatus: input.external_status ?? null, partnerId: ctx.actor.id, updatedAt: ctx.now },
      }),
    auditInsert(db, ctx, {
      action: 'complaint.external_ref',
      regionCode: row.regionCode,
      entityType: 'complaint',
      entityId: row.id,
      summary: `Pengaduan ${row.ticket}: referensi ${input.system} ${input.external_id}${input.external_status ? ` (${input.external_status})` : ''}`,
      after: { system: input.system, externalId: input.external_id, externalStatus: input.external_status ?? null },
    }),
  );
  await commitChange(db, statements);
  if (changesPublicOutput(row, row)) await deps.purge(row.originRegionCode);
  const fresh = await findComplaintByTicket(db, ticket);
  return { view: toPartnerView(await loadBundle(db, fresh!)), changed: true };
}
