import type { FeatureDescriptor } from '../descriptor';
import { userAdminRoutes } from './admin-routes';
import { accountRoutes } from './routes';

/** Officer accounts: login and logout (/masuk, /keluar), one's own password, and user management (Diskominfo). */
export const accountsFeature: FeatureDescriptor = {
  name: 'accounts',
  routes: accountRoutes,
  adminRoutes: userAdminRoutes,
  adminNav: [{ href: '/admin/pengguna', label: 'Pengguna', action: 'user.manage', order: 90 }],
  reservedWords: ['masuk', 'keluar'],
};
