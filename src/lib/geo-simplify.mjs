// THE simplification module, shared by the app (uploads, SVG maps; via src/features/geo/simplify.ts) and the region
// seed generator: Douglas–Peucker on GeoJSON (Multi)Polygon rings — split at the farthest vertex, never
// self-intersecting, rounded to 5 decimals — RFC 7946 §3.1.6 winding, bboxes and vertex counts. Plain JavaScript so
// Node scripts import it without a build (types: geo-simplify.d.mts); pure, planar degrees ([lng, lat]). Not a kept
// library (simplify-js, @turf/simplify): they simplify open lines; the ring split, collapse policy, self-intersection
// guard and winding are what matters here, and the seed must stay byte-identical run after run.

/** Decimal places kept in the output coordinates (1e-5° ≈ 1.1 m). */
const COORD_DECIMALS = 5;

/**
 * Rounds a number to `decimals` places (default 5) and normalises -0 to 0.
 * @param {number} value
 * @param {number} [decimals]
 */
function round(value, decimals = COORD_DECIMALS) {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/** @param {number[]} a @param {number[]} b */
function samePosition(a, b) {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Distance from point p to the segment a–b (planar).
 * @param {number[]} p @param {number[]} a @param {number[]} b
 */
function segmentDistance(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = 0;
  if (len2 > 0) {
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
    t = Math.max(0, Math.min(1, t));
  }
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return Math.sqrt(x * x + y * y);
}

/**
 * Douglas–Peucker simplification of an open polyline. The first and last
 * points are always kept. Iterative (explicit stack), so long lines cannot
 * overflow the call stack. Ties are broken by the lowest index, which keeps
 * the result deterministic.
 *
 * @param {number[][]} points
 * @param {number} tolerance maximum distance (degrees) of a dropped point from the simplified line
 * @returns {number[][]} the kept points, in order (same array elements, not copies)
 */
function douglasPeucker(points, tolerance) {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let maxDist = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > maxDist) {
        maxDist = d;
        index = i;
      }
    }
    if (index !== -1 && maxDist > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[i]);
  return out;
}

/**
 * Signed planar area of a ring (shoelace), in square degrees.
 * Positive for counter-clockwise rings.
 * @param {number[][]} ring
 */
export function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** @param {number[][]} ring */
export function isClosedRing(ring) {
  return ring.length >= 2 && samePosition(ring[0], ring[ring.length - 1]);
}

/**
 * Rounds every position, removes consecutive duplicates and makes sure the
 * ring is closed. Returns null when fewer than 3 distinct positions remain
 * or the ring has no area (all positions on one line).
 *
 * @param {number[][]} ring
 * @param {number} [decimals]
 * @returns {number[][] | null}
 */
function cleanRing(ring, decimals = COORD_DECIMALS) {
  const out = [];
  for (const p of ring) {
    const q = [round(p[0], decimals), round(p[1], decimals)];
    if (out.length === 0 || !samePosition(out[out.length - 1], q)) out.push(q);
  }
  while (out.length > 1 && samePosition(out[0], out[out.length - 1])) out.pop();
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  if (ringArea(out) === 0) return null;
  return out;
}

/**
 * Simplifies one closed linear ring with Douglas–Peucker.
 *
 * A closed ring has identical first and last points, so plain DP would
 * measure every vertex against a zero-length segment. Instead the ring is
 * split at the vertex farthest from its first vertex and each half is
 * simplified separately; both anchor points are always kept.
 *
 * The result is rounded to 5 decimals, has no consecutive duplicates and is
 * closed. Returns null when the simplified ring collapses (fewer than 4
 * positions including the closing one, or zero area); the caller decides
 * whether to keep the unsimplified ring or drop it.
 *
 * @param {number[][]} ring closed ring ([lng, lat] positions, first == last)
 * @param {number} tolerance degrees
 * @returns {number[][] | null}
 */
export function simplifyRing(ring, tolerance) {
  if (!isClosedRing(ring)) throw new Error('simplifyRing: ring is not closed');
  const open = ring.slice(0, -1);
  if (open.length < 3) return null;
  if (!(tolerance > 0)) return cleanRing(ring);
  return cleanRing([...simplifyOpenRing(open, tolerance), open[0]]);
}

