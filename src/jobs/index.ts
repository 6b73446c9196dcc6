import type { Bindings } from '../env';

/** Dispatches cron triggers (wrangler.toml [triggers]) to the jobs in this folder. */
export async function runScheduled(controller: ScheduledController, _env: Bindings): Promise<void> {
  console.log(JSON.stringify({ msg: 'cron', cron: controller.cron, at: new Date(controller.scheduledTime).toISOString() }));
}
