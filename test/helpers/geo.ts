import { env } from 'cloudflare:test';
import { purgeRegionPages } from '../../src/cache/purge';
import { createDb } from '../../src/db/client';
import type { BoundaryGeometry } from '../../src/lib/geometry';

let counter = 0;

/** Inserts a place directly (tests of lists, the API and maps; the admin flow has its own tests) and purges pages. */
export async function insertPlace(p: {
  regionCode: string;
  name: string;
  lat: number;
  lng: number;
  category?: string;
  address?: string;
  contact?: string;
  openingHours?: string;
  description?: string;
  photoKey?: string | null;
  purge?: boolean;
}): Promise<{ id: string }> {
  counter += 1;
  const id = `tst-place-${Date.now().toString(36)}-${counter}`;
  const now = Date.now();
  await env.DB.prepare(
    `INSERT INTO places (id, region_code, name, category, lat, lng, address, description, opening_hours, contact, photo_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      p.regionCode,
      p.name,
      p.category ?? 'kantor',
      p.lat,
      p.lng,
      p.address ?? '',
      p.description ?? '',
      p.openingHours ?? '',
      p.contact ?? '',
      p.photoKey ?? null,
      now,
      now,
    )
    .run();
  if (p.purge !== false) await purgeRegionPages({ db: createDb(env.DB), env }, p.regionCode);
  return { id };
}

/** A region row's boundary, centroid and bbox straight from D1. */
export async function regionGeo(code: string) {
  const row = await env.DB.prepare('SELECT boundary, bbox, lat, lng, path, name FROM regions WHERE code = ?')
    .bind(code)
    .first<{ boundary: string; bbox: string; lat: number; lng: number; path: string; name: string }>();
  if (!row) throw new Error(`no region ${code}`);
  return {
    boundary: JSON.parse(row.boundary) as BoundaryGeometry,
    bbox: JSON.parse(row.bbox) as [number, number, number, number],
    lat: row.lat,
    lng: row.lng,
    path: row.path,
    name: row.name,
  };
}

/** Inside Desa Swarga Bara (64.08.04.2012), ~3 km from its boundary. */
export const SWARGA_BARA_POINT = { lat: 0.5854, lng: 117.4807 };
/** Inside Desa Muara Wahau (64.08.02.2003)'s kecamatan, far outside Swarga Bara. */
export const FAR_POINT = { lat: 1.05, lng: 116.85 };
