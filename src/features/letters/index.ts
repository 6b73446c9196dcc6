import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import type { FeatureDescriptor } from '../descriptor';
import { letterAdminRoutes } from './admin-routes';
import { lettersApi } from './api';
import { letterAttention } from './attention';
import { lettersSource } from './deadline-source';
import { recomputeLetterDeadlines } from './deadlines';
import { letterRoutes } from './routes';
import { lettersResealJob } from './reseal-job';
import { letterPersonalData } from './erasure';

/**
 * Administrative letters (layanan): each region's catalogue, the citizen's request form, tracking and downloads,
 * the public verification page (`/verifikasi/{code}`), and the officers' queue, numbering, signing and settings.
 */
export const lettersFeature: FeatureDescriptor = {
  name: 'letters',
  routes: letterRoutes,
  adminRoutes: letterAdminRoutes,
  api: lettersApi,
  adminNav: [{ href: '/admin/layanan', label: 'Layanan surat', action: 'letter.handle', order: 45 }],
  attention: letterAttention,
  deadlineSources: [lettersSource],
  onHolidaysChanged: async (db) => recomputeLetterDeadlines(db, await loadHolidayCalendar(db)),
  reservedWords: ['verifikasi'],
  jobs: [lettersResealJob],
  personalData: [letterPersonalData],
  sections: ['layanan'],
  trackers: [{ prefix: 'SRT', label: 'Permohonan surat', example: 'SRT-7K3Q-9XPD', section: 'layanan' }],
};
