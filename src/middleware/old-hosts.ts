import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client';
import type { AppEnv, Bindings } from '../env';
import { type HostTarget, hostMapRows, resolveOldLink } from '../regions/old-links';

/**
 * Old host names of the regions (a village's old domain, `{slug}.{regency domain}`): a request on such a host is
 * answered with a redirect to the region's pages on the canonical origin (APP_ORIGIN), the old path carried over where
 * it is known (src/regions/old-links.ts). Runs first in the pipeline.
 *
 * Cost: a request to the canonical host is decided by comparing host names — no D1, no KV. Other hosts read the host
 * map from this isolate's memory (refreshed every HOST_MAP_TTL_MS), else from KV (one key, written when it is rebuilt
 * from D1 or when Diskominfo changes a host name). Only a request on a mapped host touches D1 (its old-path lookup).
 * Without APP_ORIGIN there is no canonical origin to send anyone to, so nothing is redirected.
 */
const HOST_MAP_KEY = 'hosts:v1';
const HOST_MAP_TTL_MS = 60_000;
const HOST_MAP_KV_TTL_S = 3600;

type HostMap = Map<string, HostTarget>;
let cached: { map: HostMap; until: number } | null = null;

async function buildHostMap(db: Db, env: Pick<Bindings, 'PAGE_CACHE'>): Promise<HostMap> {
  const rows = await hostMapRows(db);
  const map: HostMap = new Map(rows.map((r) => [r.host, { code: r.code, path: r.path }]));
  await env.PAGE_CACHE.put(HOST_MAP_KEY, JSON.stringify([...map]), { expirationTtl: HOST_MAP_KV_TTL_S }).catch((err: unknown) => {
    console.error(JSON.stringify({ msg: 'host map not cached', err: String(err) }));
  });
  return map;
}

async function hostMap(db: Db, env: Pick<Bindings, 'PAGE_CACHE'>, now: number): Promise<HostMap> {
  if (cached && cached.until > now) return cached.map;
  let map: HostMap | null = null;
  const stored = await env.PAGE_CACHE.get<Array<[string, HostTarget]>>(HOST_MAP_KEY, 'json').catch(() => null);
  if (Array.isArray(stored)) map = new Map(stored);
  map ??= await buildHostMap(db, env);
  cached = { map, until: now + HOST_MAP_TTL_MS };
  return map;
}

/** After a host name was added or removed: rebuilds the KV copy and forgets this isolate's (others follow within the TTL). */
export async function refreshHostMap(db: Db, env: Pick<Bindings, 'PAGE_CACHE'>): Promise<void> {
  cached = null;
  await buildHostMap(db, env);
}

/** The canonical origin's host, or null when APP_ORIGIN is not set (or not a URL). */
function canonicalOf(env: Pick<Bindings, 'APP_ORIGIN'>): { origin: string; host: string } | null {
  if (!env.APP_ORIGIN) return null;
  try {
    const u = new URL(env.APP_ORIGIN);
    return { origin: u.origin, host: u.hostname.toLowerCase() };
  } catch {
    return null;
  }
}

export function oldSiteHosts(): MiddlewareHandler<AppEnv> {
  return async function oldSiteHostsMiddleware(c, next) {
    const canonical = canonicalOf(c.env);
    if (!canonical) return next();
    const url = new URL(c.req.url);
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if (host === canonical.host) return next();
    const db = c.get('db');
    const region = (await hostMap(db, c.env, Date.now())).get(host);
    if (!region) return next();
    const answer = await resolveOldLink(db, region, `${url.pathname}${url.search}`);
    c.header('Cache-Control', answer.permanent ? 'public, max-age=86400' : 'no-store');
    return c.redirect(`${canonical.origin}${answer.location}`, answer.permanent ? 301 : 302);
  };
}
