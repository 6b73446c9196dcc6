import { createDb } from '../../db/client';
import type { FeatureDescriptor } from '../descriptor';
import { partnerApi } from './api';
import { oauthMetadataRoutes } from './metadata';
import { partnerAdminRoutes } from './routes';
import { pruneTokenRevocations } from './tokens';

/** Partner systems of the JSON API: registration, secret rotation and revocation, the OAuth 2.0 endpoints and metadata. */
export const partnersFeature: FeatureDescriptor = {
  name: 'partners',
  routes: oauthMetadataRoutes,
  adminRoutes: partnerAdminRoutes,
  api: partnerApi,
  adminNav: [{ href: '/admin/mitra', label: 'Mitra API', action: 'partner.manage', order: 100 }],
  jobs: [
    {
      name: 'partner-token-revocations',
      schedule: 'daily',
      async run(controller, env) {
        await pruneTokenRevocations(createDb(env.DB), controller.scheduledTime).run();
      },
    },
  ],
};
