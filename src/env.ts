import type { Db } from './db/client';
import type { AdminShell } from './admin/shell';
import type { PartnerPrincipal } from './api/scopes';
import type { Session } from './auth/actor';
import type { RegionContext } from './regions/context';

/** Bindings declared in wrangler.toml plus secrets from .dev.vars / `wrangler secret put`. */
export interface Bindings {
  DB: D1Database;
  FILES: R2Bucket;
  PAGE_CACHE: KVNamespace;
  ASSETS: Fetcher;
  /** Optional Cloudflare Images binding (`[images]` in wrangler.toml): the image pipeline uses it when present. */
  IMAGES?: ImagesBinding;
  APP_VERSION: string;
  PORTAL_NAME: string;
  APP_ORIGIN: string;
  PAGE_CACHE_TTL: string;
  /** Part of every page-cache key; a new value (each deploy / npm start) retires all cached pages. */
  CACHE_GENERATION: string;
  PBKDF2_ITERATIONS: string;
  UPLOAD_MAX_BYTES: string;
  SESSION_SECRET: string;
  /** Personal-data keys (src/lib/data-key.ts): JSON {"k1":"<base64 32 bytes>"} and the id new data is written with. */
  DATA_KEYS: string;
  DATA_KEY_ACTIVE: string;
  /** Letter verification-code keys (src/features/letters/verify-code.ts), same shape as DATA_KEYS. */
  /** Optional retention periods in days per kind of record, e.g. `pengaduan=1825,ppid=1825,surat=3650` (src/features/privacy/retention.ts). */
  RETENTION_DAYS?: string;
  /** Optional URLs per sitemap file (default and maximum 50,000, the protocol's limit; src/features/site/sitemap.ts). */
  SITEMAP_URLS_PER_FILE?: string;
  VERIFY_KEYS: string;
  VERIFY_KEY_ACTIVE: string;
  /** Optional base map under the region maps (off when empty); see src/features/geo/basemap.ts. */
  MAP_TILE_URL?: string;
  MAP_PMTILES_KEY?: string;
  MAP_TILE_ATTRIBUTION?: string;
  MAP_TILE_MAX_ZOOM?: string;
  /** Optional Workers Analytics Engine dataset (request volume, errors, latency; src/middleware/analytics.ts). */
  ANALYTICS?: AnalyticsEngineDataset;
  /** Optional outgoing-message channels (src/messaging/config.ts; README, Configuration). */
  TELEGRAM_BOT_TOKEN?: string;
  MAIL_API_URL?: string;
  MAIL_API_TOKEN?: string;
  MAIL_FROM?: string;
  WEBHOOK_SIGNING_SECRET?: string;
  WA_API_URL?: string;
  WA_API_TOKEN?: string;
}

export interface Variables {
  requestId: string;
  db: Db;
  region: RegionContext;
  session: Session | null;
  partner: PartnerPrincipal | null;
  /** Menu and "Perlu tindakan" providers of the admin shell (set on /admin/* from the feature registry). */
  adminShell: AdminShell;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
