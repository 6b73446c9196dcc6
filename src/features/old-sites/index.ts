import type { FeatureDescriptor } from '../descriptor';
import { oldSiteAdminRoutes } from './admin-routes';
import { continueImportsJob } from './job';
import { unfinishedJobs } from './repo';
import { oldSiteRoutes } from './routes';

/**
 * The retired village and district sites (issue 18): their host names, their old links (`{region}/situs-lama/…`) and
 * the import of their content (WordPress, RSS/Atom, OpenSID) into posts and documents through the import targets of
 * the content and documents features.
 */
export const oldSitesFeature: FeatureDescriptor = {
  name: 'old-sites',
  routes: oldSiteRoutes,
  adminRoutes: oldSiteAdminRoutes,
  adminNav: [{ href: '/admin/situs-lama', label: 'Situs lama', action: 'site.migrate', order: 75 }],
  reservedWords: ['situs-lama'],
  jobs: [continueImportsJob],
  queuedWork: async (db) =>
    (await unfinishedJobs(db)).map((j) => ({
      label: `Impor ${j.format.toUpperCase()} ${j.sourceName}`,
      detail: `${j.cursor} dari ${j.total} item`,
      href: `/admin/impor/${j.id}`,
      since: j.createdAt,
    })),
};
