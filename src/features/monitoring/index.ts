import type { FeatureDescriptor } from '../descriptor';
import { monitoringApi } from './api';
import { monitoringAttention } from './attention';
import { monitoringJobs } from './jobs/index';
import { unreadCount } from './notifications-repo';
import { monitoringRoutes } from './routes';

/** Monitoring of every region (freshness, completeness, deadlines, score), notifications and the daily digest. */
export const monitoringFeature: FeatureDescriptor = {
  name: 'monitoring',
  adminRoutes: monitoringRoutes,
  api: monitoringApi,
  adminNav: [
    { href: '/admin/pemantauan', label: 'Pemantauan', action: 'monitoring.read', order: 60 },
    { href: '/admin/notifikasi', label: 'Notifikasi', action: 'dashboard.view', order: 130, count: unreadCount, countLabel: 'belum dibaca' },
  ],
  attention: monitoringAttention,
  jobs: monitoringJobs,
};
