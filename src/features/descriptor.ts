import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AttentionProvider } from '../admin/attention';
import type { ApiRouter } from '../api/route';
import { type AdminNavItem, HOME_NAV_ITEM } from '../admin/nav';
import type { AdminShell } from '../admin/shell';
import type { Db } from '../db/client';
import type { AppEnv, Bindings } from '../env';
import type { RegionContext } from '../regions/context';
import type { Section } from '../regions/paths';
import type { DeadlineSource } from './deadlines';
import type { ImportTargets } from './import-targets';
import type { JobReport } from '../lib/job-runs';
import type { MapLayer } from './map-layers';
import type { PersonalDataSource } from './personal-data';

/**
 * The contract between the app and a feature area. Each folder `src/features/<area>/` exports ONE descriptor from its
 * `index.ts`; `src/features.ts` lists them, and the app, the API, the admin shell, monitoring, the site and the slug
 * rules iterate that list. Adding a feature area is its folder plus one line there. Every field is optional.
 */
export interface FeatureDescriptor {
  /** The folder name, for messages and tests. */
  name: string;
  /** Public pages (HTML, feeds), mounted at '/'. Region pages register themselves with `regionPage()`. */
  routes?: RouteFactory;
  /** Admin pages (paths under '/admin/'); session, no-store, CSRF and the shell are already applied. */
  adminRoutes?: RouteFactory;
  /** JSON API routes, mounted under '/api/v1': an `apiRouter()` of `apiRoute`s (src/api/route.ts), so each is documented. */
  api?: (registry: Registry) => ApiRouter | Hono<AppEnv>;
  /**
   * Mount after every other feature: for routes that match any `/{kec}/{desa}` path (the site's region homes).
   * Without it features mount in registry order.
   */
  mountLast?: boolean;
  /** Entries of the admin menu (sorted by `order` across features). */
  adminNav?: AdminNavItem[];
  /** The feature's part of "Perlu tindakan" on the admin home. */
  attention?: AttentionProvider;
  /** Items with a working-day deadline, read by monitoring's hourly deadline scan. */
  deadlineSources?: DeadlineSource[];
  /** Moves running deadlines after the holiday calendar changed; returns how many rows moved. */
  onHolidaysChanged?: (db: Db, now: number) => Promise<number>;
  /** Top-level path words the feature uses (e.g. 'masuk', 'media'): never a region slug. */
  reservedWords?: string[];
  /**
   * Region sub-pages outside the section menu that the feature serves at every level (`/lacak`, `/{kec}/lacak`,
   * `/{kec}/{desa}/lacak`): never a region slug, and region routing treats them like a section word.
   */
  regionWords?: string[];
  /** Tracking numbers the feature issues: the region's one "Lacak" box sends a number with this prefix here. */
  trackers?: Tracker[];
  /** Region sections (`{prefix}/berita` …) this feature serves; the site shows "sedang disiapkan" for the others. */
  sections?: Section[];
  /** Blocks on every region's home page, rolled up from the subtree. */
  regionHome?: RegionHomeBlock[];
  /** Point layers on the interactive region map (`/api/v1/geo/layers/{id}`). */
  mapLayers?: MapLayer[];
  /** URLs for /sitemap.xml. */
  sitemap?: SitemapSource;
  /** Scheduled work (wrangler.toml [triggers]); each job is idempotent and never throws. */
  jobs?: ScheduledJob[];
  /** Work the feature has queued (shown on the status page). */
  queuedWork?: QueuedWorkSource;
  /** Upserts of imported items by their source key, through the feature's own services (src/features/import-targets.ts). */
  importTargets?: ImportTargets;
  /** Records holding citizens' personal data: erased on request and after retention (src/features/personal-data.ts). */
  personalData?: PersonalDataSource[];
}

/** A kind of tracking number (e.g. ADU-7K3Q-9XPD) and the region section whose `lacak` page looks it up. */
export interface Tracker {
  /** Upper-case prefix before the first dash: 'ADU', 'PPID', 'SRT'. */
  prefix: string;
  /** What it tracks, for the box's hint ('Pengaduan'). */
  label: string;
  example: string;
  section: Section;
}

/** The registered features, in mount order. */
export type Registry = readonly FeatureDescriptor[];

/** Builds a feature's Hono sub-app; the registry is passed for features that list other features' contributions. */
export type RouteFactory = (registry: Registry) => Hono<AppEnv>;

export interface RegionHomeBlock {
  /** Position on the page, lowest first (content 10–20, documents 30, map 40; the site's profile and children follow). */
  order: number;
  /** Loads and renders the block for a region (blocks load in parallel). */
  render(deps: { db: Db; now: number; saveData: boolean }, ctx: RegionContext): Promise<Child>;
}

/** A URL for /sitemap.xml: a path on the portal's origin and when its content last changed. */
export interface SitemapEntry {
  path: string;
  lastmod?: number | null;
}

