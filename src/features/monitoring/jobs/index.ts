import { createDb } from '../../../db/client';
import type { MonitoringJob } from '../../../db/schema';
import type { Bindings } from '../../../env';
import { deadlineSourcesOf, type Registry, type ScheduledJob } from '../../descriptor';
import { dataKeys } from '../../../lib/data-key';
import { messagingConfig } from '../../../messaging/config';
import { deliverDue, hasDueMessages } from '../../../messaging/outbox';
import { hasPendingDigests } from '../digest';
import { runJob, type JobContext, type JobFn, type RunResult } from '../runs';
import type { Statement } from '../batch';
import { completenessScan } from './completeness-scan';
import { dailyDigest, digestRetry } from './daily-digest';
import { deadlineScan } from './deadline-scan';
import { freshnessScan } from './freshness-scan';

/** The monitoring jobs Diskominfo can also start by hand from /admin/pemantauan. */
const MONITORING_JOB_FNS: Record<MonitoringJob, JobFn> = {
  kesegaran: freshnessScan,
  kelengkapan: completenessScan,
  tenggat: deadlineScan,
  ringkasan: dailyDigest,
};

function cronContext(controller: ScheduledController, env: Bindings, registry: Registry): JobContext {
  return {
    db: createDb(env.DB),
    env,
    now: controller.scheduledTime,
    trigger: 'cron',
    cron: controller.cron,
    userId: null,
    deadlineSources: deadlineSourcesOf(registry),
  };
}

/** A failed step makes the whole scheduled job's run count as failed (status page, digest). */
function failuresOf(results: RunResult[]): { failed?: string } {
  const failed = results.filter((r) => r.status === 'gagal').map((r) => r.error ?? 'gagal');
  return failed.length ? { failed: failed.join('; ') } : {};
}

/** The scheduled monitoring jobs (each run is recorded by runJob, which never throws). */
export const monitoringJobs: ScheduledJob[] = [
  {
    name: 'monitoring (harian)',
    schedule: 'daily',
    /** Freshness, completeness, then the digest (which reads what the scans just wrote). */
    async run(controller, env, registry) {
      const ctx = cronContext(controller, env, registry);
      const results: RunResult[] = [];
      for (const job of ['kesegaran', 'kelengkapan', 'ringkasan'] as const) results.push(await runJob(ctx, job, MONITORING_JOB_FNS[job]));
      return failuresOf(results);
    },
  },
  {
    name: 'monitoring (per jam)',
    schedule: 'hourly',
    /** Deadlines, and a retry of undelivered digests when there is one. */
    async run(controller, env, registry) {
      const ctx = cronContext(controller, env, registry);
      const results = [await runJob(ctx, 'tenggat', deadlineScan)];
      if (await hasPendingDigests(ctx.db)) results.push(await runJob(ctx, 'ringkasan', digestRetry));
      return failuresOf(results);
    },
  },
  {
    name: 'pesan keluar (per jam)',
    schedule: 'hourly',
    /** Another attempt for undelivered outgoing messages (src/messaging/outbox.ts records each one). */
    async run(controller, env) {
      const db = createDb(env.DB);
      if (!(await hasDueMessages(db, controller.scheduledTime))) return;
      await deliverDue({ db, keys: dataKeys(env), config: messagingConfig(env), fetch: (i, init) => globalThis.fetch(i, init), now: controller.scheduledTime });
    },
  },
];

/** A manual run from the dashboard (the audit entry goes in the same batch as the run row). */
export function runMonitoringJobNow(ctx: JobContext, job: MonitoringJob, audit: Statement): Promise<RunResult> {
  return runJob(ctx, job, MONITORING_JOB_FNS[job], [audit]);
}
