import { createDb } from '../../db/client';
import { type FeatureDescriptor, personalDataSourcesOf } from '../descriptor';
import { privacyAdminRoutes } from './admin-routes';
import { runRetention } from './service';

/**
 * Personal data (UU 27/2022): Diskominfo erases a citizen's identity on request (`/admin/data-pribadi`, audited), and
 * a daily job erases it from closed records after their retention period (RETENTION_DAYS). The records themselves
 * are the other features' (`personalData` sources).
 */
export const privacyFeature: FeatureDescriptor = {
  name: 'privacy',
  adminRoutes: privacyAdminRoutes,
  adminNav: [{ href: '/admin/data-pribadi', label: 'Data pribadi', action: 'personal_data.erase', order: 95 }],
  jobs: [
    {
      name: 'personal-data retention',
      schedule: 'daily',
      async run(controller, env, registry) {
        await runRetention({ db: createDb(env.DB), env, retention: env.RETENTION_DAYS }, personalDataSourcesOf(registry), controller.scheduledTime);
      },
    },
  ],
};