/**
 * Douglas–Peucker on a ring given WITHOUT its closing position (e.g. projected screen points): the ring is split at
 * the vertex farthest from its first one and each half is simplified; both anchors are kept. Returns the kept
 * positions, still without the closing one, unrounded (same elements, not copies).
 *
 * @param {number[][]} open ring positions, first != last
 * @param {number} tolerance maximum distance of a dropped position from the simplified ring (input units)
 * @returns {number[][]}
 */
export function simplifyOpenRing(open, tolerance) {
  if (open.length < 3) return open.slice();
  let far = 0;
  let farDist = -1;
  for (let i = 1; i < open.length; i++) {
    const dx = open[i][0] - open[0][0];
    const dy = open[i][1] - open[0][1];
    const d = dx * dx + dy * dy;
    if (d > farDist) {
      farDist = d;
      far = i;
    }
  }
  const firstHalf = douglasPeucker(open.slice(0, far + 1), tolerance);
  const secondHalf = douglasPeucker([...open.slice(far), open[0]], tolerance);
  return [...firstHalf, ...secondHalf.slice(1, -1)];
}

/**
 * Whether two segments a–b and c–d cross at a single interior point
 * (proper intersection; touching or collinear overlap does not count).
 */
function segmentsCross(a, b, c, d) {
  const orient = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/**
 * Whether a closed ring crosses itself (any two non-adjacent edges cross).
 * O(n²), fine for the few hundred positions of a simplified ring.
 * @param {number[][]} ring closed ring
 */
export function ringSelfIntersects(ring) {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 2; j < edges; j++) {
      if (i === 0 && j === edges - 1) continue; // first and last edges share the closing vertex
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

/**
 * simplifyRing, but never introduces a self-intersection: when the
 * simplified ring crosses itself, the tolerance is halved (up to 4 times)
 * and, failing that, the unsimplified ring is returned.
 *
 * @param {number[][]} ring closed ring
 * @param {number} tolerance degrees
 * @returns {{ ring: number[][] | null, refined: boolean }} ring is null when simplification collapses it
 */
export function simplifyRingSafely(ring, tolerance) {
  let t = tolerance;
  let out = simplifyRing(ring, t);
  if (out === null || !ringSelfIntersects(out)) return { ring: out, refined: false };
  for (let i = 0; i < 4 && out !== null && ringSelfIntersects(out); i++) {
    t /= 2;
    out = simplifyRing(ring, t);
  }
  if (out === null || ringSelfIntersects(out)) out = cleanRing(ring);
  return { ring: out, refined: true };
}

/**
 * Simplifies a GeoJSON Polygon or MultiPolygon geometry.
 *
 * Every ring goes through simplifyRingSafely, so simplification never makes
 * a ring cross itself (crossings between different rings are not checked).
 *
 * Collapse policy, per ring whose simplification collapses:
 *  - the outer ring of a Polygon, or of the largest polygon (by area) of a
 *    MultiPolygon, is kept unsimplified (only rounded and de-duplicated);
 *  - any other ring (a hole, or the outer ring of a smaller island) is
 *    dropped if its area is below `tinyArea` square degrees, together with
 *    the island's holes; otherwise it is kept unsimplified.
 * A MultiPolygon stays a MultiPolygon even if only one polygon is left. The output has RFC 7946 winding
 * (rewindGeometry). A degenerate largest outer ring (zero area even unsimplified) throws, unless
 * `allowDegenerate` (uploads), where it is dropped like any other; a geometry with nothing left always throws.
 *
 * @param {{ type: 'Polygon' | 'MultiPolygon', coordinates: any }} geometry
 * @param {number} tolerance degrees
 * @param {{ tinyArea?: number, allowDegenerate?: boolean }} [options]
 * @returns {{ geometry: { type: string, coordinates: any }, keptUnsimplified: number, droppedRings: number, refinedRings: number }}
 */
export function simplifyGeometry(geometry, tolerance, { tinyArea = 0, allowDegenerate = false } = {}) {
  const polygons = polygonsOf(geometry);
  let largest = 0;
  let largestArea = -1;
  polygons.forEach((poly, i) => {
    const a = Math.abs(ringArea(poly[0]));
    if (a > largestArea) {
      largestArea = a;
      largest = i;
    }
  });

  let keptUnsimplified = 0;
  let droppedRings = 0;
  let refinedRings = 0;
  const outPolygons = [];
  polygons.forEach((poly, pi) => {
    const outPoly = [];
    for (let ri = 0; ri < poly.length; ri++) {
      const ring = poly[ri];
      const mustKeep = ri === 0 && pi === largest;
      const safe = simplifyRingSafely(ring, tolerance);
      if (safe.refined) refinedRings += 1;
      let simplified = safe.ring;
      if (simplified === null) {
        const tiny = Math.abs(ringArea(ring)) < tinyArea;
        if (!mustKeep && tiny) {
          if (ri === 0) {
            droppedRings += poly.length; // the island and its holes
            return;
          }
          droppedRings += 1;
          continue;
        }
        simplified = cleanRing(ring);
        if (simplified === null) {
          // Degenerate even before simplification (e.g. zero area).
          if (mustKeep && !allowDegenerate) {
            throw new Error('simplifyGeometry: the largest polygon has a degenerate outer ring');
          }
          if (ri === 0) {
            droppedRings += poly.length;
            return;
          }
          droppedRings += 1;
          continue;
        }
        keptUnsimplified += 1;
      }
      outPoly.push(simplified);
    }
    outPolygons.push(outPoly);
  });

  if (outPolygons.length === 0) throw new Error('simplifyGeometry: every polygon is degenerate');
  const out = geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: outPolygons[0] } : { type: 'MultiPolygon', coordinates: outPolygons };
  return { geometry: rewindGeometry(out), keptUnsimplified, droppedRings, refinedRings };
}

/**
 * A ring turned to the given orientation (a copy when it must be reversed; the same array otherwise).
 * @param {number[][]} ring closed ring
 * @param {boolean} counterClockwise
 * @returns {number[][]}
 */
export function orientRing(ring, counterClockwise) {
  const area = ringArea(ring);
  if (area === 0 || area > 0 === counterClockwise) return ring;
  return ring.slice().reverse();
}

/**
 * RFC 7946 §3.1.6 winding: every outer ring counter-clockwise, every hole clockwise. Returns a new geometry object;
 * rings that already have the right orientation are shared, not copied. Other geometry types pass through.
 * @template {{ type: string, coordinates: any }} G
 * @param {G} geometry
 * @returns {G}
 */
export function rewindGeometry(geometry) {
  const polygon = (rings) => rings.map((ring, i) => orientRing(ring, i === 0));
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(polygon) };
  return geometry;
}

