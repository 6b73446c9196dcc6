import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** PBKDF2 cost for password hashing (env PBKDF2_ITERATIONS; Workers allow at most 100 000). */
export function iterationsOf(c: Context<AppEnv>): number {
  return Number(c.env.PBKDF2_ITERATIONS) || 100_000;
}

/**
 * The client for rate limits and throttling: Cloudflare's CF-Connecting-IP in production, a fixed key locally. An
 * IPv6 client is its /64 network (one subscriber usually holds a whole /64, so per-address keys are free to rotate).
 */
export function clientIp(c: Context<AppEnv>): string {
  return clientNetwork(c.req.header('CF-Connecting-IP') ?? 'lokal');
}

/** IPv4 as is (also when mapped into IPv6); IPv6 as its /64 prefix, e.g. `2001:db8:1:2::/64`; anything else cut short. */
export function clientNetwork(raw: string): string {
  const ip = raw.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':') || !/^[0-9a-f:.]+$/.test(ip)) return ip.slice(0, 64);
  const [head = '', tail] = ip.split('::', 2) as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => (g || '0').replace(/^0+(?=.)/, ''));
  while (prefix.length < 4) prefix.push('0');
  return `${prefix.join(':')}::/64`;
}
