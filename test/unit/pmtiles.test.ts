// The optional base map's PMTiles archive, read with the `pmtiles` package from R2 (the test pool's real R2
// binding), and the base map configuration. Fixture archives are built here, byte by byte, after the v3 spec.
import { env } from 'cloudflare:test';
import { type Entry, zxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { basemapConfig, basemapTile, parseTileParams } from '../../src/features/geo/basemap';
import { readTile } from '../../src/features/geo/pmtiles';

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A v3 directory: count, then columns of tile-id deltas, run lengths, lengths and offsets (consecutive → 0). */
function encodeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  varint(entries.length, out);
  let last = 0;
  for (const e of entries) {
    varint(e.tileId - last, out);
    last = e.tileId;
  }
  for (const e of entries) varint(e.runLength, out);
  for (const e of entries) varint(e.length, out);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1, out);
  });
  return Uint8Array.from(out);
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

type Tile = [number, number, number, string];

/** Builds an archive: header, root dir, leaf dir, tile data (each tile's bytes = its label; `runs` repeat a tile). */
async function buildArchive(opts: {
  tiles: Tile[];
  compression: 1 | 2;
  useLeaf?: boolean;
  tileType?: number;
  runs?: Record<string, number>;
  gap?: number;
}): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const sorted = opts.tiles.map(([z, x, y, label]) => ({ id: zxyToTileId(z, x, y), label, data: enc.encode(label) })).sort((a, b) => a.id - b.id);
  const data: number[] = [];
  const entries: Entry[] = sorted.map((t, i) => {
    if (i > 0 && opts.gap) data.push(...new Array<number>(opts.gap).fill(0)); // offsets not consecutive
    const e = { tileId: t.id, offset: data.length, length: t.data.length, runLength: opts.runs?.[t.label] ?? 1 };
    data.push(...t.data);
    return e;
  });
  const pack = async (b: Uint8Array) => (opts.compression === 2 ? gzip(b) : b);
  let root: Uint8Array;
  let leaves: Uint8Array = new Uint8Array(0);
  if (opts.useLeaf) {
    leaves = await pack(encodeDirectory(entries));
    root = await pack(encodeDirectory([{ tileId: entries[0]?.tileId ?? 0, offset: 0, length: leaves.length, runLength: 0 }]));
  } else {
    root = await pack(encodeDirectory(entries));
  }
  const header = new Uint8Array(127);
  header.set(enc.encode('PMTiles'), 0);
  header[7] = 3;
  const view = new DataView(header.buffer);
  const u64 = (at: number, v: number) => {
    view.setUint32(at, v % 2 ** 32, true);
    view.setUint32(at + 4, Math.floor(v / 2 ** 32), true);
  };
  const rootOffset = 127;
  const leafOffset = rootOffset + root.length;
  const dataOffset = leafOffset + leaves.length;
  u64(8, rootOffset);
  u64(16, root.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, data.length);
  header[97] = opts.compression;
  header[98] = 1;
  header[99] = opts.tileType ?? 2;
  header[100] = 0;
  header[101] = 14;
  const out = new Uint8Array(dataOffset + data.length);
  out.set(header, 0);
  out.set(root, rootOffset);
  out.set(leaves, leafOffset);
  out.set(Uint8Array.from(data), dataOffset);
  return out;
}

/** The test pool's R2 bucket, counting every read (GET and HEAD). */
function countingBucket(): R2Bucket & { reads: number; heads: number } {
  const b = {
    reads: 0,
    heads: 0,
    get: ((key: string, opts?: R2GetOptions) => {
      b.reads++;
      return env.FILES.get(key, opts);
    }) as R2Bucket['get'],
    head: (key: string) => {
      b.heads++;
      return env.FILES.head(key);
    },
  };
  return b as unknown as R2Bucket & { reads: number; heads: number };
}

const text = (tile: { bytes: Uint8Array } | null) => (tile ? new TextDecoder().decode(tile.bytes) : null);

