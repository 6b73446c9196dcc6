import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/**
 * One Workers Analytics Engine data point per request, when the ANALYTICS dataset is bound (wrangler.toml,
 * `[[analytics_engine_datasets]]`): the route family, the status, whether the page came from the KV cache, and the
 * time to the response. Writing a data point is fire-and-forget (not a database write, no request waits on it); without
 * the binding nothing happens and Cloudflare's own Workers metrics remain. Never the path itself, an IP or a query
 * string: those could carry tracking numbers or personal data.
 */
export function routeFamily(path: string): string {
  if (path.startsWith('/admin')) return 'admin';
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/media/')) return 'media';
  if (path === '/healthz') return 'healthz';
  if (/\/dokumen\/[^/]+\/unduh/.test(path)) return 'unduhan';
  if (path.endsWith('.xml') || path === '/robots.txt') return 'feed';
  return 'halaman';
}

export function requestAnalytics(): MiddlewareHandler<AppEnv> {
  return async function requestAnalyticsMiddleware(c, next) {
    const dataset = c.env.ANALYTICS;
    if (!dataset) return next();
    const started = Date.now();
    await next();
    try {
      const family = routeFamily(c.req.path);
      const status = c.res.status;
      dataset.writeDataPoint({
        indexes: [family],
        blobs: [family, String(status), c.res.headers.get('X-Cache') ?? '', c.req.method],
        doubles: [Date.now() - started, status >= 500 ? 1 : 0],
      });
    } catch (err) {
      console.error(JSON.stringify({ msg: 'analytics data point failed', err: String(err) }));
    }
  };
}
