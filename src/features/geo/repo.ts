import { eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';
import type { Bbox, BoundaryGeometry } from '../../lib/geometry';
import { rewindGeometry } from './simplify';

export interface RegionShape {
  code: string;
  name: string;
  level: (typeof regions.$inferSelect)['level'];
  path: string;
  parentCode: string | null;
  lat: number;
  lng: number;
  bbox: Bbox;
  boundary: BoundaryGeometry;
  profile: string;
}

/**
 * A region and its children with geometry, in one query. Stored geometry was validated when written; it is served with
 * RFC 7946 winding (rows stored before uploads and the seed were rewound may still have clockwise outer rings).
 */
export async function regionWithChildrenShapes(db: Db, code: string): Promise<{ self?: RegionShape; children: RegionShape[] }> {
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      level: regions.level,
      path: regions.path,
      parentCode: regions.parentCode,
      lat: regions.lat,
      lng: regions.lng,
      bbox: regions.bbox,
      boundary: regions.boundary,
      profile: regions.profile,
    })
    .from(regions)
    .where(or(eq(regions.code, code), eq(regions.parentCode, code)))
    .all();
  const shapes = rows.map((r) => ({
    ...r,
    bbox: JSON.parse(r.bbox) as Bbox,
    boundary: rewindGeometry(JSON.parse(r.boundary) as BoundaryGeometry),
  }));
  return {
    self: shapes.find((s) => s.code === code),
    children: shapes.filter((s) => s.code !== code).sort((a, b) => a.name.localeCompare(b.name, 'id')),
  };
}
