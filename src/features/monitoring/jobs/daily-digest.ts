import { realSleep, retryPendingDigests, sendDailyDigest, type DigestDeps } from '../digest';
import type { JobContext, JobOutcome } from '../runs';
import { loadSettings } from '../settings';
import { messagingConfig } from '../../../messaging/config';
import { portalName } from '../../../config';

function depsOf(ctx: JobContext): DigestDeps {
  return {
    db: ctx.db,
    now: ctx.now,
    fetch: ctx.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    messaging: messagingConfig(ctx.env),
    sleep: ctx.sleep ?? realSleep,
    portalName: portalName(ctx.env),
    origin: (ctx.env.APP_ORIGIN ?? '').replace(/\/+$/, ''),
  };
}

/** Daily digest (cron "0 17 * * *", after the scans): today's summary to the configured webhook, at most once. */
export async function dailyDigest(ctx: JobContext): Promise<JobOutcome> {
  const settings = await loadSettings(ctx.db);
  return sendDailyDigest(depsOf(ctx), settings);
}

/** Hourly retry of undelivered digests (cron "5 * * * *"); the dispatcher runs it only when one is pending. */
export async function digestRetry(ctx: JobContext): Promise<JobOutcome> {
  const settings = await loadSettings(ctx.db);
  return { counts: (await retryPendingDigests(depsOf(ctx), settings)) ?? {} };
}
