// PMTiles v3 reader (optional base map) and the base map configuration.
import { describe, expect, it } from 'vitest';
import { basemapConfig, basemapTile, parseTileParams } from '../../src/features/geo/basemap';
import { findEntry, parseDirectory, readTile, zxyToTileId, type DirEntry, type RangeSource } from '../../src/features/geo/pmtiles';

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function encodeDirectory(entries: DirEntry[]): Uint8Array {
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

/** Builds an archive: header, root dir, leaf dirs, tile data (each tile's bytes = its label). */
async function buildArchive(opts: { tiles: Array<[number, number, number, string]>; compression: 1 | 2; useLeaf?: boolean; tileType?: number }): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const sorted = opts.tiles.map(([z, x, y, label]) => ({ id: zxyToTileId(z, x, y), data: enc.encode(label) })).sort((a, b) => a.id - b.id);
  const data: number[] = [];
  const entries: DirEntry[] = sorted.map((t) => {
    const e = { tileId: t.id, offset: data.length, length: t.data.length, runLength: 1 };
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

function memorySource(bytes: Uint8Array, etag = 'v1'): RangeSource & { reads: number } {
  const src = {
    reads: 0,
    async read(offset: number, length: number) {
      src.reads++;
      return { bytes: bytes.slice(offset, offset + length), etag };
    },
  };
  return src;
}

describe('zxyToTileId', () => {
  it('matches the PMTiles v3 Hilbert numbering', () => {
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    expect([zxyToTileId(1, 0, 0), zxyToTileId(1, 0, 1), zxyToTileId(1, 1, 1), zxyToTileId(1, 1, 0)]).toEqual([1, 2, 3, 4]);
    expect(zxyToTileId(2, 0, 0)).toBe(5);
    expect(zxyToTileId(12, 3423, 1763)).toBe(19078479);
    const ids = new Set<number>();
    for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) ids.add(zxyToTileId(3, x, y));
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => 21 + i));
  });
  it('rejects tiles outside the zoom level', () => {
    expect(() => zxyToTileId(1, 2, 0)).toThrow(RangeError);
    expect(() => zxyToTileId(27, 0, 0)).toThrow(RangeError);
  });
});

describe('directories', () => {
  it('round-trips entries (consecutive offsets encoded as 0) and finds runs', () => {
    const entries: DirEntry[] = [
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 20, runLength: 3 },
      { tileId: 9, offset: 500, length: 7, runLength: 1 },
    ];
    expect(parseDirectory(encodeDirectory(entries))).toEqual(entries);
    expect(findEntry(entries, 6)?.tileId).toBe(5);
    expect(findEntry(entries, 8)).toBeNull();
    expect(findEntry(entries, 9)?.offset).toBe(500);
    expect(findEntry(entries, 100)).toBeNull();
    expect(() => parseDirectory(Uint8Array.from([5, 1]))).toThrow(/truncated/);
  });
});

describe('readTile', () => {
  const tiles: Array<[number, number, number, string]> = [[0, 0, 0, 'z0'], [1, 1, 0, 'z1-1-0'], [5, 26, 15, 'kutim']];
  for (const [label, compression, useLeaf] of [['uncompressed root', 1, false], ['gzip root', 2, false], ['gzip leaf directory', 2, true]] as const) {
    it(`reads tiles from a ${label}`, async () => {
      const src = memorySource(await buildArchive({ tiles, compression, useLeaf }));
      const key = `arsip-${label}`;
      for (const [z, x, y, want] of tiles) {
        const tile = await readTile(src, key, z, x, y, 1000);
        expect(new TextDecoder().decode(tile?.bytes), `${z}/${x}/${y}`).toBe(want);
      }
      expect(await readTile(src, key, 1, 0, 0, 1000)).toBeNull();
      expect(await readTile(src, key, 15, 0, 0, 1000)).toBeNull(); // above max zoom
    });
  }
  it('caches the header and directories, and re-reads them when the archive changes', async () => {
    const first = memorySource(await buildArchive({ tiles, compression: 1 }), 'a');
    await readTile(first, 'cache-uji', 0, 0, 0, 0);
    const before = first.reads;
    await readTile(first, 'cache-uji', 0, 0, 0, 10);
    expect(first.reads - before).toBe(1); // only the tile itself
    const changed = memorySource(await buildArchive({ tiles: [[0, 0, 0, 'baru']], compression: 1 }), 'b');
    const tile = await readTile(changed, 'cache-uji', 0, 0, 0, 120_000);
    expect(new TextDecoder().decode(tile?.bytes)).toBe('baru');
  });
  it('refuses something that is not a PMTiles v3 archive', async () => {
    await expect(readTile(memorySource(new TextEncoder().encode('bukan arsip'.padEnd(200, '.'))), 'bukan', 0, 0, 0)).rejects.toThrow(/PMTiles/);
  });
});

describe('basemap configuration', () => {
  const files = {} as R2Bucket;
  it('is off unless a PMTiles key or a valid https template is set', () => {
    expect(basemapConfig({ FILES: files })).toBeNull();
    expect(basemapConfig({ FILES: files, MAP_TILE_URL: '', MAP_PMTILES_KEY: '' })).toBeNull();
    expect(basemapConfig({ FILES: files, MAP_TILE_URL: 'http://tiles.example.id/{z}/{x}/{y}.png' })).toBeNull();
    expect(basemapConfig({ FILES: files, MAP_TILE_URL: 'https://tiles.example.id/{z}/{x}.png' })).toBeNull();
    const up = basemapConfig({ FILES: files, MAP_TILE_URL: 'https://tiles.example.id/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Kontributor', MAP_TILE_MAX_ZOOM: '16' });
    expect(up).toEqual({ source: { kind: 'upstream', template: 'https://tiles.example.id/{z}/{x}/{y}.png' }, tiles: '/peta/ubin/{z}/{x}/{y}', attribution: '© Kontributor', maxZoom: 16 });
    expect(basemapConfig({ FILES: files, MAP_PMTILES_KEY: 'peta/kutim.pmtiles', MAP_TILE_MAX_ZOOM: 'banyak' })).toMatchObject({ source: { kind: 'pmtiles', key: 'peta/kutim.pmtiles' }, maxZoom: 18 });
  });
  it('parses tile coordinates strictly', () => {
    expect(parseTileParams('3', '7', '7', 18)).toEqual([3, 7, 7]);
    expect(parseTileParams('3', '8', '0', 18)).toBeNull();
    expect(parseTileParams('19', '0', '0', 18)).toBeNull();
    expect(parseTileParams('1', '-1', '0', 18)).toBeNull();
    expect(parseTileParams('1', '0', '0x', 18)).toBeNull();
  });
  it('serves a PMTiles tile with the archive’s image type', async () => {
    const archive = await buildArchive({ tiles: [[0, 0, 0, 'png-bytes']], compression: 2, tileType: 3 });
    const bucket = {
      async get(_key: string, opts: { range: { offset: number; length: number } }) {
        const slice = archive.slice(opts.range.offset, opts.range.offset + opts.range.length);
        return { etag: 'e1', arrayBuffer: async () => slice.buffer };
      },
    } as unknown as R2Bucket;
    const env = { FILES: bucket, MAP_PMTILES_KEY: 'uji.pmtiles' };
    const config = basemapConfig(env)!;
    const res = await basemapTile(env, config, 0, 0, 0);
    expect(res?.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res?.headers.get('Cache-Control')).toContain('public');
    expect(new TextDecoder().decode(await res!.arrayBuffer())).toBe('png-bytes');
    expect(await basemapTile(env, config, 1, 0, 0)).toBeNull();
  });
});
