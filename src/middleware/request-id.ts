import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/**
 * A request id for logs, audit entries and error pages. Client-sent ids are never trusted (they would end up in the
 * audit log); Cloudflare's own Ray id is used when present, so logs line up with Cloudflare's.
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async function requestIdMiddleware(c, next) {
    const ray = c.req.header('CF-Ray');
    const id = ray && /^[A-Za-z0-9-]{8,64}$/.test(ray) ? ray : crypto.randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
