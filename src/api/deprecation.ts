import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/**
 * Deprecating an operation (docs/API-CHANGELOG.md, "Kebijakan versi"): the route declares `deprecated` and every
 * answer then carries `Deprecation` (RFC 9745), `Sunset` (RFC 8594) when a removal date is set, and a `Link` to the
 * successor and to the policy. The OpenAPI document marks the operation `deprecated: true`.
 */
export interface Deprecation {
  /** ISO date (UTC) from which the operation is deprecated, e.g. '2026-09-01'. */
  since: string;
  /** ISO date (UTC) after which it may stop working; at least 6 months after `since`. */
  sunset?: string;
  /** Path of the replacement under /api/v1, e.g. '/complaints/{ticket}/events'. */
  successor?: string;
}

export const DEPRECATION_POLICY_PATH = '/api/docs#versi';

export function deprecationHeaderValues(d: Deprecation): Record<string, string> {
  const since = Date.parse(`${d.since}T00:00:00Z`);
  const links = [`<${DEPRECATION_POLICY_PATH}>; rel="deprecation"; type="text/html"`];
  if (d.successor) links.unshift(`</api/v1${d.successor}>; rel="successor-version"`);
  return {
    Deprecation: `@${Math.floor(since / 1000)}`,
    ...(d.sunset ? { Sunset: new Date(Date.parse(`${d.sunset}T00:00:00Z`)).toUTCString() } : {}),
    Link: links.join(', '),
  };
}

export function deprecationHeaders(d: Deprecation): MiddlewareHandler<AppEnv> {
  const values = deprecationHeaderValues(d);
  return async function deprecationHeadersMiddleware(c, next) {
    await next();
    for (const [k, v] of Object.entries(values)) c.res.headers.set(k, v);
  };
}
