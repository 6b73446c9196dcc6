// Optional point layers on the interactive region map (toggles next to the places layer). A feature that has public,
// non-personal points with a location lists a layer in its descriptor (`mapLayers`); the geo feature serves every
// registered layer at /api/v1/geo/layers/{id} and shows its toggle. No other change is needed for a new layer.
import type { Db } from '../db/client';

export interface MapPoint {
  id: string;
  title: string;
  subtitle: string;
  lat: number;
  lng: number;
  /** Public page about the point, if any (relative URL). */
  url: string | null;
}

export interface MapLayer {
  /** URL-safe id, also the checkbox value: 'pengaduan', 'lelang'. */
  id: string;
  label: string;
  hint: string;
  color: string;
  load(db: Db, regionCode: string): Promise<MapPoint[]>;
}
