import type { FeatureDescriptor } from '../descriptor';
import { geoAdminRoutes } from './admin-routes';
import { placeAttention } from './attention';
import { geoApi } from './api';
import { mapHomeBlock } from './home-block';
import { geoRoutes } from './routes';

/** Maps: region boundaries, places, the interactive map with the registered point layers, GeoJSON API. */
export const geoFeature: FeatureDescriptor = {
  name: 'geo',
  routes: geoRoutes,
  adminRoutes: geoAdminRoutes,
  api: geoApi,
  adminNav: [{ href: '/admin/tempat', label: 'Tempat di peta', action: ['content.draft', 'content.review'], order: 80 }],
  attention: placeAttention,
  sections: ['peta'],
  regionHome: [mapHomeBlock],
};
