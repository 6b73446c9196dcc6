import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { digestHex } from '../lib/encoding';
import { isPartial, wantsSaveData } from '../lib/htmx';
import { originOf } from '../lib/origin';
import { parseRegionPath } from '../regions/paths';

/**
 * KV page cache for public GET pages. Keys are namespaced by region path so a region's pages can be purged without
 * knowing every URL: `page:{generation}:{regionPath}|{rest}?{query}|{variant}|{canonical host}`. A hit answers from KV without touching D1.
 */
const KEY_PREFIX = 'page:';
const MAX_KEY_BYTES = 480; // KV keys are limited to 512 bytes

export interface CachedPageMeta {
  etag: string;
  contentType: string;
  storedAt: number;
}

/** Query parameters that select a page variant (filters, pagination). Any other parameter bypasses the cache. */
const CACHEABLE_PARAMS = new Set(['halaman', 'jenis', 'kategori', 'tahun', 'status', 'sumber']);

/**
 * `generation` (env CACHE_GENERATION) changes with every deploy / `npm start`, so pages rendered by older code are
 * never served after the code changes; old generations simply expire.
 */
export function regionKeyPrefix(generation: string, regionPath: string): string {
  return `${KEY_PREFIX}${generation}:${regionPath}|`;
}

/**
 * Prefix of every cached page of a region's descendants (region paths nest: 'kec' → 'kec/desa'). The regency's path
 * is '', so its descendants' prefix is the whole generation (its own pages and the pages outside regions included).
 */
export function descendantsKeyPrefix(generation: string, regionPath: string): string {
  return regionPath === '' ? `${KEY_PREFIX}${generation}:` : `${KEY_PREFIX}${generation}:${regionPath}/`;
}

export function pageCacheKey(generation: string, url: URL, variant: string, canonicalHost = url.host): string | null {
  const parsed = parseRegionPath(url.pathname) ?? { regionPath: '', rest: [url.pathname] };
  const params = [...url.searchParams.entries()];
  if (params.some(([k, v]) => !CACHEABLE_PARAMS.has(k) || v.length > 40)) return null;
  const query = params
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  // The host the page's absolute links were made for (APP_ORIGIN, else the request's Host): a request with a forged
  // Host never fills or reads the entry of the real one. It comes last so a region's purge prefix covers every host.
  const key = `${regionKeyPrefix(generation, parsed.regionPath)}${parsed.rest.join('/')}?${query}|${variant}|${canonicalHost.toLowerCase()}`;
  return new TextEncoder().encode(key).length <= MAX_KEY_BYTES ? key : null;
}

export function pageVariant(c: Context): string {
  return `${isPartial(c) ? 'partial' : 'full'}${wantsSaveData(c) ? '+save-data' : ''}`;
}

export async function etagOf(body: string): Promise<string> {
  return `"${(await digestHex('SHA-1', body)).slice(0, 32)}"`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim().replace(/^W\//, '');
    return v === etag || v === '*';
  });
}

const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

function finalResponse(c: Context, body: string | null, meta: CachedPageMeta, xCache: string): Response {
  const headers = new Headers({
    'Content-Type': meta.contentType,
    ETag: meta.etag,
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    Vary: 'HX-Request, Save-Data',
    'X-Cache': xCache,
  });
  if (etagMatches(c.req.header('If-None-Match'), meta.etag)) return new Response(null, { status: 304, headers });
  return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** The page cache is an optimisation: when KV fails, the page is rendered as if nothing were cached (logged, never a 500). */
async function kvRead(c: Context<AppEnv>, key: string) {
  try {
    return await c.env.PAGE_CACHE.getWithMetadata<CachedPageMeta>(key, 'text');
  } catch (err) {
    logCacheFailure(c, 'page cache read failed', err);
    return null;
  }
}

function logCacheFailure(c: Context<AppEnv>, msg: string, err: unknown) {
  console.error(JSON.stringify({ msg, requestId: c.get('requestId'), path: c.req.path, err: err instanceof Error ? err.message : String(err) }));
}

/** Middleware for public pages: HIT from KV, or render, store and answer MISS. Only 200 HTML/XML is stored. */
export function pageCache(): MiddlewareHandler<AppEnv> {
  return async function pageCacheMiddleware(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const key = pageCacheKey(c.env.CACHE_GENERATION || '0', new URL(c.req.url), pageVariant(c), new URL(originOf(c)).host);
    if (!key) {
      await next();
      c.res.headers.set('X-Cache', 'BYPASS');
      return;
    }
    const hit = await kvRead(c, key);
    if (hit && hit.value !== null && hit.metadata) {
      c.res = finalResponse(c, hit.value, hit.metadata, 'HIT');
      return;
    }
    await next();
    const res = c.res;
    const contentType = res.headers.get('Content-Type') ?? '';
    if (res.status !== 200 || !/^(text\/html|application\/(rss|atom)?\+?xml|application\/xml)/.test(contentType)) {
      return;
    }
    if (res.headers.get('Cache-Control')?.includes('no-store')) return;
    const body = await res.text();
    const meta: CachedPageMeta = { etag: await etagOf(body), contentType, storedAt: Date.now() };
    const ttl = Math.max(60, Number(c.env.PAGE_CACHE_TTL) || 3600);
    try {
      await c.env.PAGE_CACHE.put(key, body, { metadata: meta, expirationTtl: ttl });
    } catch (err) {
      logCacheFailure(c, 'page cache write failed', err);
    }
    c.res = undefined as unknown as Response; // let Hono replace rather than merge headers
    c.res = finalResponse(c, body, meta, 'MISS');
  };
}
