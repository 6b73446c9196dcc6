import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { partnerApi } from '../features/partners/api';
import { regionsApi } from '../regions/api';
import { buildOpenApi } from './openapi';
import { originOf } from '../lib/origin';

/** /api/v1: JSON only; every error becomes problem+json in the app's onError. */
export function apiV1(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match'], exposeHeaders: ['ETag', 'Retry-After'], maxAge: 86400 }));
  app.route('/', regionsApi());
  app.route('/', partnerApi());
  app.get('/openapi.json', (c) => c.json(buildOpenApi(c.env.APP_VERSION, originOf(c))));
  app.all('*', () => {
    throw notFound('Endpoint API tidak ditemukan. Lihat /api/docs untuk daftar endpoint.');
  });
  return app;
}
