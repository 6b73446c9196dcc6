/**
 * Erasure of a citizen's identity: on request, by Diskominfo, one record at a time with its audit entry in the same
 * batch; and after the retention period, by the daily job, in bounded chunks. What each kind of record keeps and
 * drops is its feature's source (src/features/personal-data.ts).
 */
import type { ActionContext } from '../../auth/actor';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { AppError } from '../../lib/errors';
import type { JobReport } from '../../lib/job-runs';
import { DAY_MS } from '../../lib/time';
import { isWithin } from '../../regions/codes';
import type { ErasureDeps, PersonalDataSource } from '../personal-data';
import { retentionDays } from './retention';

/** The audit entry's note on the queued or sent messages to the person that went with the identity. */
const messagesNote = (n = 0) => (n ? `; ${n} pesan keluar kepadanya (antrean/terkirim) ikut dihapus` : '');

export interface EraseRequest {
  reference: string;
  /** Why (e.g. the letter number of the request); never personal data. */
  reason: string;
}

/**
 * Erases the identity in the record with this reference, when it lies in one of `roots` (else not found, as for an
 * unknown number). Returns the record's label and reference; erasing twice is refused with a clear message.
 */
export async function eraseByReference(
  deps: ErasureDeps & { purge: (regionCode: string) => Promise<unknown> },
  sources: readonly PersonalDataSource[],
  roots: readonly string[],
  req: EraseRequest,
  ctx: ActionContext,
): Promise<{ label: string; reference: string }> {
  for (const source of sources) {
    const record = await source.findByReference(deps.db, req.reference);
    if (!record) continue;
    if (!roots.some((root) => isWithin(record.regionCode, root))) break;
    if (record.erasedAt !== null) {
      const message = `Data pribadi ${record.reference} sudah dihapus.`;
      throw new AppError('conflict', message, { fieldErrors: [{ field: 'nomor', message }] });
    }
    const { statements, cleanup, messages } = await source.erase(deps, [record.id], ctx.now);
    const audit = auditInsert(deps.db, ctx, {
      action: 'personal_data.erase',
      regionCode: record.regionCode,
      entityType: source.kind,
      entityId: record.id,
      summary: `Data pribadi ${source.label.toLowerCase()} ${record.reference} dihapus atas permintaan: ${req.reason}${messagesNote(messages)}`,
    });
    await deps.db.batch([audit, ...statements] as [typeof audit, ...typeof statements]);
    await cleanup?.();
    await deps.purge(record.regionCode);
    return { label: source.label, reference: record.reference };
  }
  const message = 'Nomor tidak ditemukan di wilayah Anda.';
  throw new AppError('validation', message, { fieldErrors: [{ field: 'nomor', message }] });
}

/** Records erased per run and kind at most (several chunks of CHUNK), so a run stays within D1's query limits. */
export const RETENTION_CHUNK = 50;
export const RETENTION_MAX_CHUNKS = 4;

/**
 * The daily retention run: for each kind, closed records whose last change is older than its retention period lose
 * their identity. One audit entry per chunk (counts only). Work beyond the bound continues the next day.
 */
export async function runRetention(
  deps: ErasureDeps & { retention?: string },
  sources: readonly PersonalDataSource[],
  now: number,
): Promise<JobReport & { erased: Record<string, number> }> {
  const days = retentionDays(sources, deps.retention);
  const erased: Record<string, number> = {};
  const ctx: ActionContext = { actor: SYSTEM_ACTOR, requestId: null, now };
  for (const source of sources) {
    const before = now - (days.get(source.kind) ?? source.defaultRetentionDays) * DAY_MS;
    erased[source.kind] = 0;
    for (let n = 0; n < RETENTION_MAX_CHUNKS; n++) {
      const ids = await source.expired(deps.db, before, RETENTION_CHUNK);
      if (!ids.length) break;
      const { statements, cleanup, messages } = await source.erase(deps, ids, now);
      const audit = auditInsert(deps.db, ctx, {
        action: 'personal_data.retention',
        entityType: source.kind,
        summary: `Masa retensi ${source.label.toLowerCase()} (${days.get(source.kind)} hari) berakhir: data pribadi ${ids.length} catatan dihapus${messagesNote(messages)}`,
      });
      await deps.db.batch([audit, ...statements] as [typeof audit, ...typeof statements]);
      await cleanup?.();
      erased[source.kind] = (erased[source.kind] ?? 0) + ids.length;
      if (ids.length < RETENTION_CHUNK) break;
    }
  }
  return { erased };
}
