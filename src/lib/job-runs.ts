import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobRuns, type JobRunRow } from '../db/schema';
import type { OperationCounts } from './binding-counter';
import { newId } from './ids';

/**
 * The run record of every scheduled job (table job_runs): the cron dispatcher (src/jobs/index.ts) wraps each job in
 * `recordRun`; the status page shows the last run and outcome of each job and the daily digest reports the failures.
 * Recording never stops a job: when D1 cannot take the record, the job runs anyway and the failure is logged.
 */
export interface JobReport {
  /** Short description of what failed (no personal data); absent when everything succeeded. */
  failed?: string;
}

export interface JobIdentity {
  name: string;
  schedule: 'daily' | 'hourly';
}

export async function recordRun(
  db: Db,
  job: JobIdentity,
  controller: { cron: string; scheduledTime: number },
  fn: () => Promise<void | JobReport>,
  counts?: () => OperationCounts,
) {
  const id = newId();
  const startedAt = Date.now();
  const recorded = await db
    .insert(jobRuns)
    .values({ id, job: job.name, schedule: job.schedule, cron: controller.cron, scheduledAt: controller.scheduledTime, startedAt, status: 'berjalan' })
    .run()
    .then(() => true)
    .catch((err: unknown) => {
      console.error(JSON.stringify({ msg: 'job run not recorded', job: job.name, err: String(err) }));
      return false;
    });
  let status: 'selesai' | 'gagal' = 'selesai';
  let error: string | null = null;
  try {
    const report = await fn();
    if (report?.failed) {
      status = 'gagal';
      error = report.failed.slice(0, 500);
    }
  } catch (err) {
    status = 'gagal';
    error = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);
    console.error(JSON.stringify({ msg: 'job failed', job: job.name, err: error }));
  }
  if (!recorded) return;
  await db
    .update(jobRuns)
    .set({ status, error, finishedAt: Date.now(), ...(counts ? { d1Queries: counts().d1, kvOps: counts().kv } : {}) })
    .where(eq(jobRuns.id, id))
    .run()
    .catch((err: unknown) => console.error(JSON.stringify({ msg: 'job run end not recorded', job: job.name, err: String(err) })));
}

/** The latest run of each named job (one indexed read per job). */
export async function lastRuns(db: Db, names: string[]): Promise<Map<string, JobRunRow>> {
  const rows = await Promise.all(names.map((n) => db.select().from(jobRuns).where(eq(jobRuns.job, n)).orderBy(desc(jobRuns.startedAt)).limit(1).get()));
  return new Map(rows.flatMap((r) => (r ? [[r.job, r] as const] : [])));
}

/** Names of every job that has a recorded run since `since` (jobs not in the registry, e.g. the core jobs). */
export async function recordedJobNames(db: Db, since: number): Promise<string[]> {
  const rows = await db.selectDistinct({ job: jobRuns.job }).from(jobRuns).where(gte(jobRuns.startedAt, since)).all();
  return rows.map((r) => r.job);
}

/** Failed runs since `since`, newest first (the daily digest). */
export async function failedRunsSince(db: Db, since: number, limit = 20): Promise<JobRunRow[]> {
  return db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.status, 'gagal'), gte(jobRuns.startedAt, since)))
    .orderBy(desc(jobRuns.startedAt))
    .limit(limit)
    .all();
}

/** Housekeeping: run records older than `before` go. */
export function pruneJobRuns(db: Db, before: number) {
  return db.delete(jobRuns).where(lt(jobRuns.startedAt, before));
}