/** A sitemap URL with the key it is ordered and paged by (ascending, unique). */
export interface KeyedSitemapEntry extends SitemapEntry {
  key: string;
}

/**
 * A feature's part of the sitemap (src/features/site/sitemap.ts): its section page in every region, and its detail
 * pages read in keyset pages, so a regency of any size fits in child sitemaps of at most 50,000 URLs.
 */
export interface SitemapSource {
  /** Lower-case word in its child sitemaps' names: /sitemap-{name}-{n}.xml. */
  name: string;
  /** The region section listed for every region (e.g. 'berita'). */
  section: Section;
  /** How many detail pages are public. */
  count(db: Db, now: number): Promise<number>;
  /** The key of the detail page at 0-based position `offset` in key order (where a child sitemap starts), or null. */
  keyAt(db: Db, now: number, offset: number): Promise<string | null>;
  /** Up to `limit` detail pages whose key is greater than `after` (null: from the first), in key order. */
  page(db: Db, now: number, after: string | null, limit: number): Promise<KeyedSitemapEntry[]>;
}

export interface ScheduledJob {
  /** For logs. */
  name: string;
  /** 'daily' runs at 01:00 WITA, 'hourly' at minute 5 (src/jobs/index.ts maps them to the cron expressions). */
  schedule: 'daily' | 'hourly';
  /** May report a failure it handled itself (e.g. one of its steps failed): the run is then recorded as failed. */
  run(controller: ScheduledController, env: Bindings, registry: Registry): Promise<void | JobReport>;
}

/** Work waiting to be done (an import in progress, an undelivered digest …), listed on the status page. */
export interface QueuedWork {
  label: string;
  detail: string;
  href?: string;
  since: number;
}

export type QueuedWorkSource = (db: Db) => Promise<QueuedWork[]>;

/** Features in mount order: registry order, with `mountLast` features after the others. */
export function mountOrder(registry: Registry): FeatureDescriptor[] {
  return [...registry.filter((f) => !f.mountLast), ...registry.filter((f) => f.mountLast)];
}

/** The admin menu (home first, then every feature's entries by `order`) and the "Perlu tindakan" providers. */
export function adminShellOf(registry: Registry): AdminShell {
  const nav = [HOME_NAV_ITEM, ...registry.flatMap((f) => f.adminNav ?? [])].sort((a, b) => a.order - b.order);
  const attention = registry.flatMap((f) => (f.attention ? [f.attention] : []));
  return { nav, attention };
}

export function deadlineSourcesOf(registry: Registry): DeadlineSource[] {
  return registry.flatMap((f) => f.deadlineSources ?? []);
}

export function holidayHooksOf(registry: Registry): Array<(db: Db, now: number) => Promise<number>> {
  return registry.flatMap((f) => (f.onHolidaysChanged ? [f.onHolidaysChanged] : []));
}

/** Every top-level word the registered features use (their own words and their region sub-page words). */
export function featureWordsOf(registry: Registry): string[] {
  return [...new Set(registry.flatMap((f) => [...(f.reservedWords ?? []), ...(f.regionWords ?? [])]))].sort();
}

export function regionWordsOf(registry: Registry): string[] {
  return [...new Set(registry.flatMap((f) => f.regionWords ?? []))].sort();
}

export function trackersOf(registry: Registry): Tracker[] {
  return registry.flatMap((f) => f.trackers ?? []);
}

export function servedSectionsOf(registry: Registry): Set<Section> {
  return new Set(registry.flatMap((f) => f.sections ?? []));
}

export function regionHomeBlocksOf(registry: Registry): RegionHomeBlock[] {
  return registry.flatMap((f) => f.regionHome ?? []).sort((a, b) => a.order - b.order);
}

export function mapLayersOf(registry: Registry): MapLayer[] {
  return registry.flatMap((f) => f.mapLayers ?? []);
}

export function sitemapSourcesOf(registry: Registry): SitemapSource[] {
  return registry.flatMap((f) => (f.sitemap ? [f.sitemap] : []));
}

export function jobsOf(registry: Registry, schedule: ScheduledJob['schedule']): ScheduledJob[] {
  return registry.flatMap((f) => (f.jobs ?? []).filter((j) => j.schedule === schedule));
}

/** The registered import targets (the first feature that offers a kind wins). */
export function importTargetsOf(registry: Registry): ImportTargets {
  const out: ImportTargets = {};
  for (const f of registry) {
    out.post ??= f.importTargets?.post;
    out.document ??= f.importTargets?.document;
  }
  return out;
}

/** Every scheduled job of the registry (for the status page). */
export function allJobsOf(registry: Registry): ScheduledJob[] {
  return registry.flatMap((f) => f.jobs ?? []);
}

export function queuedWorkOf(registry: Registry): QueuedWorkSource[] {
  return registry.flatMap((f) => (f.queuedWork ? [f.queuedWork] : []));
}

export function personalDataSourcesOf(registry: Registry): PersonalDataSource[] {
  return registry.flatMap((f) => f.personalData ?? []);
}
