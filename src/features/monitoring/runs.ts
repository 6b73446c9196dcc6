import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { monitoringRuns, type MonitoringJob, type MonitoringRunRow } from '../../db/schema';
import type { Bindings } from '../../env';
import type { DeadlineSource } from '../deadlines';
import { newId } from '../../lib/ids';
import type { Statement } from './batch';

/** What every monitoring job receives. `now` is the instant evaluated (cron: the scheduled time). */
export interface JobContext {
  db: Db;
  env: Bindings;
  now: number;
  trigger: 'cron' | 'manual';
  cron: string | null;
  userId: string | null;
  /** The registered features' deadline sources (the deadline scan reads them). */
  deadlineSources: readonly DeadlineSource[];
  /** Injected for the digest webhook (tests pass a fake); jobs default to globalThis.fetch. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export type Counts = Record<string, number>;

export interface JobOutcome {
  counts: Counts;
  /** 'dilewati' when the job decided there was nothing to do (switched off, no webhook …). */
  skipped?: string;
}

export type JobFn = (ctx: JobContext) => Promise<JobOutcome>;

export interface RunResult {
  id: string;
  status: MonitoringRunRow['status'];
  counts: Counts;
  error: string | null;
}

/** A run of the same job started within this window and still `berjalan` makes a new run skip (no overlap). */
export const OVERLAP_WINDOW_MS = 15 * 60 * 1000;

/**
 * Runs a job with its history row: `berjalan` at the start (in the same batch as `extra`, e.g. the audit entry of a
 * manual trigger), then `selesai` / `dilewati` / `gagal` with the counts and the error message. Never throws, so one
 * failing job does not stop the others of the same cron.
 */
export async function runJob(ctx: JobContext, job: MonitoringJob, fn: JobFn, extra: Statement[] = []): Promise<RunResult> {
  const { db } = ctx;
  const id = newId();
  const startedAt = Date.now();
  const running = await db
    .select({ id: monitoringRuns.id })
    .from(monitoringRuns)
    .where(and(eq(monitoringRuns.job, job), eq(monitoringRuns.status, 'berjalan'), gt(monitoringRuns.startedAt, startedAt - OVERLAP_WINDOW_MS)))
    .get();
  const row = {
    id,
    job,
    trigger: ctx.trigger,
    cron: ctx.cron,
    triggeredBy: ctx.userId,
    scheduledAt: ctx.now,
    startedAt,
    finishedAt: running ? startedAt : null,
    status: running ? ('dilewati' as const) : ('berjalan' as const),
    countsJson: '{}',
    error: running ? `Run ${running.id} masih berjalan.` : null,
  };
  await db.batch([db.insert(monitoringRuns).values(row), ...extra]);
  if (running) return { id, status: 'dilewati', counts: {}, error: row.error };

  let result: RunResult;
  try {
    const out = await fn(ctx);
    result = { id, status: out.skipped ? 'dilewati' : 'selesai', counts: out.counts, error: out.skipped ?? null };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    console.error(JSON.stringify({ msg: 'monitoring job failed', job, runId: id, err: message }));
    result = { id, status: 'gagal', counts: {}, error: message.slice(0, 1000) };
  }
  await db
    .update(monitoringRuns)
    .set({ status: result.status, finishedAt: Date.now(), countsJson: JSON.stringify(result.counts), error: result.error })
    .where(eq(monitoringRuns.id, id))
    .run();
  return result;
}

export async function recentRuns(db: Db, limit = 20) {
  return db.select().from(monitoringRuns).orderBy(desc(monitoringRuns.startedAt)).limit(limit).all();
}
