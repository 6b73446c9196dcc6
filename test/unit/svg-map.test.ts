import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import type { Bbox, BoundaryGeometry, Position } from '../../src/lib/geometry';
import { SvgMap, makeProjection, svgMapPathData, type SvgMapChild, type SvgMapPlace, type SvgMapProps } from '../../src/views/svg-map';

async function render(props: SvgMapProps): Promise<string> {
  return String(await jsx(SvgMap, props).toString());
}

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

const KEC_BBOX: Bbox = [117.0, 1.0, 117.5, 1.4];

/** A wobbly, closed ring of `n` vertices around (lng, lat). */
function blob(lng: number, lat: number, r: number, n: number, seed: number): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    const rr = r * (1 + 0.08 * Math.sin(3 * t + seed) + 0.04 * Math.sin(7 * t + seed * 2));
    ring.push([lng + rr * Math.cos(t), lat + rr * Math.sin(t)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

/** 5 × 4 grid of desa with ~60-vertex boundaries inside a 0.5° × 0.4° kecamatan. */
function desaGrid(count: number): SvgMapChild[] {
  return Array.from({ length: count }, (_, n) => {
    const lng = 117.05 + 0.1 * (n % 5);
    const lat = 1.05 + 0.1 * Math.floor(n / 5);
    return {
      name: `Desa Contoh ${n + 1}`,
      href: `/wilayah/64.08.01.${2001 + n}`,
      boundary: { type: 'Polygon', coordinates: [blob(lng, lat, 0.045, 60, n)] },
      lat,
      lng,
    };
  });
}

const region = {
  name: 'Kecamatan Contoh',
  bbox: KEC_BBOX,
  boundary: { type: 'Polygon', coordinates: [blob(117.25, 1.2, 0.2, 60, 0)] } as BoundaryGeometry,
};

describe('makeProjection', () => {
  const proj = makeProjection([116, 0, 118, 2], 200, 200, 10);

  it('maps the centre to the centre and the NW corner to the padding corner', () => {
    const [cx, cy] = proj.project([117, 1]);
    expect(cx).toBeCloseTo(100, 1);
    expect(cy).toBeCloseTo(100, 1);
    const [nx, ny] = proj.project([116, 2]);
    expect(nx).toBeCloseTo(10, 1);
    expect(ny).toBeCloseTo(10, 1);
    const [sx, sy] = proj.project([118, 0]);
    expect(sx).toBeCloseTo(190, 1);
    expect(sy).toBeCloseTo(190, 1);
  });
  it('puts north up and scales x by cos(mid-latitude)', () => {
    expect(proj.project([117, 1.5])[1]).toBeLessThan(proj.project([117, 0.5])[1]);
    const far = makeProjection([0, 59, 2, 61], 400, 400, 0);
    const dx = far.project([2, 60])[0] - far.project([0, 60])[0];
    const dy = far.project([1, 59])[1] - far.project([1, 61])[1];
    expect(dx / dy).toBeCloseTo(Math.cos((60 * Math.PI) / 180), 3);
  });
  it('derives the height from the bbox aspect when not given', () => {
    expect(makeProjection([116, 0, 118, 2], 200, undefined, 10).height).toBeCloseTo(200, -1);
    const wide = makeProjection([116, 0, 119, 1], 320, undefined, 8);
    expect(wide.width).toBe(320);
    expect(wide.height).toBe(Math.ceil((304 * 1) / (3 * Math.cos((0.5 * Math.PI) / 180)) + 16));
  });
});

describe('svgMapPathData', () => {
  const proj = makeProjection([116, 0, 118, 2], 200, 200, 10);

  it("writes 'M x y L x y … Z' with 1-decimal coordinates", () => {
    const square: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [116, 0],
          [118, 0],
          [118, 2],
          [116, 2],
          [116, 0],
        ],
      ],
    };
    expect(svgMapPathData(square, proj)).toBe('M10 190L190 190L190 10L10 10Z');
    const d = svgMapPathData({ type: 'Polygon', coordinates: [blob(117, 1, 0.5, 40, 1)] }, proj);
    for (const n of d.match(/-?\d+(\.\d+)?/g) ?? []) expect(n).toMatch(/^-?\d+(\.\d)?$/);
  });
  it('skips points closer than 0.8 px and drops sub-pixel rings', () => {
    const dense: Position[] = Array.from({ length: 201 }, (_, i) => [116 + i * 0.01, 0] as Position);
    const ring: Position[] = [...dense, [118, 2], [116, 2], [116, 0]];
    const d = svgMapPathData({ type: 'Polygon', coordinates: [ring] }, proj);
    expect(d).toBe('M10 190L190 190L190 10L10 10Z');
    const tiny: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [117, 1],
          [117.001, 1],
          [117.001, 1.001],
          [117, 1],
        ],
      ],
    };
    expect(svgMapPathData(tiny, proj)).toBe('');
  });
  it('writes one subpath per ring for multipolygons with holes', () => {
    const geom: BoundaryGeometry = {
      type: 'MultiPolygon',
      coordinates: [[blob(116.5, 0.5, 0.3, 30, 0), blob(116.5, 0.5, 0.1, 30, 1)], [blob(117.5, 1.5, 0.3, 30, 2)]],
    };
    expect(svgMapPathData(geom, proj).match(/M/g)).toHaveLength(3);
    expect(svgMapPathData(geom, proj).match(/Z/g)).toHaveLength(3);
  });
});

