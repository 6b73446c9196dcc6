import { createDb } from '../../../db/client';
import type { MonitoringJob } from '../../../db/schema';
import type { Bindings } from '../../../env';
import { hasPendingDigests } from '../digest';
import { runJob, type JobContext, type JobFn, type RunResult } from '../runs';
import type { Statement } from '../batch';
import { completenessScan } from './completeness-scan';
import { dailyDigest, digestRetry } from './daily-digest';
import { deadlineScan } from './deadline-scan';
import { freshnessScan } from './freshness-scan';

/** wrangler.toml [triggers]: daily at 01:00 WITA and hourly at minute 5. */
export const DAILY_CRON = '0 17 * * *';
export const HOURLY_CRON = '5 * * * *';

/** The monitoring jobs Diskominfo can also start by hand from /admin/pemantauan. */
export const MONITORING_JOB_FNS: Record<MonitoringJob, JobFn> = {
  kesegaran: freshnessScan,
  kelengkapan: completenessScan,
  tenggat: deadlineScan,
  ringkasan: dailyDigest,
};

function cronContext(controller: ScheduledController, env: Bindings): JobContext {
  return { db: createDb(env.DB), env, now: controller.scheduledTime, trigger: 'cron', cron: controller.cron, userId: null };
}

/** Daily: freshness, completeness, then the digest (which reads what the scans just wrote). */
export async function monitoringDaily(controller: ScheduledController, env: Bindings): Promise<void> {
  const ctx = cronContext(controller, env);
  for (const job of ['kesegaran', 'kelengkapan', 'ringkasan'] as const) await runJob(ctx, job, MONITORING_JOB_FNS[job]);
}

/** Hourly: deadlines, and a retry of undelivered digests when there is one. */
export async function monitoringHourly(controller: ScheduledController, env: Bindings): Promise<void> {
  const ctx = cronContext(controller, env);
  await runJob(ctx, 'tenggat', deadlineScan);
  if (await hasPendingDigests(ctx.db)) await runJob(ctx, 'ringkasan', digestRetry);
}

/** A manual run from the dashboard (the audit entry goes in the same batch as the run row). */
export function runMonitoringJobNow(ctx: JobContext, job: MonitoringJob, audit: Statement): Promise<RunResult> {
  return runJob(ctx, job, MONITORING_JOB_FNS[job], [audit]);
}
