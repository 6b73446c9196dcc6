// Pure helpers for storing uploaded boundaries: Douglas–Peucker simplification in degrees, rounding to
// 5 decimals (≈ 1 m), and an interior "label point" for a region's centroid columns.
import type { Bbox, BoundaryGeometry, Position, Ring } from './geometry';
import { pointInGeometry, polygonsOf } from './geometry';

/** Tolerance used for uploaded boundaries: 0.0002° ≈ 22 m, well inside the 200 m place tolerance. */
export const UPLOAD_SIMPLIFY_TOLERANCE = 0.0002;
const DECIMALS = 1e5;

const round5 = (v: number): number => {
  const r = Math.round(v * DECIMALS) / DECIMALS;
  return r === 0 ? 0 : r;
};

function segmentDistance2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return (p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2;
}

/** Douglas–Peucker on an open polyline (iterative); first and last points are always kept. */
function douglasPeucker(points: Position[], tolerance: number): Position[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    const a = points[first];
    const b = points[last];
    if (!a || !b) continue;
    let index = -1;
    let max = tol2;
    for (let i = first + 1; i < last; i++) {
      const p = points[i];
      const d = p ? segmentDistance2(p, a, b) : 0;
      if (d > max) [index, max] = [i, d];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Rounds, removes repeated positions and closes the ring; null when fewer than 4 positions remain. */
function cleanRing(ring: Position[]): Ring | null {
  const out: Position[] = [];
  for (const [lng, lat] of ring) {
    const p: Position = [round5(lng), round5(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

/** Simplifies one closed ring, split at its farthest point from the first so both halves keep their shape. */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  const open = ring.slice(0, -1);
  const first = open[0];
  if (!first || open.length < 4) return cleanRing(ring);
  let far = 0;
  let farD = -1;
  open.forEach((p, i) => {
    const d = (p[0] - first[0]) ** 2 + (p[1] - first[1]) ** 2;
    if (d > farD) [far, farD] = [i, d];
  });
  const a = douglasPeucker(open.slice(0, far + 1), tolerance);
  const b = douglasPeucker([...open.slice(far), first], tolerance);
  return cleanRing([...a, ...b.slice(1)]);
}

/**
 * Simplified, rounded copy of a geometry. Holes that collapse are dropped; an outer ring that would collapse is kept
 * rounded but unsimplified (a tiny polygon stays a polygon).
 */
export function simplifyGeometry(geom: BoundaryGeometry, tolerance = UPLOAD_SIMPLIFY_TOLERANCE): BoundaryGeometry {
  const polygons: Ring[][] = [];
  for (const [outer, ...holes] of polygonsOf(geom)) {
    if (!outer) continue;
    const shell = simplifyRing(outer, tolerance) ?? cleanRing(outer);
    if (!shell) continue;
    const keptHoles = holes.map((h) => simplifyRing(h, tolerance)).filter((h): h is Ring => h !== null);
    polygons.push([shell, ...keptHoles]);
  }
  if (polygons.length === 0) return geom;
  if (geom.type === 'Polygon' || polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] ?? [] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** A bbox rounded outward to 5 decimals (so it still contains every position). */
export function roundBboxOutward([minLng, minLat, maxLng, maxLat]: Bbox): Bbox {
  const down = (v: number) => Math.floor(v * DECIMALS + 1e-6) / DECIMALS;
  const up = (v: number) => Math.ceil(v * DECIMALS - 1e-6) / DECIMALS;
  return [down(minLng), down(minLat), up(maxLng), up(maxLat)];
}

/** Shoelace area of a ring in square degrees (absolute). */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i];
    const q = ring[j];
    if (p && q) sum += (q[0] - p[0]) * (q[1] + p[1]);
  }
  return Math.abs(sum / 2);
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
