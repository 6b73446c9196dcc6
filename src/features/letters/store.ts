/**
 * Persisting a letter request's changes with optimistic concurrency and without interactive transactions: every change
 * inserts the timeline entry with seq = version + 1 and updates the request WHERE version = old, in ONE atomic
 * db.batch. A concurrent change already took that seq, so the insert fails (UNIQUE) and the whole batch rolls back.
 *
 * Numbering rides in the same batch: the region's counter row for the year is created if missing, incremented only
 * while the request is still the version being numbered, and the request takes the counter's new value — a D1 batch
 * is one transaction, so no two letters share a number and a failed change never burns one (no gap).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { letterCounters, letterEvents, letterRequests, type LetterActorType, type LetterRequestRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { SEQ_MARK } from './numbering';
import type { MachineState, TimelineEntry } from './status-machine';

export interface EventActor {
  type: LetterActorType;
  id: string | null;
  /** Role and region, e.g. 'Operator desa · Swarga Bara' — never a person's contact. */
  label: string;
  name: string | null;
}

export type Statement = BatchItem<'sqlite'>;
type RequestPatch = Partial<typeof letterRequests.$inferInsert>;

export function machineStateOf(row: LetterRequestRow): MachineState {
  return {
    status: row.status,
    dueAt: row.dueAt,
    pausedDays: row.pausedDays,
    clockFrom: row.clockFrom,
    clockDays: row.clockDays,
    onTime: row.onTime,
    finishedAt: row.finishedAt,
    revokedAt: row.revokedAt,
  };
}

export function eventInsert(db: Db, requestId: string, regionCode: string, seq: number, at: number, entry: TimelineEntry, actor: EventActor) {
  return db.insert(letterEvents).values({
    id: newId(at),
    requestId,
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
    noteRequester: entry.noteRequester,
    noteInternal: entry.noteInternal,
  });
}

/** [timeline insert, guarded update]; `patch` adds columns (fields, signatory, …) to the same update. */
export function changeStatements(
  db: Db,
  row: LetterRequestRow,
  next: MachineState,
  entry: TimelineEntry,
  actor: EventActor,
  now: number,
  patch: RequestPatch = {},
): Statement[] {
  const seq = row.version + 1;
  return [
    eventInsert(db, row.id, row.regionCode, seq, now, entry, actor),
    db
      .update(letterRequests)
      .set({
        ...patch,
        status: next.status,
        dueAt: next.dueAt,
        pausedDays: next.pausedDays,
        clockFrom: next.clockFrom,
        clockDays: next.clockDays,
        onTime: next.onTime,
        finishedAt: next.finishedAt,
        revokedAt: next.revokedAt,
        version: seq,
        updatedAt: now,
      })
      .where(and(eq(letterRequests.id, row.id), eq(letterRequests.version, row.version))),
  ];
}

export interface PreparedNumber {
  /** The number with SEQ_MARK where the sequence goes. */
  prepared: string;
  pad: number;
  year: number;
}

/**
 * The statements that take the next sequence of the request's region and year, and the columns that write it onto the
 * request (to be passed as `patch` to changeStatements, which must come AFTER these in the batch).
 */
export function numberingStatements(db: Db, row: LetterRequestRow, n: PreparedNumber, now: number): { before: Statement[]; patch: RequestPatch } {
  const current = sql`(SELECT last_seq FROM letter_counters WHERE region_code = ${row.regionCode} AND year = ${n.year})`;
  return {
    before: [
      db.insert(letterCounters).values({ regionCode: row.regionCode, year: n.year, lastSeq: 0 }).onConflictDoNothing(),
      db
        .update(letterCounters)
        .set({ lastSeq: sql`${letterCounters.lastSeq} + 1` })
        .where(
          and(
            eq(letterCounters.regionCode, row.regionCode),
            eq(letterCounters.year, n.year),
            sql`EXISTS (SELECT 1 FROM letter_requests WHERE id = ${row.id} AND version = ${row.version} AND letter_seq IS NULL)`,
          ),
        ),
    ],
    patch: {
      letterYear: n.year,
      letterSeq: sql`${current}` as unknown as number,
      letterNumber: sql`replace(${n.prepared}, ${SEQ_MARK}, printf(${`%0${n.pad}d`}, ${current}))` as unknown as string,
      numberedAt: now,
    },
  };
}

export function isUniqueViolation(err: unknown): boolean {
  const parts: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) parts.push(String((e as Error).message ?? e));
  return parts.some((m) => /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(m));
}

/** Runs a change batch; a lost race becomes a friendly 409. */
export async function commitChange(
  db: Db,
  statements: Statement[],
  conflict = 'Permohonan ini baru saja diubah oleh petugas lain. Muat ulang halaman lalu coba lagi.',
): Promise<void> {
  try {
    await db.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', conflict);
    throw err;
  }
}
