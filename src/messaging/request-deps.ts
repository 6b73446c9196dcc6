import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { dataKeys } from '../lib/data-key';
import type { CitizenNoticeDeps } from './citizen-notice';
import { type MessagingConfig, messagingConfig } from './config';

/** Citizen-notice dependencies from a request: D1, the data keys, the channels from env, first attempt after the response. */
export function citizenNoticeDeps(c: Context<AppEnv>, now = Date.now()): CitizenNoticeDeps {
  let defer: CitizenNoticeDeps['defer'];
  try {
    const ctx = c.executionCtx;
    defer = (work) => ctx.waitUntil(work);
  } catch {
    defer = undefined;
  }
  return { db: c.get('db'), keys: dataKeys(c.env), config: messagingConfig(c.env), fetch: (i, init) => globalThis.fetch(i, init), now, defer };
}

/** The channels the citizen forms may offer on this deployment. */
export function messagingOf(c: Context<AppEnv>): MessagingConfig {
  return messagingConfig(c.env);
}
