import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import type { FeatureDescriptor } from '../descriptor';
import { complaintAdminRoutes } from './admin-routes';
import { complaintsApi } from './api';
import { complaintAttention } from './attention';
import { autoCloseJob } from './autoclose-job';
import { complaintsSource } from './deadline-source';
import { recomputeComplaintDeadlines } from './deadlines';
import { complaintPersonalData } from './erasure';
import { complaintsLayer } from './map-points';
import { complaintRoutes } from './routes';

/** Complaints and aspirations (SP4N-LAPOR style): public form and tracking, handling with working-day deadlines. */
export const complaintsFeature: FeatureDescriptor = {
  name: 'complaints',
  routes: complaintRoutes,
  adminRoutes: complaintAdminRoutes,
  api: complaintsApi,
  adminNav: [{ href: '/admin/pengaduan', label: 'Pengaduan', action: 'complaint.handle', order: 40 }],
  attention: complaintAttention,
  deadlineSources: [complaintsSource],
  onHolidaysChanged: async (db, now) => recomputeComplaintDeadlines(db, await loadHolidayCalendar(db), now),
  sections: ['pengaduan'],
  trackers: [{ prefix: 'ADU', label: 'Pengaduan', example: 'ADU-7K3Q-9XPD', section: 'pengaduan' }],
  mapLayers: [complaintsLayer()],
  jobs: [autoCloseJob],
  personalData: [complaintPersonalData],
};
