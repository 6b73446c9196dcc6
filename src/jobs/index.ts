import type { Bindings } from '../env';
import { scheduledPublishJob } from '../features/content/scheduled-publish';
import { DAILY_CRON, HOURLY_CRON, monitoringDaily, monitoringHourly } from '../features/monitoring/jobs/index';
import { complaintsAutoCloseJob } from '../features/complaints/autoclose-job';

/** Jobs by cron expression (wrangler.toml [triggers]); each records its own run history and never throws. */
const CRON_JOBS: Record<string, Array<(controller: ScheduledController, env: Bindings) => Promise<void>>> = {
  [DAILY_CRON]: [scheduledPublishJob, monitoringDaily],
  [HOURLY_CRON]: [scheduledPublishJob, monitoringHourly, complaintsAutoCloseJob],
};

/** Dispatches cron triggers (wrangler.toml [triggers]) to the jobs in this folder. */
export async function runScheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  console.log(JSON.stringify({ msg: 'cron', cron: controller.cron, at: new Date(controller.scheduledTime).toISOString() }));
  for (const job of CRON_JOBS[controller.cron] ?? []) await job(controller, env);
}
