import type { Db } from '../../db/client';
import type { MapLayer } from '../map-layers';
import { STATUS_LABELS } from './labels';
import { publicLocation } from './location';
import { publicPoints } from './repo';

export interface ComplaintMapPoint {
  ticket: string;
  title: string;
  statusLabel: string;
  lat: number;
  lng: number;
}

/**
 * Public complaint points for the map layer: reports in the region's subtree that the public may read (not `rahasia`,
 * verified, not refused or archived — the same rule as the public list) and that carry coordinates. Never any
 * reporter data, and the point as the public may see it (location.ts: snapped unless the reporter agreed). At most
 * 500 points, newest first.
 */
export async function publicComplaintPoints(db: Db, regionCode: string): Promise<ComplaintMapPoint[]> {
  const rows = await publicPoints(db, regionCode);
  return rows
    .map((r) => ({ ticket: r.ticket, title: r.title, statusLabel: STATUS_LABELS[r.status], ...publicLocation(r) }))
    .filter((p): p is typeof p & { lat: number; lng: number } => p.lat !== null && p.lng !== null)
    .map(({ ticket, title, statusLabel, lat, lng }) => ({ ticket, title, statusLabel, lat, lng }));
}

/** The complaints layer of the region map: public points only (ticket and status, nothing about the reporter). */
export function complaintsLayer(points: (db: Db, regionCode: string) => Promise<ComplaintMapPoint[]> = publicComplaintPoints): MapLayer {
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
