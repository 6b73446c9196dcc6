// The one simplification module (src/lib/geo-simplify.mjs), used by uploads, the SVG maps and the seed generator:
// ring closure, minimum vertices, RFC 7946 winding, the collapse policy and the self-intersection guard.
import { describe, expect, it } from 'vitest';
import { simplifyGeometry as simplifyUpload, UPLOAD_SIMPLIFY_TOLERANCE, TINY_RING_AREA } from '../../src/features/geo/simplify';
import {
  bbox,
  hasRfc7946Winding,
  orientRing,
  rewindGeometry,
  ringArea,
  ringSelfIntersects,
  simplifyGeometry,
  simplifyOpenRing,
  simplifyRing,
  simplifyRingSafely,
  type PolygonGeometry,
  type Position,
  type Ring,
} from '../../src/lib/geo-simplify.mjs';

/** A closed ring with n vertices on a circle, counter-clockwise unless `clockwise`. */
function circle(lng: number, lat: number, r: number, n: number, clockwise = false): Ring {
  const ring: Ring = Array.from({ length: n }, (_, k) => {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / n;
    return [lng + r * Math.cos(a), lat + r * Math.sin(a)] as Position;
  });
  ring.push(ring[0]!);
  return ring;
}

const closed = (ring: Ring) => ring.length >= 4 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];

describe('rings', () => {
  it('stay closed, keep at least 4 positions, round to 5 decimals, or collapse to null', () => {
    const out = simplifyRing(circle(117.3, 0.5, 0.01, 500), 0.0009);
    expect(out).not.toBeNull();
    expect(closed(out!)).toBe(true);
    expect(out!.length).toBeLessThan(60);
    for (const [lng, lat] of out!) expect([Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5]).toEqual([lng, lat]);
    expect(simplifyRing(circle(117.3, 0.5, 0.0002, 12), 0.0009)).toBeNull();
    expect(
      simplifyRing(
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
        0.001,
      ),
    ).toBeNull();
    expect(() =>
      simplifyRing(
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
        0.001,
      ),
    ).toThrow(/not closed/);
  });

  it('never cross themselves after simplification', () => {
    // A star-like ring whose plain Douglas–Peucker at 0.8 folds over itself (found by a seeded search).
    const star: Ring = [
      [1.817, 0],
      [1.53, 0.883],
      [0.416, 0.72],
      [0, 1.43],
      [-0.179, 0.31],
      [-1.128, 0.651],
      [-0.839, 0],
      [-0.402, -0.232],
      [-0.203, -0.352],
      [0, -0.208],
      [0.264, -0.457],
      [0.686, -0.396],
      [1.817, 0],
    ];
    expect(ringSelfIntersects(star)).toBe(false);
    expect(ringSelfIntersects(simplifyRing(star, 0.8)!)).toBe(true);
    const { ring, refined } = simplifyRingSafely(star, 0.8);
    expect(refined).toBe(true);
    expect(ring).not.toBeNull();
    expect(ringSelfIntersects(ring!)).toBe(false);
  });

  it('orientRing turns a ring only when needed', () => {
    const ccw = circle(0, 0, 1, 8);
    expect(ringArea(ccw)).toBeGreaterThan(0);
    expect(orientRing(ccw, true)).toBe(ccw);
    expect(ringArea(orientRing(ccw, false))).toBeLessThan(0);
  });

  it('simplifyOpenRing (SVG maps) keeps both anchors and drops points within the tolerance', () => {
    const open: [number, number][] = [
      [0, 0],
      [5, 0.1],
      [10, 0],
      [10, 10],
      [5, 10.2],
      [0, 10],
    ];
    expect(simplifyOpenRing(open, 0.5)).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
    expect(simplifyOpenRing(open, 0.05)).toEqual(open);
  });
});

describe('geometries', () => {
  it('wind outer rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6)', () => {
    const cw: PolygonGeometry = { type: 'Polygon', coordinates: [circle(10, 10, 1, 40, true), circle(10, 10, 0.3, 20)] };
    expect(hasRfc7946Winding(cw)).toBe(false);
    const out = simplifyGeometry(cw, 0.001).geometry;
    expect(hasRfc7946Winding(out)).toBe(true);
    expect(ringArea(out.coordinates[0]!)).toBeGreaterThan(0);
    expect(ringArea(out.coordinates[1]!)).toBeLessThan(0);
    const rewound = rewindGeometry({ type: 'MultiPolygon', coordinates: [[circle(0, 0, 1, 8, true)], [circle(5, 5, 1, 8)]] });
    expect(hasRfc7946Winding(rewound)).toBe(true);
  });

  it('drop collapsing tiny islands and holes, keep the largest outer ring unsimplified, and stay a MultiPolygon', () => {
    const island = circle(20, 20, 0.0002, 8);
    const { geometry, droppedRings, keptUnsimplified } = simplifyGeometry(
      { type: 'MultiPolygon', coordinates: [[circle(10, 10, 1, 60), circle(10, 10, 0.0002, 8, true)], [island]] },
      0.0009,
      { tinyArea: 1e-6 },
    );
    expect(geometry.type).toBe('MultiPolygon');
    expect(geometry.coordinates).toHaveLength(1);
    expect(geometry.coordinates[0]).toHaveLength(1);
    expect(droppedRings).toBe(2);
    const tinyOnly = simplifyGeometry({ type: 'Polygon', coordinates: [circle(10, 10, 0.0002, 8)] }, 0.0009, { tinyArea: 1e-6 });
    expect(tinyOnly.keptUnsimplified).toBe(1);
    expect(tinyOnly.geometry.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
    expect(keptUnsimplified).toBe(0);
  });

  it('throw on a degenerate largest ring in the seed, but uploads fall back to the geometry as sent', () => {
    const flat: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [0, 0],
        ],
      ],
    };
    expect(() => simplifyGeometry(flat, 0.001)).toThrow(/degenerate/);
    expect(simplifyUpload(flat)).toBe(flat);
  });

  it('the upload path is the shared module with the seed rules', () => {
    const geometry: PolygonGeometry = { type: 'Polygon', coordinates: [circle(117.5, 0.5, 0.05, 2000, true), circle(117.5, 0.5, 0.00001, 8)] };
    expect(simplifyUpload(geometry)).toEqual(simplifyGeometry(geometry, UPLOAD_SIMPLIFY_TOLERANCE, { tinyArea: TINY_RING_AREA }).geometry);
    expect(hasRfc7946Winding(simplifyUpload(geometry))).toBe(true);
  });

  it('bbox rounds outward so it contains the geometry', () => {
    expect(
      bbox({
        type: 'Polygon',
        coordinates: [
          [
            [117.000004, -0.500006],
            [117.1, -0.5],
            [117.1, -0.4],
            [117.000004, -0.500006],
          ],
        ],
      }),
    ).toEqual([117, -0.50001, 117.1, -0.4]);
  });
});
