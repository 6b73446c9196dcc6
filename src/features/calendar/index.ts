import type { FeatureDescriptor } from '../descriptor';
import { calendarAdminRoutes } from './routes';

/** The holiday calendar of the working-day clock (Diskominfo); a change moves every running deadline. */
export const calendarFeature: FeatureDescriptor = {
  name: 'calendar',
  adminRoutes: calendarAdminRoutes,
  adminNav: [{ href: '/admin/kalender', label: 'Kalender libur', action: 'settings.manage', order: 110 }],
};
