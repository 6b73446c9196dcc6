import type { FeatureDescriptor } from '../descriptor';
import { regionStageRoutes } from './routes';

/** Regions and their management stages (diskominfo → pendampingan → mandiri), with history (Diskominfo). */
export const regionStagesFeature: FeatureDescriptor = {
  name: 'region-stages',
  adminRoutes: regionStageRoutes,
  adminNav: [{ href: '/admin/wilayah', label: 'Wilayah & tahap', action: 'region.stage', order: 70 }],
};
