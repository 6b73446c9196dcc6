import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { postsApi } from '../features/content/api';
import { documentsApi } from '../features/documents/api';
import { partnerApi } from '../features/partners/api';
import { ppidApi } from '../features/ppid/api';
import { complaintsApi } from '../features/complaints/api';
import { geoApi } from '../features/geo/api';
import { monitoringApi } from '../features/monitoring/api';
import { regionsApi } from '../regions/api';
import { buildOpenApi } from './openapi';
import { originOf } from '../lib/origin';

/** /api/v1: JSON only; every error becomes problem+json in the app's onError. */
export function apiV1(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'X-Complaint-Code'], exposeHeaders: ['ETag', 'Retry-After'], maxAge: 86400 }));
  app.route('/', regionsApi());
  app.route('/', partnerApi());
  app.route('/', postsApi());
  app.route('/', documentsApi());
  app.route('/', geoApi());
  app.route('/', ppidApi());
  app.route('/', complaintsApi());
  app.route('/', monitoringApi());
  app.get('/openapi.json', (c) => c.json(buildOpenApi(c.env.APP_VERSION, originOf(c))));
  app.all('*', () => {
    throw notFound('Endpoint API tidak ditemukan. Lihat /api/docs untuk daftar endpoint.');
  });
  return app;
}
