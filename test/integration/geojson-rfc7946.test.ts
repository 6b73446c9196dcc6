// Every GeoJSON the API serves, checked against RFC 7946 with a standard validator (@placemarkio/check-geojson: structure,
// positions, closed rings, bbox shape) plus what it leaves out: outer rings counter-clockwise and holes clockwise
// (§3.1.6, computed here independently with the shoelace formula), no `crs` member (§4), and a bbox on each polygon
// Feature that contains all its positions (§5).
import { getIssues } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { insertPlace } from '../helpers/geo';
import { get } from '../helpers/http';

type Position = [number, number];
type Ring = Position[];

/** Twice the signed area (lng as x, lat as y): positive for counter-clockwise rings. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

function polygonsOf(geometry: { type: string; coordinates: unknown } | null): Ring[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  return [];
}

interface Feature {
  type: 'Feature';
  bbox?: number[];
  geometry: { type: string; coordinates: unknown } | null;
}

function featuresOf(doc: { type: string; features?: Feature[] }): Feature[] {
  return doc.type === 'FeatureCollection' ? (doc.features ?? []) : [doc as Feature];
}

async function checkRfc7946(path: string): Promise<number> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('Content-Type'), path).toContain('application/geo+json');
  const text = await res.text();
  expect(getIssues(text), path).toEqual([]);
  expect(text, path).not.toContain('"crs"');
  let rings = 0;
  for (const f of featuresOf(JSON.parse(text))) {
    const polygons = polygonsOf(f.geometry);
    if (!polygons.length) continue;
    expect(f.bbox, `${path}: polygon feature without bbox`).toHaveLength(4);
    const [w, s, e, n] = f.bbox!;
    for (const poly of polygons) {
      poly.forEach((ring, i) => {
        rings += 1;
        const area = signedArea(ring);
        if (i === 0) expect(area, `${path}: outer ring must be counter-clockwise`).toBeGreaterThan(0);
        else expect(area, `${path}: hole must be clockwise`).toBeLessThan(0);
        for (const [lng, lat] of ring) {
          expect(lng >= w! && lng <= e! && lat >= s! && lat <= n!, `${path}: position outside bbox`).toBe(true);
        }
      });
    }
  }
  return rings;
}

describe('GeoJSON per RFC 7946', () => {
  it('region boundaries (one, and every child of the regency and of a kecamatan)', async () => {
    expect(await checkRfc7946('/api/v1/geo/regions/64.08')).toBeGreaterThan(0);
    expect(await checkRfc7946('/api/v1/geo/regions/64.08.04.2012')).toBeGreaterThan(0);
    expect(await checkRfc7946('/api/v1/geo/regions/64.08?children=1')).toBeGreaterThanOrEqual(18);
    expect(await checkRfc7946('/api/v1/geo/regions/64.08.04?children=1')).toBeGreaterThan(0);
  }, 60_000);

  it('places and the complaints layer', async () => {
    await insertPlace({ regionCode: '64.08.04.2012', name: 'Puskesmas Uji GeoJSON', lat: 0.589, lng: 117.486, category: 'kesehatan' });
    await checkRfc7946('/api/v1/places?region=64.08.04');
    await checkRfc7946('/api/v1/geo/layers/pengaduan?region=64.08.04');
  }, 30_000);

  it('the checks catch what they claim to (a clockwise outer ring, a crs member)', () => {
    const cw: Ring = [
      [117, 0],
      [117, 1],
      [118, 1],
      [118, 0],
      [117, 0],
    ];
    expect(signedArea(cw)).toBeLessThan(0);
    expect(signedArea([...cw].reverse())).toBeGreaterThan(0);
    expect(
      getIssues(
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [117, 0],
              [117, 1],
              [118, 1],
            ],
          ],
        }),
      ).length,
    ).toBeGreaterThan(0);
  });
});
