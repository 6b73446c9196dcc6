import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { ActionContext } from '../auth/actor';
import { actorOf, sessionOf } from '../auth/session';

/** The service-layer context of a logged-in admin request. */
export function actionContext(c: Context<AppEnv>): ActionContext {
  return { actor: actorOf(sessionOf(c)), requestId: c.get('requestId'), now: Date.now() };
}

export function iterationsOf(c: Context<AppEnv>): number {
  return Number(c.env.PBKDF2_ITERATIONS) || 100_000;
}

/** Client IP for throttling: Cloudflare's header in production; a fixed key locally. */
export function clientIp(c: Context<AppEnv>): string {
  return (c.req.header('CF-Connecting-IP') ?? 'lokal').slice(0, 64);
}