describe('tile ids used by the fixtures', () => {
  it('match the PMTiles v3 Hilbert numbering', () => {
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    expect([zxyToTileId(1, 0, 0), zxyToTileId(1, 0, 1), zxyToTileId(1, 1, 1), zxyToTileId(1, 1, 0)]).toEqual([1, 2, 3, 4]);
    expect(zxyToTileId(2, 0, 0)).toBe(5);
    expect(zxyToTileId(12, 3423, 1763)).toBe(19078479);
    const ids = new Set<number>();
    for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) ids.add(zxyToTileId(3, x, y));
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => 21 + i));
    expect(() => zxyToTileId(1, 2, 0)).toThrow();
    expect(() => zxyToTileId(27, 0, 0)).toThrow();
  });
});

describe('readTile (pmtiles package over an R2 range source)', () => {
  const tiles: Tile[] = [
    [0, 0, 0, 'z0'],
    [1, 1, 0, 'z1-1-0'],
    [5, 26, 15, 'kutim'],
  ];
  for (const [label, compression, useLeaf] of [
    ['uncompressed root', 1, false],
    ['gzip root', 2, false],
    ['gzip leaf directory', 2, true],
  ] as const) {
    it(`reads tiles from a ${label}`, async () => {
      const key = `peta/${label.replace(/ /g, '-')}.pmtiles`;
      await env.FILES.put(key, await buildArchive({ tiles, compression, useLeaf }));
      for (const [z, x, y, want] of tiles) expect(text(await readTile(env.FILES, key, z, x, y, 1000)), `${z}/${x}/${y}`).toBe(want);
      expect(await readTile(env.FILES, key, 1, 0, 0, 1000)).toBeNull();
      expect(await readTile(env.FILES, key, 15, 0, 0, 1000)).toBeNull(); // above max zoom
      expect((await readTile(env.FILES, key, 0, 0, 0, 1000))?.header.tileType).toBe(2);
    });
  }

  it('follows runs of one tile and offsets that are not consecutive', async () => {
    const key = 'peta/runs.pmtiles';
    // z1: ids 1..4 in Hilbert order; 'laut' covers ids 1, 2 and 3 with one copy of its bytes.
    await env.FILES.put(
      key,
      await buildArchive({
        tiles: [
          [0, 0, 0, 'akar'],
          [1, 0, 0, 'laut'],
          [1, 1, 0, 'darat'],
        ],
        compression: 2,
        runs: { laut: 3 },
        gap: 7,
      }),
    );
    expect(
      [await readTile(env.FILES, key, 1, 0, 0, 0), await readTile(env.FILES, key, 1, 0, 1, 0), await readTile(env.FILES, key, 1, 1, 1, 0)].map(text),
    ).toEqual(['laut', 'laut', 'laut']);
    expect(text(await readTile(env.FILES, key, 1, 1, 0, 0))).toBe('darat');
    expect(text(await readTile(env.FILES, key, 0, 0, 0, 0))).toBe('akar');
    expect(await readTile(env.FILES, key, 2, 0, 0, 0)).toBeNull();
  });

  it('caches the header and directories, and re-reads them when the archive changes', async () => {
    const key = 'peta/cache-uji.pmtiles';
    const bucket = countingBucket();
    await env.FILES.put(key, await buildArchive({ tiles, compression: 2, useLeaf: true }));
    expect(text(await readTile(bucket, key, 0, 0, 0, 0))).toBe('z0');
    let before = bucket.reads;
    expect(text(await readTile(bucket, key, 1, 1, 0, 10))).toBe('z1-1-0');
    expect(bucket.reads - before).toBe(1); // only the tile itself: header, root and leaf directory are cached
    expect(bucket.heads).toBe(1);

    // Replaced archive: the next tile read is conditional on the old etag, fails, and the package re-reads.
    await env.FILES.put(
      key,
      await buildArchive({
        tiles: [
          [0, 0, 0, 'baru'],
          [2, 0, 0, 'baru-2'],
        ],
        compression: 1,
      }),
    );
    expect(text(await readTile(bucket, key, 0, 0, 0, 20))).toBe('baru');
    before = bucket.reads;
    expect(text(await readTile(bucket, key, 2, 0, 0, 30))).toBe('baru-2');
    expect(bucket.reads - before).toBe(1);

    // A tile the cached directory does not list shows up once the etag is re-checked (at most a minute later).
    await env.FILES.put(key, await buildArchive({ tiles: [[3, 1, 1, 'tambahan']], compression: 1 }));
    expect(text(await readTile(bucket, key, 3, 1, 1, 120_000))).toBe('tambahan');
    expect(bucket.heads).toBe(2);
  });

  it('answers null for a missing archive and refuses something that is not a PMTiles v3 archive', async () => {
    expect(await readTile(env.FILES, 'peta/tidak-ada.pmtiles', 0, 0, 0)).toBeNull();
    await env.FILES.put('peta/bukan.pmtiles', new TextEncoder().encode('bukan arsip'.padEnd(200, '.')));
    await expect(readTile(env.FILES, 'peta/bukan.pmtiles', 0, 0, 0)).rejects.toThrow(/PMTiles/);
  });
});

