import type { Context } from 'hono';
import { purgeRegionPages } from '../../cache/purge';
import type { AppEnv } from '../../env';
import type { ComplaintDeps } from './service';

/** Service dependencies from a request: D1, R2, the code secret, and the page-cache purge for public pages. */
export function complaintDeps(c: Context<AppEnv>): ComplaintDeps {
  const db = c.get('db');
  return { db, files: c.env.FILES, secret: c.env.SESSION_SECRET, purge: (code) => purgeRegionPages({ db, env: c.env }, code) };
}

/** Pages that carry a private code or a per-visitor token: never stored anywhere, never leaked through Referer. */
export function privateHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
}
