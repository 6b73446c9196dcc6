import { cors } from 'hono/cors';
import type { Registry } from '../features/descriptor';
import { AppError, notFound } from '../lib/errors';
import { originOf } from '../lib/origin';
import { openApiDocument } from './document';
import { regionsApi } from './regions';
import { type ApiRouter, apiRouter } from './route';
import { PRIVATE_CODE_HEADER } from './security';

/** Where apiV1 is mounted (src/app.tsx). */
export const API_BASE = '/api/v1';

/**
 * /api/v1: JSON only; every error becomes problem+json in the app's onError. Each registered feature adds its routes
 * (an `ApiRouter` of `apiRoute`s); /openapi.json is generated from them. A known path with another method is a 405.
 */
export function apiV1(registry: Registry): ApiRouter {
  const app = apiRouter();
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', PRIVATE_CODE_HEADER],
      exposeHeaders: ['ETag', 'Location', 'Retry-After', 'Idempotent-Replayed', 'Deprecation', 'Sunset', 'Link', 'WWW-Authenticate', 'Allow'],
      maxAge: 86400,
    }),
  );
  app.route('/', regionsApi());
  for (const feature of registry) if (feature.api) app.route('/', feature.api(registry));
  app.get('/openapi.json', (c) => c.json(openApiDocument(app, { version: c.env.APP_VERSION, origin: originOf(c) })));
  const methodsOf = allowedMethods(app);
  app.all('*', (c) => {
    const allowed = methodsOf(c.req.path.slice(API_BASE.length) || '/');
    if (allowed.length) {
      throw new AppError('method_not_allowed', `Metode ${c.req.method} tidak didukung di alamat ini. Gunakan: ${allowed.join(', ')}.`, {
        headers: { Allow: allowed.join(', ') },
      });
    }
    throw notFound('Endpoint API tidak ditemukan. Lihat /api/docs untuk daftar endpoint.');
  });
  return app;
}

/** The methods registered for a path (plus HEAD with GET, and OPTIONS for CORS), from the router's own route list. */
function allowedMethods(app: ApiRouter): (path: string) => string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+')}/?$`) }));
  return (path) => {
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (!methods.size) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return [...methods].sort();
  };
}
