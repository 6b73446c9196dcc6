import type { FeatureDescriptor } from '../descriptor';
import { partnerApi } from './api';
import { partnerAdminRoutes } from './routes';

/** Partner systems of the JSON API: registration, secret rotation and revocation, the OAuth token endpoint. */
export const partnersFeature: FeatureDescriptor = {
  name: 'partners',
  adminRoutes: partnerAdminRoutes,
  api: partnerApi,
  adminNav: [{ href: '/admin/mitra', label: 'Mitra API', action: 'partner.manage', order: 100 }],
};
