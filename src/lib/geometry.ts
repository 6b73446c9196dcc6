// Pure planar/geodesic helpers for region boundaries (GeoJSON [lng, lat], WGS84).
// No I/O and no dependencies, so they run the same in workerd, Node and tests.

export type Position = [lng: number, lat: number];
/** [minLng, minLat, maxLng, maxLat] */
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;
const METERS_PER_DEGREE = EARTH_RADIUS_M * DEG;

/** Polygons of a geometry; each polygon is [outerRing, ...holes]. */
export function polygonsOf(geom: BoundaryGeometry): Ring[][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

/** Every ring (outer rings and holes) of a geometry, flattened. */
export function polygonRings(geom: BoundaryGeometry): Ring[] {
  return polygonsOf(geom).flat();
}

/** Number of positions in a geometry (closing positions included). */
export function countPositions(geom: BoundaryGeometry): number {
  let n = 0;
  for (const ring of polygonRings(geom)) n += ring.length;
  return n;
}

/** Bounding box of a geometry. Throws on a geometry without any position. */
export function geometryBbox(geom: BoundaryGeometry): Bbox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const ring of polygonRings(geom)) {
    for (const [lng, lat] of ring) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  if (minLng > maxLng) throw new Error('geometryBbox: geometry has no positions');
  return [minLng, minLat, maxLng, maxLat];
}

/** True when the boxes overlap or touch. */
export function bboxIntersects(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** True when the point lies in the box (edges included). */
export function bboxContains(bbox: Bbox, [lng, lat]: Position): boolean {
  return lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/** Even-odd ray casting against one ring (closed or not). Points exactly on an edge may go either way. */
export function pointInRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const pi = ring[i];
    const pj = ring[j];
    if (!pi || !pj) continue;
    const [xi, yi] = pi;
    const [xj, yj] = pj;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside any polygon's outer ring and outside all of that polygon's holes. */
export function pointInGeometry(point: Position, geom: BoundaryGeometry): boolean {
  for (const [outer, ...holes] of polygonsOf(geom)) {
    if (!outer || !pointInRing(point, outer)) continue;
    if (!holes.some((hole) => pointInRing(point, hole))) return true;
  }
  return false;
}

/** Distance in metres from the origin to segment AB (planar, metres). */
function distanceToSegment(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Approximate distance (metres) from a point to the nearest edge of the geometry, whether the
 * point is inside or outside. Uses an equirectangular projection centred on the point, which is
 * accurate to well under 1% for the few-kilometre distances it is meant for.
 */
export function distanceToBoundaryMeters(point: Position, geom: BoundaryGeometry): number {
  const [lng0, lat0] = point;
  const kx = Math.cos(lat0 * DEG) * METERS_PER_DEGREE;
  let best = Infinity;
  for (const ring of polygonRings(geom)) {
    const first = ring[0];
    if (!first) continue;
    let px = (first[0] - lng0) * kx;
    let py = (first[1] - lat0) * METERS_PER_DEGREE;
    if (ring.length === 1) best = Math.min(best, Math.hypot(px, py));
    for (let i = 1; i < ring.length; i++) {
      const p = ring[i];
      if (!p) continue;
      const qx = (p[0] - lng0) * kx;
      const qy = (p[1] - lat0) * METERS_PER_DEGREE;
      best = Math.min(best, distanceToSegment(px, py, qx, qy));
      px = qx;
      py = qy;
    }
  }
  return best;
}

/** Approximate distance (metres) from a point to the geometry: 0 when the point is inside. */
export function distanceToGeometryMeters(point: Position, geom: BoundaryGeometry): number {
  return pointInGeometry(point, geom) ? 0 : distanceToBoundaryMeters(point, geom);
}

/** Box grown by `meters` on every side (approximate, for quick rejection). */
export function expandBboxMeters(bbox: Bbox, meters: number): Bbox {
  const dLat = meters / METERS_PER_DEGREE;
  const maxAbsLat = Math.min(89, Math.max(Math.abs(bbox[1]), Math.abs(bbox[3])));
  const dLng = meters / (METERS_PER_DEGREE * Math.cos(maxAbsLat * DEG));
  return [bbox[0] - dLng, bbox[1] - dLat, bbox[2] + dLng, bbox[3] + dLat];
}

/**
 * True when the point is inside the geometry or at most `toleranceMeters` from its boundary
 * (boundaries are simplified, so points near an edge should not be rejected).
 */
export function pointWithinRegion(point: Position, geom: BoundaryGeometry, toleranceMeters = 200): boolean {
  const bbox = expandBboxMeters(geometryBbox(geom), Math.max(0, toleranceMeters));
  if (!bboxContains(bbox, point)) return false;
  if (pointInGeometry(point, geom)) return true;
  return distanceToBoundaryMeters(point, geom) <= toleranceMeters;
}
