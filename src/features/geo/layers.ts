// Optional point layers on the interactive map (toggles next to the places layer). Each layer is a provider that
// loads public, non-personal points of a region's subtree; the map fetches them from /api/v1/geo/layers/{id}.
//
// Complaints: the complaints feature exports `publicComplaintPoints(db, regionCode)` from
// src/features/complaints/map-points.ts (public, non-`rahasia` complaints with a location, never reporter data).
// HOOK — tenders (later): build a layer from the tenders feature's public points the same way and add it to
// MAP_LAYERS; the toggle, the API route and the map rendering need no other change.
import type { Db } from '../../db/client';
import { publicComplaintPoints } from '../complaints/map-points';

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

export interface ComplaintPoint {
  ticket: string;
  title: string;
  statusLabel: string;
  lat: number;
  lng: number;
}

/** Builds the complaints layer from the complaints feature's public point query. */
export function complaintsLayer(points: (db: Db, regionCode: string) => Promise<ComplaintPoint[]>): MapLayer {
  return {
    id: 'pengaduan',
    label: 'Pengaduan warga',
    hint: 'Lokasi pengaduan yang tidak dirahasiakan',
    color: '#c2410c',
    async load(db, regionCode) {
      const rows = await points(db, regionCode);
      return rows.map((p) => ({ id: p.ticket, title: p.title, subtitle: `${p.ticket} · ${p.statusLabel}`, lat: p.lat, lng: p.lng, url: null }));
    },
  };
}

/** Layers available on every region map, in toggle order. */
export const MAP_LAYERS: readonly MapLayer[] = [complaintsLayer(publicComplaintPoints)];

export function mapLayer(id: string): MapLayer | undefined {
  return MAP_LAYERS.find((l) => l.id === id);
}
