import type { Context } from 'hono';
import type { Db } from '../db/client';
import type { AppEnv } from '../env';
import { type DataKeyEnv, dataKeys } from '../lib/data-key';
import type { CitizenNoticeDeps } from './citizen-notice';
import { type MessagingConfig, type MessagingEnv, messagingConfig } from './config';

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

/**
 * Citizen-notice dependencies for a scheduled job: the same channels and keys as a request, every first delivery
 * attempt collected so the job awaits them together at its end (`settle`), and the public origin from APP_ORIGIN.
 */
export function jobNoticeDeps(db: Db, env: DataKeyEnv & MessagingEnv & { APP_ORIGIN?: string }, now: number) {
  const attempts: Promise<unknown>[] = [];
  const deps: CitizenNoticeDeps = {
    db,
    keys: dataKeys(env),
    config: messagingConfig(env),
    fetch: (i, init) => globalThis.fetch(i, init),
    now,
    defer: (work) => attempts.push(work),
  };
  return { deps, origin: (env.APP_ORIGIN ?? '').replace(/\/+$/, ''), settle: () => Promise.allSettled(attempts) };
}
