import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import type { FeatureDescriptor } from '../descriptor';
import { ppidAdminRoutes } from './admin-routes';
import { ppidApi } from './api';
import { ppidAttention } from './attention';
import { objectionsSource, ppidSource } from './deadline-source';
import { recomputePpidDeadlines } from './deadlines';
import { ppidRoutes } from './routes';
import { ppidResealJob } from './reseal-job';
import { ppidPersonalData } from './erasure';

/** PPID: public information requests (Perki 1/2021), objections, the DIP and the annual report. */
export const ppidFeature: FeatureDescriptor = {
  name: 'ppid',
  routes: ppidRoutes,
  adminRoutes: ppidAdminRoutes,
  api: ppidApi,
  adminNav: [{ href: '/admin/ppid', label: 'PPID', action: 'ppid.handle', order: 50 }],
  attention: ppidAttention,
  deadlineSources: [ppidSource, objectionsSource],
  onHolidaysChanged: async (db) => recomputePpidDeadlines(db, await loadHolidayCalendar(db)),
  jobs: [ppidResealJob],
  personalData: [ppidPersonalData],
  sections: ['ppid'],
  trackers: [{ prefix: 'PPID', label: 'Permohonan informasi', example: 'PPID-7K3Q-9XPD', section: 'ppid' }],
};
