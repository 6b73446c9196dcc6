import './lib/zod-locale';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiV1 } from './api';
import { ApiDocsView } from './api/docs';
import { openApiDocument } from './api/document';
import { problemResponse } from './api/problem';
import { createDb } from './db/client';
import type { AppEnv } from './env';
import { adminGuard } from './admin/guard';
import { adminHome } from './admin/home';
import { adminDraftRoutes } from './admin/autosave';
import { resumeAfterLogin } from './admin/relogin';
import { loadSession, requireUser } from './auth/session';
import { pendingPurgeDrain } from './cache/purge';
import { FEATURES } from './features';
import { adminShellOf, featureWordsOf, mountOrder, type Registry, regionWordsOf } from './features/descriptor';
import { AppError, errorForLog, type ErrorCode } from './lib/errors';
import { isPartial } from './lib/htmx';
import { fieldErrorsOf } from './lib/validation';
import { ZodError } from 'zod';
import { bodyGuard } from './middleware/body-guard';
import { csrf } from './middleware/csrf';
import { requestId } from './middleware/request-id';
import { secureHeaders } from './middleware/secure-headers';
import { oldSiteHosts } from './middleware/old-hosts';
import { requestAnalytics } from './middleware/analytics';
import { healthz } from './middleware/health';
import { originOf } from './lib/origin';
import { reserveRegionWords, reserveTopLevelWords } from './regions/paths';
import { ErrorView, NotFoundView } from './views/errors';
import { Layout } from './views/layout';
import { portalName } from './config';

/**
 * The root app. Every feature comes from the registry (src/features.ts); tests pass their own registry (e.g. with a
 * stub feature) to prove that registering a feature is all it takes to mount it.
 */
export function createApp(registry: Registry = FEATURES) {
  const app = new Hono<AppEnv>();
  reserveTopLevelWords(featureWordsOf(registry));
  reserveRegionWords(regionWordsOf(registry));

  app.use('*', requestId());
  app.use('*', requestAnalytics());
  app.use('*', secureHeaders());
  app.use('*', bodyGuard());
  app.use('*', async function dbMiddleware(c, next) {
    c.set('db', createDb(c.env.DB));
    await next();
  });

  // Old host names of the regions answer with a redirect before anything else (no D1 on the canonical host).
  app.use('*', oldSiteHosts());
  app.get('/healthz', healthz());

  // Sessions only where they are used: public pages stay session-free (and KV-cacheable).
  app.use('/admin/*', loadSession(), resumeAfterLogin(), requireUser(), adminGuard(adminShellOf(registry)), pendingPurgeDrain());
  app.use('/masuk', loadSession());
  app.use('/keluar', loadSession());
  app.use('*', csrf());

  const api = apiV1(registry);
  app.route('/api/v1', api);
  app.get('/api/docs', (c) =>
    c.html(
      <Layout title="Dokumentasi API" assetVersion={c.env.APP_VERSION} portalName={portalName(c.env)}>
        <ApiDocsView doc={openApiDocument(api, { version: c.env.APP_VERSION, origin: originOf(c) })} origin={originOf(c)} />
      </Layout>,
    ),
  );
  app.route('/', adminHome());
  app.route('/', adminDraftRoutes());
  for (const feature of mountOrder(registry)) {
    if (feature.adminRoutes) app.route('/', feature.adminRoutes(registry));
    if (feature.routes) app.route('/', feature.routes(registry));
  }

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
  // A schema parsed without parseOrThrow/parseQuery is still bad input, never a 500.
  if (err instanceof ZodError) return new AppError('bad_request', undefined, { fieldErrors: fieldErrorsOf(err) });
  if (err instanceof HTTPException) {
    const byStatus: Record<number, ErrorCode> = {
      401: 'unauthorized',
      403: 'forbidden',
      404: 'not_found',
      413: 'payload_too_large',
      415: 'unsupported_media_type',
    };
    const code: ErrorCode = byStatus[err.status] ?? (err.status >= 500 ? 'internal' : 'bad_request');
    return new AppError(code, code === 'internal' ? undefined : err.message || undefined);
  }
  // Unknown: log with the request id, answer generically (never echo internals).
  console.error(
    JSON.stringify({
      msg: 'unhandled error',
      requestId: c.get('requestId'),
      path: c.req.path,
      err: errorForLog(err),
    }),
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
  if (isPartial(c))
    return c.html(
      <div class="error-fragment" role="alert">
        {body}
      </div>,
      err.status as 400,
    );
  return c.html(
    <Layout title={err.title} assetVersion={c.env.APP_VERSION} portalName={portalName(c.env)}>
      {body}
    </Layout>,
    err.status as 400,
  );
}
