import { accountsFeature } from './features/accounts';
import { auditFeature } from './features/audit';
import { calendarFeature } from './features/calendar';
import { complaintsFeature } from './features/complaints';
import { contentFeature } from './features/content';
import type { Registry } from './features/descriptor';
import { documentsFeature } from './features/documents';
import { geoFeature } from './features/geo';
import { lettersFeature } from './features/letters';
import { mediaFeature } from './features/media';
import { monitoringFeature } from './features/monitoring';
import { oldSitesFeature } from './features/old-sites';
import { partnersFeature } from './features/partners';
import { ppidFeature } from './features/ppid';
import { privacyFeature } from './features/privacy';
import { regionStagesFeature } from './features/region-stages';
import { siteFeature } from './features/site';
import { tendersFeature } from './features/tenders';
import { systemStatusFeature } from './features/system-status';

/**
 * THE feature registry: one line per feature area (its folder's `index.ts` descriptor). The app, the JSON API, the
 * admin shell (menu, "Perlu tindakan"), monitoring's deadline scan, the calendar, the map layers, the region homes,
 * the sitemap, the scheduled jobs and the reserved slugs all read this list. Routes mount in this order; the site
 * (region homes match any /{kec}/{desa}) is marked `mountLast` and mounts after the others wherever it is listed.
 */
export const FEATURES: Registry = [
  accountsFeature,
  contentFeature,
  documentsFeature,
  complaintsFeature,
  ppidFeature,
  lettersFeature,
  geoFeature,
  monitoringFeature,
  regionStagesFeature,
  partnersFeature,
  calendarFeature,
  auditFeature,
  privacyFeature,
  mediaFeature,
  tendersFeature,
  oldSitesFeature,
  systemStatusFeature,
  siteFeature,
];
