/**
 * Reports that arrive through SP4N-LAPOR: a partner's connector turns a LAPOR report for this regency into a complaint
 * here, idempotent on LAPOR's id — the same id again answers the complaint it created (nothing new is written), so a
 * scheduled connector may send its whole inbox on every run. Anonymous/confidential and the identity consent are kept
 * exactly as for reports filed here (one schema, one submit path).
 */
import { z } from 'zod';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { complaintExternalRefs } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { ExternalRefInput } from './api-json';
import { findComplaintByExternalRef } from './repo';
import type { ComplaintInput } from './schemas';
import { type ComplaintDeps, submitComplaint } from './service';

export type LaporIntakeInput = ComplaintInput & Pick<z.output<typeof ExternalRefInput>, 'system' | 'external_id' | 'external_status'>;

/** Creates the complaint with its SP4N-LAPOR reference in one batch, or finds the one made for this LAPOR id before. */
export async function intakeFromLapor(deps: ComplaintDeps, input: LaporIntakeInput, ctx: ActionContext) {
  if (ctx.actor.kind !== 'partner') throw new AppError('forbidden');
  const { db } = deps;
  const known = await findComplaintByExternalRef(db, input.system, input.external_id);
  if (known) return { complaint: known, created: false };
  const partnerId = ctx.actor.id;
  const status = input.external_status ?? null;
  const { system, external_id, external_status: _status, ...report } = input;
  const result = await submitComplaint(deps, report, [], {
    // One idempotency row per LAPOR id: two deliveries racing each other create one complaint (the loser replays it).
    key: `${system}:${external_id}`,
    now: ctx.now,
    intake: {
      channel: 'sp4n_lapor',
      actor: { type: 'mitra', id: partnerId, label: `Mitra ${ctx.actor.name} (SP4N-LAPOR)`, name: null },
      statements: (c) => [
        db.insert(complaintExternalRefs).values({
          complaintId: c.id,
          system,
          regionCode: c.regionCode,
          externalId: external_id,
          externalStatus: status,
          partnerId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        }),
        auditInsert(db, ctx, {
          action: 'complaint.intake',
          regionCode: c.regionCode,
          entityType: 'complaint',
          entityId: c.id,
          summary: `Pengaduan ${c.ticket} dibuat dari ${system} ${external_id}`,
          after: { system, externalId: external_id, externalStatus: status, anonymous: report.anonymous, confidential: report.confidential },
        }),
      ],
    },
  });
  return { complaint: result.complaint, created: result.created };
}