/**
 * Whether every outer ring is counter-clockwise and every hole clockwise (zero-area rings are ignored).
 * @param {{ type: string, coordinates: any }} geometry
 */
export function hasRfc7946Winding(geometry) {
  return polygonsOf(geometry).every((rings) =>
    rings.every((ring, i) => {
      const area = ringArea(ring);
      return area === 0 || area > 0 === (i === 0);
    }),
  );
}

/**
 * The polygons of a Polygon/MultiPolygon as an array of ring arrays.
 * @param {{ type: string, coordinates: any }} geometry
 * @returns {number[][][][]}
 */
export function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unsupported geometry type ${JSON.stringify(geometry.type)}`);
}

/**
 * Bounding box [minLng, minLat, maxLng, maxLat] of a Polygon/MultiPolygon,
 * rounded outward to `decimals` places so it always contains the geometry.
 * @param {{ type: string, coordinates: any }} geometry
 * @param {number} [decimals]
 * @returns {[number, number, number, number]}
 */
export function bbox(geometry, decimals = COORD_DECIMALS) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(geometry)) {
    for (const ring of poly) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (minX === Infinity) throw new Error('bbox: empty geometry');
  return roundBboxOutward([minX, minY, maxX, maxY], decimals);
}

/**
 * A bbox [minLng, minLat, maxLng, maxLat] rounded outward to `decimals` places, so it still contains every position.
 * @param {[number, number, number, number]} box
 * @param {number} [decimals]
 * @returns {[number, number, number, number]}
 */
export function roundBboxOutward([minX, minY, maxX, maxY], decimals = COORD_DECIMALS) {
  const f = 10 ** decimals;
  const down = (v) => round(Math.floor(round(v * f, 6)) / f, decimals);
  const up = (v) => round(Math.ceil(round(v * f, 6)) / f, decimals);
  return [down(minX), down(minY), up(maxX), up(maxY)];
}

/**
 * Number of positions in a Polygon/MultiPolygon, closing positions included.
 * @param {{ type: string, coordinates: any }} geometry
 */
export function countPositions(geometry) {
  let n = 0;
  for (const poly of polygonsOf(geometry)) for (const ring of poly) n += ring.length;
  return n;
}
