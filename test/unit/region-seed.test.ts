// The region seed generator's core (scripts/lib/region-seed.mjs) on the synthetic regency fixture: one regency out of
// a multi-regency folder, idempotent upserts one per line, Douglas–Peucker and RFC 7946 winding, clear refusals.
import { describe, expect, it } from 'vitest';
import { hasRfc7946Winding } from '../../src/lib/geo-simplify.mjs';
import type { AreaGeometry } from '../../src/lib/geo-simplify.mjs';
import { buildRegionSeed, SeedError, seedStatements } from '../../scripts/lib/region-seed.mjs';
import { SYNTHETIC_CODE, SYNTHETIC_PROVINCE, syntheticDataset } from '../fixtures/regency-99.01/dataset';

const build = (files = syntheticDataset()) => buildRegionSeed(SYNTHETIC_CODE, files, { provinceName: SYNTHETIC_PROVINCE });

/** The boundary JSON of one generated statement (the 10th value). */
function boundaryOf(statement: string): AreaGeometry {
  const m = /'(\{"type":"(?:Multi)?Polygon".*?\})'/.exec(statement);
  if (!m?.[1]) throw new Error(`no boundary in ${statement.slice(0, 80)}`);
  return JSON.parse(m[1]) as AreaGeometry;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof SeedError) return err.problems;
    throw err;
  }
  throw new Error('expected a SeedError');
}

describe('buildRegionSeed', () => {
  it('writes one upsert per region of the regency, parents first, and ignores other regencies in the folder', () => {
    const { sql, stats } = build();
    const statements = seedStatements(sql);
    expect(statements).toHaveLength(6);
    expect(statements.map((s) => /VALUES \('([\d.]+)'/.exec(s)?.[1])).toEqual([
      '99.01',
      '99.01.01',
      '99.01.01.2001',
      '99.01.01.2002',
      '99.01.02',
      '99.01.02.1001',
    ]);
    expect(sql).not.toContain('99.02');
    expect(stats.perLevel).toEqual({ kabupaten: 1, kecamatan: 2, desa: 2, kelurahan: 1 });
    for (const s of statements) {
      expect(s).toMatch(
        /^INSERT INTO regions \(.*\) VALUES \(.*\) ON CONFLICT \(code\) DO UPDATE SET name = excluded\.name WHERE regions\.name IS NOT excluded\.name;$/,
      );
    }
  });

  it('derives slugs, paths and profiles with the province name', () => {
    const { sql, placed } = build();
    expect(placed.get('99.01')).toEqual({ slug: 'sukamaju', path: '' });
    expect(placed.get('99.01.01.2001')).toEqual({ slug: 'mekar-sari', path: 'sukamaju-hulu/mekar-sari' });
    expect(placed.get('99.01.02.1001')).toEqual({ slug: 'kota-lama', path: 'sukamaju-hilir/kota-lama' });
    expect(sql).toContain("'Kabupaten Sukamaju adalah kabupaten di Provinsi Contoh yang terdiri atas 2 kecamatan, 2 desa, dan 1 kelurahan.'");
  });

  it('simplifies with Douglas–Peucker, drops the tiny island, and winds outer rings counter-clockwise', () => {
    const { sql, stats } = build();
    expect(stats.verticesBefore).toBeGreaterThan(100);
    expect(stats.verticesAfter).toBeLessThan(stats.verticesBefore / 2);
    expect(stats.droppedRings).toBe(1);
    for (const statement of seedStatements(sql)) {
      const geometry = boundaryOf(statement);
      expect(hasRfc7946Winding(geometry)).toBe(true);
      const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    }
    expect(boundaryOf(seedStatements(sql)[0]!)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [120, -0.8],
          [120, -1],
          [120.2, -1],
          [120.2, -0.8],
          [120, -0.8],
        ],
      ],
    });
  });

  it('is deterministic', () => {
    expect(build().sql).toBe(build().sql);
  });

  it('refuses a missing file, an unknown regency, an unknown province and a broken row with every problem named', () => {
    expect(problemsOf(() => build({ ...syntheticDataset(), 'desa.geojson': undefined }))).toEqual(['missing input file: desa.geojson']);
    expect(problemsOf(() => buildRegionSeed('99.03', syntheticDataset(), { provinceName: 'Contoh' })).join('\n')).toContain(
      'expected exactly one kabupaten row 99.03',
    );
    expect(problemsOf(() => buildRegionSeed(SYNTHETIC_CODE, syntheticDataset())).join('\n')).toContain('unknown province code 99');
    expect(problemsOf(() => buildRegionSeed('6408', syntheticDataset()))[0]).toContain('must look like 64.08');
    const csv = syntheticDataset()['regions.csv']!.replace('99.01.01.2002,Harapan Baru,desa,99.01.01,-0.95', '99.01.01.2002,Harapan Baru,desa,99.01.07,-95');
    const problems = problemsOf(() => build({ ...syntheticDataset(), 'regions.csv': csv }));
    expect(problems.join('\n')).toContain('invalid lat "-95"');
    expect(problems.join('\n')).toContain('parent_code 99.01.07 with no row');
  });
});
