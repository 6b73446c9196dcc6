// Optional base map under the boundaries, OFF by default (the map works offline without it). Switched on by
// configuration ([vars] in wrangler.toml or the dashboard):
//   MAP_PMTILES_KEY       R2 key (bucket FILES) of a raster PMTiles v3 archive (png/jpg/webp tiles), or
//   MAP_TILE_URL          an https XYZ raster template, e.g. https://tiles.example.id/{z}/{x}/{y}.png
//   MAP_TILE_ATTRIBUTION  text shown on the map (required by most tile licences)
//   MAP_TILE_MAX_ZOOM     highest zoom to request (default 18)
// Either way the browser only ever asks this origin (/peta/ubin/{z}/{x}/{y}); the worker reads R2 or fetches the
// upstream tile, so the CSP stays 'self' and no visitor request leaves the portal.
import { readTile, TILE_TYPES } from './pmtiles';

export interface BasemapEnv {
  FILES: R2Bucket;
  MAP_TILE_URL?: string;
  MAP_PMTILES_KEY?: string;
  MAP_TILE_ATTRIBUTION?: string;
  MAP_TILE_MAX_ZOOM?: string;
}

export type BasemapSource = { kind: 'pmtiles'; key: string } | { kind: 'upstream'; template: string };

export interface BasemapConfig {
  source: BasemapSource;
  /** Same-origin tile URL template for the browser. */
  tiles: string;
  attribution: string;
  maxZoom: number;
}

export const BASEMAP_TILE_PATH = '/peta/ubin';
const TEMPLATE_RE = /^https:\/\/[^\s"'<>]+$/;
const MAX_UPSTREAM_BYTES = 1024 * 1024;
const TILE_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** The configured base map, or null (the default: boundaries on a plain background). */
export function basemapConfig(env: BasemapEnv): BasemapConfig | null {
  const key = (env.MAP_PMTILES_KEY ?? '').trim();
  const template = (env.MAP_TILE_URL ?? '').trim();
  let source: BasemapSource | null = null;
  if (key) source = { kind: 'pmtiles', key };
  else if (TEMPLATE_RE.test(template) && ['{z}', '{x}', '{y}'].every((t) => template.includes(t))) source = { kind: 'upstream', template };
  if (!source) return null;
  const zoom = Number(env.MAP_TILE_MAX_ZOOM);
  return {
    source,
    tiles: `${BASEMAP_TILE_PATH}/{z}/{x}/{y}`,
    attribution: (env.MAP_TILE_ATTRIBUTION ?? '').trim().slice(0, 200),
    maxZoom: Number.isInteger(zoom) && zoom >= 0 && zoom <= 22 ? zoom : 18,
  };
}

/** Parses z/x/y from the route; null when out of range. */
export function parseTileParams(z: string, x: string, y: string, maxZoom: number): [number, number, number] | null {
  if (![z, x, y].every((v) => /^\d{1,8}$/.test(v))) return null;
  const [zn, xn, yn] = [Number(z), Number(x), Number(y)];
  if (zn > maxZoom || zn > 22 || xn >= 2 ** zn || yn >= 2 ** zn) return null;
  return [zn, xn, yn];
}

function tileResponse(body: Uint8Array | ArrayBuffer, contentType: string): Response {
  return new Response(body as BodyInit, { headers: { 'Content-Type': contentType, 'Cache-Control': TILE_CACHE_CONTROL } });
}

/** One base map tile, or null when there is none (the route answers 404). */
export async function basemapTile(env: BasemapEnv, config: BasemapConfig, z: number, x: number, y: number): Promise<Response | null> {
  if (config.source.kind === 'pmtiles') {
    const tile = await readTile(env.FILES, config.source.key, z, x, y);
    if (!tile) return null;
    const type = TILE_TYPES[tile.header.tileType];
    if (!type) throw new Error(`PMTiles ${config.source.key}: tile type ${tile.header.tileType} is not a raster image`);
    return tileResponse(tile.bytes, type.mime);
  }
  const url = config.source.template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
  const upstream = await fetch(url, { headers: { Accept: 'image/*' }, cf: { cacheEverything: true, cacheTtl: 86_400 } });
  const type = upstream.headers.get('Content-Type') ?? '';
  if (!upstream.ok || !/^image\/(png|jpeg|webp|avif)$/.test(type.split(';')[0]?.trim() ?? '')) {
    await upstream.body?.cancel();
    return null;
  }
  const bytes = await upstream.arrayBuffer();
  if (bytes.byteLength > MAX_UPSTREAM_BYTES) return null;
  return tileResponse(bytes, type);
}
