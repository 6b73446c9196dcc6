import './lib/zod-locale';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiV1 } from './api';
import { ApiDocsView } from './api/docs';
import { buildOpenApi } from './api/openapi';
import { problemResponse } from './api/problem';
import { createDb } from './db/client';
import type { AppEnv } from './env';
import { userAdminRoutes } from './features/accounts/admin-routes';
import { accountRoutes } from './features/accounts/routes';
import { loadSession, requireUser } from './features/accounts/session';
import { adminGuard } from './features/admin/guard';
import { adminRoutes } from './features/admin/routes';
import { contentAdminRoutes } from './features/content/admin-routes';
import { contentRoutes } from './features/content/routes';
import { documentAdminRoutes } from './features/documents/admin-routes';
import { documentRoutes } from './features/documents/routes';
import { geoAdminRoutes } from './features/geo/admin-routes';
import { geoRoutes } from './features/geo/routes';
import { partnerAdminRoutes } from './features/partners/routes';
import { ppidAdminRoutes } from './features/ppid/admin-routes';
import { ppidRoutes } from './features/ppid/routes';
import { calendarAdminRoutes } from './features/calendar/routes';
import { complaintAdminRoutes } from './features/complaints/admin-routes';
import { letterAdminRoutes } from './features/letters/admin-routes';
import { complaintRoutes } from './features/complaints/routes';
import { letterRoutes } from './features/letters/routes';
import { mediaRoutes } from './features/media/routes';
import { monitoringRoutes } from './features/monitoring/routes';
import { siteRoutes } from './features/site/routes';
import { ErrorView, NotFoundView } from './features/site/views';
import { AppError } from './lib/errors';
import { isPartial } from './lib/htmx';
import { csrf } from './middleware/csrf';
import { requestId } from './middleware/request-id';
import { secureHeaders } from './middleware/secure-headers';
import { Layout } from './views/layout';
import { originOf } from './lib/origin';

export function createApp() {
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  app.use('*', secureHeaders());
  app.use('*', async function dbMiddleware(c, next) {
    c.set('db', createDb(c.env.DB));
    await next();
  });

  app.get('/healthz', async (c) => {
    const started = Date.now();
    let d1: 'ok' | 'error' = 'ok';
    try {
      await c.env.DB.prepare('SELECT 1 AS ok').first();
    } catch (err) {
      d1 = 'error';
      console.error(JSON.stringify({ msg: 'healthz d1 failed', requestId: c.get('requestId'), err: String(err) }));
    }
    c.header('Cache-Control', 'no-store');
    return c.json(
      { status: d1 === 'ok' ? 'ok' : 'degraded', version: c.env.APP_VERSION, checks: { d1 }, duration_ms: Date.now() - started },
      d1 === 'ok' ? 200 : 503,
    );
  });

  // Sessions only where they are used: public pages stay session-free (and KV-cacheable).
  app.use('/admin/*', loadSession(), requireUser(), adminGuard());
  app.use('/masuk', loadSession());
  app.use('/keluar', loadSession());
  app.use('*', csrf());

  app.route('/api/v1', apiV1());
  app.get('/api/docs', (c) =>
    c.html(
      <Layout title="Dokumentasi API" assetVersion={c.env.APP_VERSION} portalName={c.env.PORTAL_NAME}>
        <ApiDocsView doc={buildOpenApi(c.env.APP_VERSION, originOf(c))} />
      </Layout>,
    ),
  );
  app.route('/', accountRoutes());
  app.route('/', adminRoutes());
  app.route('/', userAdminRoutes());
  app.route('/', partnerAdminRoutes());
  app.route('/', mediaRoutes());
  app.route('/', contentAdminRoutes());
  app.route('/', documentAdminRoutes());
  app.route('/', contentRoutes());
  app.route('/', documentRoutes());
  app.route('/', geoAdminRoutes());
  app.route('/', geoRoutes());
  app.route('/', ppidAdminRoutes());
  app.route('/', ppidRoutes());
  app.route('/', complaintAdminRoutes());
  app.route('/', letterAdminRoutes());
  app.route('/', calendarAdminRoutes());
  app.route('/', complaintRoutes());
  app.route('/', letterRoutes());
  app.route('/', monitoringRoutes());
  app.route('/', siteRoutes()); // last: its region-home routes match any /{kec}/{desa}

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return problemResponse(c, new AppError('not_found', 'Endpoint API tidak ditemukan.'));
    return errorPage(c, new AppError('not_found'));
  });

  app.onError((err, c) => {
    const appErr = toAppError(err, c);
    if (c.req.path.startsWith('/api/')) return problemResponse(c, appErr);
    return errorPage(c, appErr);
  });

  return app;
}

function toAppError(err: unknown, c: Context<AppEnv>): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const code = err.status === 404 ? 'not_found' : err.status === 403 ? 'forbidden' : err.status === 401 ? 'unauthorized' : err.status === 413 ? 'payload_too_large' : err.status >= 500 ? 'internal' : 'bad_request';
    return new AppError(code, code === 'internal' ? undefined : err.message || undefined);
  }
  // Unknown: log with the request id, answer generically (never echo internals).
  console.error(
    JSON.stringify({ msg: 'unhandled error', requestId: c.get('requestId'), path: c.req.path, err: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err) }),
  );
  return new AppError('internal', 'Maaf, terjadi kesalahan pada server. Silakan coba lagi beberapa saat lagi.');
}

function errorPage(c: Context<AppEnv>, err: AppError) {
  c.header('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  const body =
    err.code === 'not_found' ? (
      <NotFoundView detail={err.message === err.title ? undefined : err.message} />
    ) : (
      <ErrorView title={err.title} detail={err.message} errors={err.fieldErrors} requestId={err.code === 'internal' ? c.get('requestId') : undefined} />
    );
  if (isPartial(c)) return c.html(<div class="error-fragment" role="alert">{body}</div>, err.status as 400);
  return c.html(
    <Layout title={err.title} assetVersion={c.env.APP_VERSION} portalName={c.env.PORTAL_NAME}>
      {body}
    </Layout>,
    err.status as 400,
  );
}
