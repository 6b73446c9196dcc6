// The app's side of the one simplification module (src/lib/geo-simplify.mjs, shared with the seed generator):
// uploaded boundaries are simplified there (Douglas–Peucker in degrees, rounded to 5 decimals ≈ 1 m, RFC 7946
// winding), plus an interior "label point" for a region's centroid columns.
import {
  ringArea as signedRingArea,
  roundBboxOutward as roundBboxOutwardShared,
  simplifyGeometry as simplifyShared,
  simplifyRing as simplifyRingShared,
} from '../../lib/geo-simplify.mjs';
import type { Bbox, BoundaryGeometry, Position, Ring } from '../../lib/geometry';
import { pointInGeometry, polygonsOf } from '../../lib/geometry';

export { rewindGeometry } from '../../lib/geo-simplify.mjs';

/** Tolerance used for uploaded boundaries: 0.0002° ≈ 22 m, well inside the 200 m place tolerance. */
export const UPLOAD_SIMPLIFY_TOLERANCE = 0.0002;
/** Collapsed islands and holes smaller than this (deg², ≈ 1.2 ha) are dropped — the seed generator's rule. */
export const TINY_RING_AREA = 1e-6;
const DECIMALS = 1e5;

const round5 = (v: number): number => {
  const r = Math.round(v * DECIMALS) / DECIMALS;
  return r === 0 ? 0 : r;
};

/** Simplifies one closed ring (rounded, closed); null when it collapses. */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  return simplifyRingShared(ring, tolerance);
}

/**
 * Simplified, rounded copy of an uploaded geometry with counter-clockwise outer rings. Collapsed holes and small
 * islands are dropped; the largest outer ring is kept rounded but unsimplified when it would collapse (a tiny polygon
 * stays a polygon). A geometry with nothing drawable left comes back unchanged (the upload schema refuses those).
 */
export function simplifyGeometry(geom: BoundaryGeometry, tolerance = UPLOAD_SIMPLIFY_TOLERANCE): BoundaryGeometry {
  try {
    return simplifyShared(geom, tolerance, { tinyArea: TINY_RING_AREA, allowDegenerate: true }).geometry;
  } catch {
    return geom;
  }
}

/** A bbox rounded outward to 5 decimals (so it still contains every position). */
export function roundBboxOutward(bbox: Bbox): Bbox {
  return roundBboxOutwardShared(bbox);
}

/** Shoelace area of a ring in square degrees (absolute). */
function ringArea(ring: Ring): number {
  return Math.abs(signedRingArea(ring));
}

/**
 * A point guaranteed inside the geometry, for labels and the region's lat/lng: the middle of the widest interior
 * horizontal segment of the largest polygon, sampled on 31 latitudes. Falls back to the first vertex.
 */
export function labelPoint(geom: BoundaryGeometry): Position {
  const polygons = polygonsOf(geom);
  let best = polygons[0];
  for (const p of polygons) if (p[0] && best?.[0] && ringArea(p[0]) > ringArea(best[0])) best = p;
  const outer = best?.[0];
  if (!best || !outer || outer.length === 0) return [0, 0];
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [, lat] of outer) [minLat, maxLat] = [Math.min(minLat, lat), Math.max(maxLat, lat)];
  let answer: Position | null = null;
  let widest = -1;
  const steps = 32;
  for (let s = 1; s < steps; s++) {
    const y = minLat + ((maxLat - minLat) * s) / steps;
    const xs: number[] = [];
    for (const ring of best) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i];
        const b = ring[j];
        if (!a || !b || a[1] > y === b[1] > y) continue;
        xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
      }
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = xs[k] ?? 0;
      const x1 = xs[k + 1] ?? 0;
      if (x1 - x0 > widest) [widest, answer] = [x1 - x0, [(x0 + x1) / 2, y]];
    }
  }
  const fallback = outer[0] ?? [0, 0];
  const point = answer ?? fallback;
  return [round5(point[0]), round5(point[1])];
}

/** Keeps the current centroid when it still lies inside the new geometry, else computes a label point. */
export function regionAnchor(geom: BoundaryGeometry, current: Position | null): Position {
  if (current && pointInGeometry(current, geom)) return current;
  return labelPoint(geom);
}
