import { pruneRevoked } from '../auth/repo';
import { pruneLoginThrottle } from '../auth/throttle';
import { drainPendingPurges } from '../cache/purge';
import { createDb } from '../db/client';
import type { Bindings } from '../env';
import { FEATURES } from '../features';
import { jobsOf, type Registry, type ScheduledJob } from '../features/descriptor';
import { dataKeys } from '../lib/data-key';
import { rotateSealed, rotationReport } from '../lib/data-key-rotation';
import { pruneIdempotency } from '../lib/idempotency';
import { pruneRateLimits } from '../lib/rate-limit';
import { countingBindings } from '../lib/binding-counter';
import { pruneJobRuns, recordRun } from '../lib/job-runs';
import { DAY_MS } from '../lib/time';
import { officerPrefsSealedTable, outboxSealedTable, subscriptionsSealedTable } from '../messaging/reseal';

/** wrangler.toml [triggers]: daily at 01:00 WITA and hourly at minute 5. */
const SCHEDULES: Record<string, ScheduledJob['schedule']> = {
  '0 17 * * *': 'daily',
  '5 * * * *': 'hourly',
};

/** Page-cache purges that failed after a committed change are retried every hour (src/cache/purge.ts). */
const drainPurgesJob: ScheduledJob = {
  name: 'pending purges',
  schedule: 'hourly',
  async run(_controller, env) {
    await drainPendingPurges({ db: createDb(env.DB), env });
  },
};

/**
 * Technical records with no use after a while (retention in SECURITY.md): idempotency keys answer replays for 30
 * days; rate-limit windows (at most an hour) are useless after a day; a revoked session id only matters until the
 * session would have expired; a login-throttle key quiet for a day starts from zero anyway; job run records are
 * kept 90 days.
 */
const housekeepingJob: ScheduledJob = {
  name: 'housekeeping',
  schedule: 'daily',
  async run(controller, env) {
    const db = createDb(env.DB);
    const now = controller.scheduledTime;
    await db.batch([
      pruneIdempotency(db, now - 30 * DAY_MS),
      pruneRateLimits(db, now - DAY_MS),
      pruneRevoked(db, now),
      pruneLoginThrottle(db, now),
      pruneJobRuns(db, now - 90 * DAY_MS),
    ]);
  },
};

/** Re-seals message recipients, citizens' opt-in contacts and officers' contacts written under an older data key (features re-seal their own). */
const messagingResealJob: ScheduledJob = {
  name: 'messaging data-key reseal',
  schedule: 'hourly',
  async run(_controller, env) {
    const keys = dataKeys(env);
    const outbox = await rotateSealed(env.DB, keys, outboxSealedTable);
    const subscriptions = await rotateSealed(env.DB, keys, subscriptionsSealedTable);
    const officers = await rotateSealed(env.DB, keys, officerPrefsSealedTable);
    return rotationReport('Pesan', {
      resealed: outbox.resealed + subscriptions.resealed + officers.resealed,
      failed: outbox.failed + subscriptions.failed + officers.failed,
      remaining: false,
    });
  },
};

const CORE_JOBS: ScheduledJob[] = [drainPurgesJob, housekeepingJob, messagingResealJob];

/**
 * Dispatches a cron trigger to the registered features' jobs for its schedule (registry order), then the core jobs.
 * Every run is recorded in job_runs (start, end, outcome; src/lib/job-runs.ts) for the status page and the digest; a
 * job that throws or reports a failure is recorded as failed, and the others still run.
 */
export async function runScheduled(controller: ScheduledController, env: Bindings, registry: Registry = FEATURES): Promise<void> {
  const schedule = SCHEDULES[controller.cron];
  console.log(JSON.stringify({ msg: 'cron', cron: controller.cron, schedule: schedule ?? null, at: new Date(controller.scheduledTime).toISOString() }));
  if (!schedule) return;
  const jobs = [...jobsOf(registry, schedule), ...CORE_JOBS.filter((j) => j.schedule === schedule)];
  const db = createDb(env.DB);
  for (const job of jobs) {
    // Each job sees counting bindings: its run records how many D1 queries and KV operations it made.
    const counted = countingBindings(env.DB, env.PAGE_CACHE);
    const jobEnv: Bindings = { ...env, DB: counted.db, PAGE_CACHE: counted.kv };
    await recordRun(
      db,
      job,
      controller,
      () => job.run(controller, jobEnv, registry),
      () => counted.counts,
    );
  }
}
