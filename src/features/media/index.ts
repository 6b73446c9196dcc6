import type { FeatureDescriptor } from '../descriptor';
import { mediaRoutes } from './routes';

/** Public media (post covers, place photos) from R2 at /media/…. */
export const mediaFeature: FeatureDescriptor = {
  name: 'media',
  routes: mediaRoutes,
  reservedWords: ['media'],
};