describe('SvgMap', () => {
  const children = desaGrid(20);
  const places: SvgMapPlace[] = [
    { name: 'SDN 001 <Contoh>', lat: 1.12, lng: 117.12, category: 'Sekolah Dasar' },
    { name: 'Di luar peta', lat: -3, lng: 110, category: 'pasar' },
  ];

  it('renders an accessible svg with a title, the region and every child as a named link', async () => {
    const svg = await render({ region, children, places, title: 'Peta Kecamatan Contoh' });
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 320 \d+"/);
    expect(svg).toContain('aria-labelledby="peta-judul"');
    expect(svg).toContain('<title id="peta-judul">Peta Kecamatan Contoh</title>');
    expect(svg.match(/<path class="map-region" d="M/g)).toHaveLength(1);
    expect(svg.match(/<a href=/g)).toHaveLength(20);
    for (const c of children) {
      expect(svg).toContain(`<a href="${c.href}" aria-label="${c.name}"><path class="map-child" d="M`);
      expect(svg).toContain(`<title>${c.name}</title></path></a>`);
    }
    expect(svg.match(/<text class="map-label"/g)).toHaveLength(20);
  });
  it('draws places in the viewBox only, escaped, with a category class', async () => {
    const svg = await render({ region, children, places, title: 'Peta' });
    expect(svg.match(/<circle class="map-place /g)).toHaveLength(1);
    expect(svg).toContain('map-place-sekolah-dasar');
    expect(svg).toContain('<title>SDN 001 &lt;Contoh&gt;</title>');
  });
  it('uses no inline styles and no scripts', async () => {
    const svg = await render({ region, children, places, title: 'Peta "x" <y>' });
    expect(svg).not.toMatch(/style=/i);
    expect(svg).not.toMatch(/<script|\son[a-z]+=/i);
    expect(svg).toContain('Peta &quot;x&quot; &lt;y&gt;');
  });
  it('stays under 6 KB compressed (10 KB raw) for 20 children with ~60-vertex rings', async () => {
    // The page budget is measured compressed. Raw, the required per-child markup (link, title,
    // label) alone is ~3.7 KB, so the raw bound is a regression guard for the path thinning.
    const svg = await render({ region, children, title: 'Peta Kecamatan Contoh' });
    expect(new TextEncoder().encode(svg).length).toBeLessThan(10 * 1024);
    expect(await gzipSize(svg)).toBeLessThan(6 * 1024);
    const vertices =
      svg
        .match(/ d="[^"]*"/g)
        ?.join('')
        .match(/[ML]/g)?.length ?? 0;
    expect(vertices).toBeLessThan(21 * 60 * 0.5);
  });
  it('omits labels above 25 children and falls back to a dot for children without boundary', async () => {
    const many = desaGrid(26);
    const svg = await render({ region, children: many, title: 'Peta' });
    expect(svg).not.toContain('map-label');
    expect(svg.match(/<a href=/g)).toHaveLength(26);
    const dot = await render({ region, children: [{ ...desaGrid(1)[0]!, boundary: null }], title: 'Peta' });
    expect(dot).toMatch(/<a href="[^"]+" aria-label="Desa Contoh 1"><circle class="map-child" cx="[\d.]+" cy="[\d.]+" r="4"><title>/);
  });
  it('uses role="img" for a map without links and honours width and id', async () => {
    const svg = await render({ region, children: [], title: 'Peta Desa', width: 240, id: 'peta-desa' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="peta-desa-judul"');
    expect(svg).toMatch(/viewBox="0 0 240 \d+" width="240"/);
    expect(svg).not.toContain('<a ');
  });
});
