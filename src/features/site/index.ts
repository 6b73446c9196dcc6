import type { FeatureDescriptor } from '../descriptor';
import { siteRoutes } from './routes';

/** The region sites: every region's home, the region directory, robots.txt and the sitemap. */
export const siteFeature: FeatureDescriptor = {
  name: 'site',
  routes: siteRoutes,
  // Its region homes match any /{kec} and /{kec}/{desa}: every other feature's routes must be tried first.
  mountLast: true,
  reservedWords: ['wilayah', 'cari', 'robots.txt', 'sitemap.xml'],
  // Region pages at every level: the tracking page (the one Lacak box's target) and the printable A4 poster.
  regionWords: ['lacak', 'poster'],
};
