import type { FeatureDescriptor } from '../descriptor';
import { geoAdminRoutes } from './admin-routes';
import { geoApi } from './api';
import { mapHomeBlock } from './home-block';
import { geoRoutes } from './routes';

/** Maps: region boundaries, places, the interactive map with the registered point layers, GeoJSON API. */
export const geoFeature: FeatureDescriptor = {
  name: 'geo',
  routes: geoRoutes,
  adminRoutes: geoAdminRoutes,
  api: geoApi,
  adminNav: [{ href: '/admin/tempat', label: 'Tempat di peta', action: 'place.manage', order: 80 }],
  sections: ['peta'],
  regionHome: [mapHomeBlock],
};
