/**
 * Persisting a transition with optimistic concurrency, without interactive transactions: every change inserts the
 * timeline entry with seq = version + 1 and updates the report WHERE version = old, in ONE atomic db.batch.
 * A concurrent change already took seq = version + 1, so the insert fails (UNIQUE) and the whole batch rolls back.
 */
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { complaintEvents, complaints, type ComplaintActorType, type ComplaintRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { MachineState, TimelineEntry } from './status-machine';

export interface EventActor {
  type: ComplaintActorType;
  id: string | null;
  label: string;
  name: string | null;
}

export function machineStateOf(row: ComplaintRow, rated: boolean): MachineState {
  return {
    status: row.status,
    regionCode: row.regionCode,
    unit: row.unit,
    receivedAt: row.receivedAt,
    verifyDueAt: row.verifyDueAt,
    verifiedAt: row.verifiedAt,
    dispositionedAt: row.dispositionedAt,
    followupDueAt: row.followupDueAt,
    followedUpAt: row.followedUpAt,
    autocloseAt: row.autocloseAt,
    finishedAt: row.finishedAt,
    reopenUntil: row.reopenUntil,
    dueAt: row.dueAt,
    onTime: row.onTime,
    round: row.round,
    rated,
  };
}

export function eventInsert(db: Db, complaintId: string, regionCode: string, seq: number, at: number, entry: TimelineEntry, actor: EventActor) {
  return db.insert(complaintEvents).values({
    id: newId(at),
    complaintId,
    regionCode,
    seq,
    at,
    kind: entry.kind,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    actorName: actor.name,
    targetRegionCode: entry.targetRegionCode,
    notePublic: entry.notePublic,
    noteReporter: entry.noteReporter,
    noteInternal: entry.noteInternal,
  });
}

/** [timeline insert, guarded update]; put extra statements (ratings, refs, audit) after them in the same batch. */
export function changeStatements(db: Db, row: ComplaintRow, next: MachineState, entry: TimelineEntry, actor: EventActor, now: number): BatchItem<'sqlite'>[] {
  const seq = row.version + 1;
  return [
    eventInsert(db, row.id, row.regionCode, seq, now, entry, actor),
    db
      .update(complaints)
      .set({
        status: next.status,
        regionCode: next.regionCode,
        unit: next.unit,
        receivedAt: next.receivedAt,
        verifyDueAt: next.verifyDueAt,
        verifiedAt: next.verifiedAt,
        dispositionedAt: next.dispositionedAt,
        followupDueAt: next.followupDueAt,
        followedUpAt: next.followedUpAt,
        autocloseAt: next.autocloseAt,
        finishedAt: next.finishedAt,
        reopenUntil: next.reopenUntil,
        dueAt: next.dueAt,
        onTime: next.onTime,
        round: next.round,
        version: seq,
        updatedAt: now,
      })
      .where(and(eq(complaints.id, row.id), eq(complaints.version, row.version))),
  ];
}

function isUniqueViolation(err: unknown): boolean {
  const parts: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) parts.push(String((e as Error).message ?? e));
  return parts.some((m) => /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(m));
}

/** Runs a change batch; a lost race becomes a friendly 409. */
export async function commitChange(db: Db, statements: BatchItem<'sqlite'>[]): Promise<void> {
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', 'Laporan ini baru saja diubah oleh orang lain. Muat ulang halaman lalu coba lagi.');
    }
    throw err;
  }
}

export { isUniqueViolation };
