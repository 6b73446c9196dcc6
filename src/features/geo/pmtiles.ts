// A minimal reader for PMTiles v3 archives (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) stored in
// R2, used for the optional raster base map. Reads the 127-byte header and directories with range requests; internal
// compression none or gzip. Directories are cached per isolate (keyed by the object's etag).

export interface RangeSource {
  /** Bytes [offset, offset + length) of the archive, plus an identity that changes when the archive changes. */
  read(offset: number, length: number): Promise<{ bytes: Uint8Array; etag: string } | null>;
}

export interface PmtilesHeader {
  rootDirectoryOffset: number;
  rootDirectoryLength: number;
  leafDirectoryOffset: number;
  tileDataOffset: number;
  internalCompression: number;
  tileCompression: number;
  tileType: number;
  minZoom: number;
  maxZoom: number;
}

export interface DirEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export const TILE_TYPES: Record<number, { mime: string; ext: string } | undefined> = {
  2: { mime: 'image/png', ext: 'png' },
  3: { mime: 'image/jpeg', ext: 'jpg' },
  4: { mime: 'image/webp', ext: 'webp' },
  5: { mime: 'image/avif', ext: 'avif' },
};
const COMPRESSION_NONE = 1;
const COMPRESSION_GZIP = 2;

/** (4^z - 1) / 3: the number of tiles on all zoom levels below z. */
function tilesBelow(z: number): number {
  return (4 ** z - 1) / 3;
}

/** Hilbert-curve tile id of z/x/y (PMTiles v3). */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (!Number.isInteger(z) || z < 0 || z > 26) throw new RangeError('zoom out of range');
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) throw new RangeError('tile out of range');
  let d = 0;
  let tx = x;
  let ty = y;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) [tx, ty] = [n - 1 - tx, n - 1 - ty];
      [tx, ty] = [ty, tx];
    }
  }
  return tilesBelow(z) + d;
}

function u64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
}

export function parseHeader(bytes: Uint8Array): PmtilesHeader {
  if (bytes.length < 127 || String.fromCharCode(...bytes.subarray(0, 7)) !== 'PMTiles' || bytes[7] !== 3) {
    throw new Error('not a PMTiles v3 archive');
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    rootDirectoryOffset: u64(v, 8),
    rootDirectoryLength: u64(v, 16),
    leafDirectoryOffset: u64(v, 40),
    tileDataOffset: u64(v, 56),
    internalCompression: v.getUint8(97),
    tileCompression: v.getUint8(98),
    tileType: v.getUint8(99),
    minZoom: v.getUint8(100),
    maxZoom: v.getUint8(101),
  };
}

async function decompress(bytes: Uint8Array, compression: number): Promise<Uint8Array> {
  if (compression === COMPRESSION_NONE || compression === 0) return bytes;
  if (compression !== COMPRESSION_GZIP) throw new Error(`unsupported PMTiles internal compression ${compression}`);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Parses a (decompressed) directory: count, then columns of tile-id deltas, run lengths, lengths and offsets. */
export function parseDirectory(bytes: Uint8Array): DirEntry[] {
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 1;
    for (;;) {
      if (pos >= bytes.length) throw new Error('truncated PMTiles directory');
      const b = bytes[pos++] ?? 0;
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  };
  const n = varint();
  const entries: DirEntry[] = [];
  let lastId = 0;
  for (let i = 0; i < n; i++) {
    lastId += varint();
    entries.push({ tileId: lastId, offset: 0, length: 0, runLength: 0 });
  }
  for (const e of entries) e.runLength = varint();
  for (const e of entries) e.length = varint();
  entries.forEach((e, i) => {
    const v = varint();
    const prev = entries[i - 1];
    e.offset = v === 0 && prev ? prev.offset + prev.length : v - 1;
  });
  return entries;
}

/** The entry covering `tileId`: an exact/run match, or a leaf-directory pointer (runLength 0). */
export function findEntry(entries: DirEntry[], tileId: number): DirEntry | null {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid];
    if (!e) break;
    if (tileId > e.tileId) lo = mid + 1;
    else if (tileId < e.tileId) hi = mid - 1;
    else return e;
  }
  const e = hi >= 0 ? entries[hi] : undefined;
  if (!e) return null;
  if (e.runLength === 0 || tileId - e.tileId < e.runLength) return e;
  return null;
}

interface CachedArchive {
  etag: string;
  checkedAt: number;
  header: PmtilesHeader;
  dirs: Map<number, DirEntry[]>;
}
const cache = new Map<string, CachedArchive>();
/** How long a cached header is trusted before the archive's etag is checked again. */
const RECHECK_MS = 60_000;

async function openArchive(source: RangeSource, cacheKey: string, now: number): Promise<CachedArchive | null> {
  const cached = cache.get(cacheKey);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached;
  const head = await source.read(0, 127);
  if (!head) return null;
  if (cached && cached.etag === head.etag) {
    cached.checkedAt = now;
    return cached;
  }
  const header = parseHeader(head.bytes);
  const root = await source.read(header.rootDirectoryOffset, header.rootDirectoryLength);
  if (!root) return null;
  const archive: CachedArchive = { etag: head.etag, checkedAt: now, header, dirs: new Map([[-1, parseDirectory(await decompress(root.bytes, header.internalCompression))]]) };
  if (cache.size > 8) cache.clear();
  cache.set(cacheKey, archive);
  return archive;
}

/** Reads tile z/x/y; null when the archive (or the tile) does not exist. */
export async function readTile(source: RangeSource, cacheKey: string, z: number, x: number, y: number, now = Date.now()): Promise<{ bytes: Uint8Array; header: PmtilesHeader } | null> {
  const archive = await openArchive(source, cacheKey, now);
  if (!archive) return null;
  const { header, dirs } = archive;
  if (z < header.minZoom || z > header.maxZoom) return null;
  const tileId = zxyToTileId(z, x, y);
  let entries = dirs.get(-1) ?? [];
  for (let depth = 0; depth < 4; depth++) {
    const entry = findEntry(entries, tileId);
    if (!entry) return null;
    if (entry.runLength > 0) {
      const tile = await source.read(header.tileDataOffset + entry.offset, entry.length);
      return tile ? { bytes: tile.bytes, header } : null;
    }
    const leafOffset = header.leafDirectoryOffset + entry.offset;
    let leaf = dirs.get(leafOffset);
    if (!leaf) {
      const raw = await source.read(leafOffset, entry.length);
      if (!raw) return null;
      leaf = parseDirectory(await decompress(raw.bytes, header.internalCompression));
      if (dirs.size > 256) for (const k of [...dirs.keys()]) if (k !== -1) dirs.delete(k);
      dirs.set(leafOffset, leaf);
    }
    entries = leaf;
  }
  return null;
}

/** An R2 object as a range source. */
export function r2Source(bucket: R2Bucket, key: string): RangeSource {
  return {
    async read(offset, length) {
      const obj = await bucket.get(key, { range: { offset, length } });
      if (!obj) return null;
      return { bytes: new Uint8Array(await obj.arrayBuffer()), etag: obj.etag };
    },
  };
}
