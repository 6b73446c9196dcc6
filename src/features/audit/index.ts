import type { FeatureDescriptor } from '../descriptor';
import { auditRoutes } from './routes';

/** The audit log page (the log itself is written through src/audit/log.ts by every feature). */
export const auditFeature: FeatureDescriptor = {
  name: 'audit',
  adminRoutes: auditRoutes,
  adminNav: [{ href: '/admin/audit', label: 'Log audit', action: 'audit.read', order: 120 }],
};
