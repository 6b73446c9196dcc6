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
import { sendOfficerDigests, sendUrgentItems } from '../officer-messages';
import { OFFICER_MESSAGES_PER_RUN } from '../../../messaging/officer-notify';

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

/** Logs an officer-message run's counts (no personal data); a message that could not be queued fails the run. */
function officerReport(what: string, counts: Record<string, number>): { failed?: string } {
  if (Object.keys(counts).length) console.log(JSON.stringify({ msg: 'officer messages', what, counts }));
  return counts.galat ? { failed: `${counts.galat} pesan petugas tidak dapat diantrekan` } : {};
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
    name: 'notifikasi petugas (harian)',
    schedule: 'daily',
    /** Each opted-in officer's own digest on their channel (src/features/monitoring/officer-messages.ts), after the scans. */
    async run(controller, env, registry) {
      const counts = await sendOfficerDigests(cronContext(controller, env, registry));
      return officerReport('ringkasan', counts);
    },
  },
  {
    name: 'notifikasi petugas (per jam)',
    schedule: 'hourly',
    /** Urgent deadline items just flagged by the scan above, then digests the daily run did not reach (one shared cap). */
    async run(controller, env, registry) {
      const ctx = cronContext(controller, env, registry);
      const urgent = await sendUrgentItems(ctx);
      const used = Object.values(urgent).reduce((a, b) => a + b, 0);
      const digests = await sendOfficerDigests(ctx, Math.max(0, OFFICER_MESSAGES_PER_RUN - used));
      return officerReport('mendesak+ringkasan', { ...urgent, ...digests, galat: (urgent.galat ?? 0) + (digests.galat ?? 0) });
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
