import type { Context } from 'hono';

/** The public origin for absolute links (Open Graph, feeds, API urls): APP_ORIGIN when set, else the request's. */
export function originOf(c: Context): string {
  const configured = (c.env as { APP_ORIGIN?: string }).APP_ORIGIN;
  return configured ? configured.replace(/\/+$/, '') : new URL(c.req.url).origin;
}
