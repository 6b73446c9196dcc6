import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** PBKDF2 cost for password hashing (env PBKDF2_ITERATIONS; Workers allow at most 100 000). */
export function iterationsOf(c: Context<AppEnv>): number {
  return Number(c.env.PBKDF2_ITERATIONS) || 100_000;
}

/** Client IP for throttling: Cloudflare's header in production; a fixed key locally. */
export function clientIp(c: Context<AppEnv>): string {
  return (c.req.header('CF-Connecting-IP') ?? 'lokal').slice(0, 64);
}
