import type { Handler, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { pageCache } from '../cache/page-cache';
import { notFound } from '../lib/errors';
import { loadRegionContext } from '../regions/context';
import { parseRegionPath } from '../regions/paths';

/** Route prefixes of the three region depths: regency, kecamatan, desa. */
export const REGION_PREFIXES = ['', '/:kec{[a-z0-9-]+}', '/:kec{[a-z0-9-]+}/:desa{[a-z0-9-]+}'] as const;

/**
 * Registers a public GET page under every region prefix, behind the KV page cache and the region resolver:
 * `regionPage(app, '/berita', handler)` serves `/berita`, `/{kec}/berita` and `/{kec}/{desa}/berita`.
 * Pass `{ cache: false }` for personal pages (tracking with a private code, forms with tokens).
 */
export function regionPage(
  app: Hono<AppEnv>,
  subpath: string,
  handler: Handler<AppEnv>,
  options: { cache?: boolean; extra?: MiddlewareHandler<AppEnv>[] } = {},
): void {
  for (const prefix of REGION_PREFIXES) {
    const path = `${prefix}${subpath}` || '/';
    const mws: MiddlewareHandler<AppEnv>[] = [...(options.cache === false ? [] : [pageCache()]), regionContext(), ...(options.extra ?? [])];
    register(app, 'GET', path, [...mws, handler]);
  }
}

/** Registers a non-GET region route (form posts) under every prefix, with the region resolver. */
export function regionAction(app: Hono<AppEnv>, method: 'post', subpath: string, ...handlers: MiddlewareHandler<AppEnv>[]): void {
  for (const prefix of REGION_PREFIXES) {
    register(app, method.toUpperCase(), `${prefix}${subpath}`, [regionContext(), ...handlers]);
  }
}

type AnyHandler = MiddlewareHandler<AppEnv> | Handler<AppEnv>;

/** Hono's overloads cannot type a spread of handlers; this is the one place that registers such a list. */
function register(app: Hono<AppEnv>, method: string, path: string, handlers: AnyHandler[]): void {
  (app.on as unknown as (m: string, p: string, ...h: AnyHandler[]) => unknown)(method, path, ...handlers);
}

/** Resolves the region of a public page from the URL (404 in Indonesian when there is none). */
function regionContext(): MiddlewareHandler<AppEnv> {
  return async function regionContextMiddleware(c, next) {
    const parsed = parseRegionPath(c.req.path);
    if (!parsed) throw notFound();
    const ctx = await loadRegionContext(c.get('db'), parsed.regionPath);
    if (!ctx) throw notFound('Wilayah yang Anda cari tidak ditemukan.');
    c.set('region', ctx);
    await next();
  };
}
