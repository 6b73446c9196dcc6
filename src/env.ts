import type { Db } from './db/client';
import type { RegionContext } from './regions/context';

/** Bindings declared in wrangler.toml plus secrets from .dev.vars / `wrangler secret put`. */
export interface Bindings {
  DB: D1Database;
  FILES: R2Bucket;
  PAGE_CACHE: KVNamespace;
  ASSETS: Fetcher;
  APP_VERSION: string;
  PORTAL_NAME: string;
  APP_ORIGIN: string;
  PAGE_CACHE_TTL: string;
  PBKDF2_ITERATIONS: string;
  UPLOAD_MAX_BYTES: string;
  SESSION_SECRET: string;
}

export interface Variables {
  requestId: string;
  db: Db;
  region: RegionContext;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