describe('basemap configuration', () => {
  const files = {} as R2Bucket;
  it('is off unless a PMTiles key or a valid https template is set', () => {
    expect(basemapConfig({ FILES: files })).toBeNull();
    expect(basemapConfig({ FILES: files, MAP_TILE_URL: '', MAP_PMTILES_KEY: '' })).toBeNull();
    expect(basemapConfig({ FILES: files, MAP_TILE_URL: 'http://tiles.example.id/{z}/{x}/{y}.png' })).toBeNull();
    expect(basemapConfig({ FILES: files, MAP_TILE_URL: 'https://tiles.example.id/{z}/{x}.png' })).toBeNull();
    const up = basemapConfig({
      FILES: files,
      MAP_TILE_URL: 'https://tiles.example.id/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© Kontributor',
      MAP_TILE_MAX_ZOOM: '16',
    });
    expect(up).toEqual({
      source: { kind: 'upstream', template: 'https://tiles.example.id/{z}/{x}/{y}.png' },
      tiles: '/peta/ubin/{z}/{x}/{y}',
      attribution: '© Kontributor',
      maxZoom: 16,
    });
    expect(basemapConfig({ FILES: files, MAP_PMTILES_KEY: 'peta/kutim.pmtiles', MAP_TILE_MAX_ZOOM: 'banyak' })).toMatchObject({
      source: { kind: 'pmtiles', key: 'peta/kutim.pmtiles' },
      maxZoom: 18,
    });
  });
  it('parses tile coordinates strictly', () => {
    expect(parseTileParams('3', '7', '7', 18)).toEqual([3, 7, 7]);
    expect(parseTileParams('3', '8', '0', 18)).toBeNull();
    expect(parseTileParams('19', '0', '0', 18)).toBeNull();
    expect(parseTileParams('1', '-1', '0', 18)).toBeNull();
    expect(parseTileParams('1', '0', '0x', 18)).toBeNull();
  });
  it('serves a PMTiles tile with the archive’s image type', async () => {
    await env.FILES.put('peta/uji.pmtiles', await buildArchive({ tiles: [[0, 0, 0, 'jpeg-bytes']], compression: 2, tileType: 3 }));
    const basemapEnv = { FILES: env.FILES, MAP_PMTILES_KEY: 'peta/uji.pmtiles' };
    const config = basemapConfig(basemapEnv)!;
    const res = await basemapTile(basemapEnv, config, 0, 0, 0);
    expect(res?.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res?.headers.get('Cache-Control')).toContain('public');
    expect(new TextDecoder().decode(await res!.arrayBuffer())).toBe('jpeg-bytes');
    expect(await basemapTile(basemapEnv, config, 1, 0, 0)).toBeNull();
  });
});
