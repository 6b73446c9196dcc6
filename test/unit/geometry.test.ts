import { describe, expect, it } from 'vitest';
import {
  EARTH_RADIUS_M,
  bboxIntersects,
  countPositions,
  distanceToBoundaryMeters,
  distanceToGeometryMeters,
  geometryBbox,
  pointInGeometry,
  pointWithinRegion,
  polygonRings,
  type BoundaryGeometry,
  type Position,
} from '../../src/lib/geometry';

const square = (lng: number, lat: number, d: number): Position[] => [
  [lng, lat],
  [lng + d, lat],
  [lng + d, lat + d],
  [lng, lat + d],
  [lng, lat],
];
/** 0.1° square near Sangatta with a 0.04° hole in the middle. */
const withHole: BoundaryGeometry = { type: 'Polygon', coordinates: [square(117.5, 0.5, 0.1), square(117.53, 0.53, 0.04)] };
const multi: BoundaryGeometry = {
  type: 'MultiPolygon',
  coordinates: [[square(117, 1, 0.1)], [square(118, 1.5, 0.05)]],
};
/** Concave "L" shape: the notch at the top right is outside. */
const lShape: BoundaryGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [116, 0.2],
      [116.2, 0.2],
      [116.2, 0.3],
      [116.1, 0.3],
      [116.1, 0.4],
      [116, 0.4],
      [116, 0.2],
    ],
  ],
};
const metersPerDegree = (EARTH_RADIUS_M * Math.PI) / 180;

describe('geometryBbox / polygonRings / countPositions', () => {
  it('computes the bbox of polygons and multipolygons', () => {
    expect(geometryBbox(withHole)).toEqual([117.5, 0.5, 117.6, 0.6]);
    const [minLng, minLat, maxLng, maxLat] = geometryBbox(multi);
    expect([minLng, minLat, maxLat]).toEqual([117, 1, 1.55]);
    expect(maxLng).toBeCloseTo(118.05, 10);
  });
  it('lists every ring', () => {
    expect(polygonRings(withHole)).toHaveLength(2);
    expect(polygonRings(multi)).toHaveLength(2);
    expect(countPositions(multi)).toBe(10);
  });
  it('throws on an empty geometry', () => {
    expect(() => geometryBbox({ type: 'MultiPolygon', coordinates: [] })).toThrow();
  });
});

describe('bboxIntersects', () => {
  it('detects overlap, touching and disjoint boxes', () => {
    expect(bboxIntersects([116, 0, 117, 1], [116.5, 0.5, 118, 2])).toBe(true);
    expect(bboxIntersects([116, 0, 117, 1], [116.2, 0.2, 116.3, 0.3])).toBe(true);
    expect(bboxIntersects([116, 0, 117, 1], [117, 1, 118, 2])).toBe(true);
    expect(bboxIntersects([116, 0, 117, 1], [117.1, 0, 118, 1])).toBe(false);
    expect(bboxIntersects([116, 0, 117, 1], [116, 1.1, 117, 2])).toBe(false);
  });
});

describe('pointInGeometry', () => {
  it('respects holes', () => {
    expect(pointInGeometry([117.51, 0.51], withHole)).toBe(true);
    expect(pointInGeometry([117.55, 0.55], withHole)).toBe(false);
    expect(pointInGeometry([117.7, 0.55], withHole)).toBe(false);
  });
  it('handles multipolygons', () => {
    expect(pointInGeometry([117.05, 1.05], multi)).toBe(true);
    expect(pointInGeometry([118.02, 1.52], multi)).toBe(true);
    expect(pointInGeometry([117.5, 1.3], multi)).toBe(false);
  });
  it('handles concave polygons', () => {
    expect(pointInGeometry([116.05, 0.35], lShape)).toBe(true);
    expect(pointInGeometry([116.15, 0.25], lShape)).toBe(true);
    expect(pointInGeometry([116.15, 0.35], lShape)).toBe(false);
  });
});

describe('distanceToGeometryMeters', () => {
  it('is 0 inside and the edge distance outside', () => {
    expect(distanceToGeometryMeters([117.51, 0.51], withHole)).toBe(0);
    const expected = 0.01 * metersPerDegree * Math.cos((1 * Math.PI) / 180);
    expect(distanceToGeometryMeters([116.99, 1.05], multi)).toBeCloseTo(expected, 0);
    expect(distanceToGeometryMeters([117.05, 0.98], multi)).toBeCloseTo(0.02 * metersPerDegree, 0);
  });
  it('measures to the nearest vertex beyond a corner', () => {
    const d = distanceToGeometryMeters([116.99, 0.99], multi);
    const dx = 0.01 * metersPerDegree * Math.cos((0.99 * Math.PI) / 180);
    expect(d).toBeCloseTo(Math.hypot(dx, 0.01 * metersPerDegree), 0);
  });
  it('distanceToBoundaryMeters measures from inside too (hole edge)', () => {
    expect(distanceToBoundaryMeters([117.525, 0.55], withHole)).toBeCloseTo(0.005 * metersPerDegree * Math.cos((0.55 * Math.PI) / 180), 0);
  });
});

describe('pointWithinRegion', () => {
  const eastEdge = 117.6;
  const lat = 0.55;
  const lngOffset = (meters: number) => meters / (metersPerDegree * Math.cos((lat * Math.PI) / 180));

  it('accepts points inside', () => {
    expect(pointWithinRegion([117.51, 0.51], withHole)).toBe(true);
  });
  it('accepts a point 100 m outside with the default 200 m tolerance', () => {
    const p: Position = [eastEdge + lngOffset(100), lat];
    expect(pointInGeometry(p, withHole)).toBe(false);
    expect(distanceToGeometryMeters(p, withHole)).toBeCloseTo(100, 0);
    expect(pointWithinRegion(p, withHole)).toBe(true);
    expect(pointWithinRegion(p, withHole, 50)).toBe(false);
  });
  it('rejects a point 5 km outside', () => {
    expect(pointWithinRegion([eastEdge + lngOffset(5000), lat], withHole)).toBe(false);
    expect(pointWithinRegion([117.55, 0.6 + 5000 / metersPerDegree], withHole, 200)).toBe(false);
  });
  it('treats the hole as outside but tolerates points near its edge', () => {
    expect(pointWithinRegion([117.55, 0.55], withHole)).toBe(false);
    expect(pointWithinRegion([117.53 + lngOffset(100), 0.55], withHole)).toBe(true);
  });
  it('works per part of a multipolygon', () => {
    expect(pointWithinRegion([118.05 + 0.001, 1.52], multi)).toBe(true);
    expect(pointWithinRegion([117.5, 1.3], multi)).toBe(false);
  });
});
