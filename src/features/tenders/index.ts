import type { FeatureDescriptor } from '../descriptor';
import { tenderAdminRoutes } from './admin-routes';
import { tendersApi } from './api';
import { tenderAttention } from './attention';
import { tenderDeadlines } from './deadline-source';
import { tendersHomeBlock } from './home-block';
import { tendersLayer } from './map-layer';
import { tenderHref } from './present';
import { countSitemapTenders, listSitemapTenders, sitemapTenderKeyAt } from './repo';
import { tenderRoutes } from './routes';
import { tenderScheduleJobs } from './schedule-job';

/**
 * Tenders and procurement (lelang/pengadaan): regency packages from SPSE/SiRUP (entered or imported by Diskominfo and
 * the procurement managers it names) and village procurement (the publishing workflow), per region, rolled up, on the
 * map, as RSS and open data.
 */
export const tendersFeature: FeatureDescriptor = {
  name: 'tenders',
  routes: tenderRoutes,
  adminRoutes: tenderAdminRoutes,
  api: tendersApi,
  adminNav: [{ href: '/admin/lelang', label: 'Lelang', action: ['content.draft', 'content.review', 'tender.regency'], order: 35 }],
  attention: tenderAttention,
  deadlineSources: [tenderDeadlines],
  sections: ['lelang'],
  regionHome: [tendersHomeBlock],
  mapLayers: [tendersLayer],
  jobs: tenderScheduleJobs,
  sitemap: {
    name: 'lelang',
    section: 'lelang',
    count: (db) => countSitemapTenders(db),
    keyAt: (db, _now, offset) => sitemapTenderKeyAt(db, offset),
    async page(db, _now, after, limit) {
      const items = await listSitemapTenders(db, after, limit);
      return items.map((t) => ({ key: t.id, path: tenderHref(t), lastmod: t.updatedAt }));
    },
  },
};
