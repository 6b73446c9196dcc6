import type { FeatureDescriptor } from '../descriptor';
import { storageCensusJob } from './census';
import { statusRoutes } from './routes';

/** The deployment watched (issue 18): Diskominfo's status page and the daily storage census it shows. */
export const systemStatusFeature: FeatureDescriptor = {
  name: 'system-status',
  adminRoutes: statusRoutes,
  adminNav: [{ href: '/admin/status', label: 'Status sistem', action: 'system.status', order: 125 }],
  jobs: [storageCensusJob],
};
