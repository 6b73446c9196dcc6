import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import type { Registry } from '../features/descriptor';
import { regionsApi } from './regions';
import { buildOpenApi } from './openapi';
import { originOf } from '../lib/origin';

/** /api/v1: JSON only; every error becomes problem+json in the app's onError. Each registered feature adds its routes. */
export function apiV1(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'X-Complaint-Code'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 86400,
    }),
  );
  app.route('/', regionsApi());
  for (const feature of registry) if (feature.api) app.route('/', feature.api(registry));
  app.get('/openapi.json', (c) => c.json(buildOpenApi(c.env.APP_VERSION, originOf(c))));
  app.all('*', () => {
    throw notFound('Endpoint API tidak ditemukan. Lihat /api/docs untuk daftar endpoint.');
  });
  return app;
}
