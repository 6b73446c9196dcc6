// Raster tiles of the optional base map from a PMTiles v3 archive in R2, read with the `pmtiles` package through an
// R2 range source. Headers and directories are cached per isolate (ResolvedValueCache: Workers cannot share promises
// between requests, only resolved values). A replaced archive is noticed two ways: every tile read is conditional on
// the cached header's etag (a mismatch makes the package drop its cache and retry once), and the etag is re-checked
// with a HEAD at most once a minute, so a tile missing from an old directory does not stay missing.
import { EtagMismatch, PMTiles, ResolvedValueCache, type Header, type Source } from 'pmtiles';

export const TILE_TYPES: Record<number, { mime: string; ext: string } | undefined> = {
  2: { mime: 'image/png', ext: 'png' },
  3: { mime: 'image/jpeg', ext: 'jpg' },
  4: { mime: 'image/webp', ext: 'webp' },
  5: { mime: 'image/avif', ext: 'avif' },
};

/** How long a cached header is trusted before the archive's etag is checked again. */
const RECHECK_MS = 60_000;
const cache = new ResolvedValueCache(64);
const checkedAt = new Map<string, number>();

class ArchiveMissing extends Error {}

/** Byte ranges of one R2 object; a read conditional on an etag that no longer matches throws EtagMismatch. */
export function r2Source(bucket: R2Bucket, key: string): Source {
  return {
    getKey: () => `r2:${key}`,
    async getBytes(offset, length, _signal, etag) {
      const obj = await bucket.get(key, { range: { offset, length }, ...(etag ? { onlyIf: { etagMatches: etag } } : {}) });
      if (!obj) throw new ArchiveMissing(`PMTiles ${key} not found`);
      if (!('body' in obj)) throw new EtagMismatch(`PMTiles ${key} changed`);
      return { data: await obj.arrayBuffer(), etag: obj.etag };
    },
  };
}

/** Drops the cached header and directories when the archive's etag changed since they were read. */
async function recheck(bucket: R2Bucket, key: string, source: Source, archive: PMTiles, now: number): Promise<boolean> {
  const last = checkedAt.get(key);
  if (last !== undefined && now - last < RECHECK_MS) return true;
  const head = await bucket.head(key);
  if (!head) return false;
  if ((await archive.getHeader()).etag !== head.etag) await cache.invalidate(source);
  if (checkedAt.size > 64) checkedAt.clear();
  checkedAt.set(key, now);
  return true;
}

/** Tile z/x/y of the archive at `key`; null when the archive or the tile does not exist. Throws on a broken archive. */
export async function readTile(
  bucket: R2Bucket,
  key: string,
  z: number,
  x: number,
  y: number,
  now = Date.now(),
): Promise<{ bytes: Uint8Array; header: Header } | null> {
  const source = r2Source(bucket, key);
  const archive = new PMTiles(source, cache);
  try {
    if (!(await recheck(bucket, key, source, archive, now))) return null;
    const tile = await archive.getZxy(z, x, y);
    return tile ? { bytes: new Uint8Array(tile.data), header: await archive.getHeader() } : null;
  } catch (err) {
    if (err instanceof ArchiveMissing) return null;
    throw err;
  }
}
