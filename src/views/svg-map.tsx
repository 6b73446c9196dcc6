// Server-rendered SVG map (no JavaScript, no inline styles: CSP-safe). Styling hooks are classes;
// presentation attributes on the groups give a legible default when no stylesheet applies.
import type { FC } from 'hono/jsx';
import type { Bbox, BoundaryGeometry, Position } from '../lib/geometry';
import { geometryBbox, polygonsOf } from '../lib/geometry';
import { simplifyOpenRing } from '../lib/geo-simplify.mjs';

export interface Projection {
  project(position: Position): [x: number, y: number];
  width: number;
  height: number;
  /** SVG units per projected degree. */
  scale: number;
}

/** Minimum distance (SVG units) between kept ring points. */
export const MIN_POINT_DISTANCE = 0.8;
/** Douglas–Peucker tolerance (SVG units) applied after thinning. */
export const SIMPLIFY_TOLERANCE = 0.8;

/**
 * Equirectangular projection fitted into width × height (minus padding), x scaled by
 * cos(mid-latitude), uniform scale, north up, content centred. When height is undefined it is
 * derived from the bbox aspect ratio (capped at 1.5 × width).
 */
export function makeProjection(bbox: Bbox, width: number, height?: number, padding = 8): Projection {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const innerW = Math.max(width - 2 * padding, 1);
  const h = height ?? Math.min(Math.ceil((innerW * spanY) / spanX + 2 * padding), Math.ceil(width * 1.5));
  const innerH = Math.max(h - 2 * padding, 1);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (h - spanY * scale) / 2;
  return {
    width,
    height: h,
    scale,
    project: ([lng, lat]) => [offsetX + (lng - minLng) * kx * scale, offsetY + (maxLat - lat) * scale],
  };
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Projects, rounds and thins one ring; returns [] when fewer than 3 distinct points remain. */
function ringPoints(ring: Position[], projection: Projection): [number, number][] {
  const kept: [number, number][] = [];
  const min2 = MIN_POINT_DISTANCE * MIN_POINT_DISTANCE;
  let last: [number, number] | undefined;
  for (const position of ring) {
    const [px, py] = projection.project(position);
    const point: [number, number] = [round1(px), round1(py)];
    if (last && (point[0] - last[0]) ** 2 + (point[1] - last[1]) ** 2 < min2) continue;
    kept.push(point);
    last = point;
  }
  // The closing point (and any near it) is implied by Z.
  const first = kept[0];
  while (kept.length > 1 && first) {
    const tail = kept[kept.length - 1];
    if (!tail || (tail[0] - first[0]) ** 2 + (tail[1] - first[1]) ** 2 >= min2) break;
    kept.pop();
  }
  const simplified = kept.length > 4 ? simplifyOpenRing(kept, SIMPLIFY_TOLERANCE) : kept;
  return simplified.length >= 3 ? simplified : [];
}

/** SVG path data ('M x y L x y … Z' per ring) for a geometry; '' when everything is sub-pixel. */
export function svgMapPathData(geom: BoundaryGeometry, projection: Projection): string {
  let d = '';
  for (const polygon of polygonsOf(geom)) {
    for (const ring of polygon) {
      const points = ringPoints(ring, projection);
      if (points.length === 0) continue;
      d += points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join('') + 'Z';
    }
  }
  return d;
}

export interface SvgMapRegion {
  name: string;
  boundary: BoundaryGeometry | null;
  bbox: Bbox | null;
}
export interface SvgMapChild {
  name: string;
  href: string;
  boundary: BoundaryGeometry | null;
  lat: number | null;
  lng: number | null;
}
export interface SvgMapPlace {
  name: string;
  lat: number;
  lng: number;
  category: string;
}
export interface SvgMapProps {
  region: SvgMapRegion;
  children: SvgMapChild[];
  places?: SvgMapPlace[];
  title: string;
  width?: number;
  /** Prefix for element ids (default 'peta'); use distinct values for several maps on one page. */
  id?: string;
}

/** Places get their names on the map only up to this many (more would cover each other). */
export const MAX_LABELED_PLACES = 12;

/** Labels are drawn only up to this many children. */
export const MAX_LABELED_CHILDREN = 25;

const classSuffix = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 32);

function mapBbox(region: SvgMapRegion, children: SvgMapChild[]): Bbox | null {
  if (region.bbox) return region.bbox;
  if (region.boundary) return geometryBbox(region.boundary);
  const boxes = children.flatMap((c): Bbox[] =>
    c.boundary ? [geometryBbox(c.boundary)] : c.lat !== null && c.lng !== null ? [[c.lng, c.lat, c.lng, c.lat]] : [],
  );
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}

export const SvgMap: FC<SvgMapProps> = (props) => {
  const { region, title } = props;
  const kids: SvgMapChild[] = Array.isArray(props.children) ? props.children : [];
  const width = props.width ?? 320;
  const bbox = mapBbox(region, kids);
  if (!bbox) return null;
  const projection = makeProjection(bbox, width, undefined, 8);
  const { width: w, height: h } = projection;
  const at = (lng: number, lat: number) => projection.project([lng, lat]).map(round1) as [number, number];
  const idPrefix = props.id ?? 'peta';
  const titleId = `${idPrefix}-judul`;
  const regionPath = region.boundary ? svgMapPathData(region.boundary, projection) : '';
  const places = (props.places ?? []).map((p) => ({ p, xy: at(p.lng, p.lat) })).filter(({ xy: [x, y] }) => x >= 0 && x <= w && y >= 0 && y <= h);
  const labeled = kids.length <= MAX_LABELED_CHILDREN;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="map"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role={kids.length > 0 ? 'group' : 'img'}
      aria-labelledby={titleId}
    >
      <title id={titleId}>{title}</title>
      {regionPath && <path class="map-region" d={regionPath} fill="#eef2e8" stroke="#6b7a66" stroke-width="1" />}
      {kids.length > 0 && (
        <g class="map-children" fill="#d6e6cc" stroke="#fff" stroke-width="0.8">
          {kids.map((c) => {
            const d = c.boundary ? svgMapPathData(c.boundary, projection) : '';
            const xy = c.lat !== null && c.lng !== null ? at(c.lng, c.lat) : null;
            if (!d && !xy) return null;
            return (
              <a href={c.href} aria-label={c.name}>
                {d ? (
                  <path class="map-child" d={d}>
                    <title>{c.name}</title>
                  </path>
                ) : xy ? (
                  <circle class="map-child" cx={xy[0]} cy={xy[1]} r="4">
                    <title>{c.name}</title>
                  </circle>
                ) : null}
              </a>
            );
          })}
        </g>
      )}
      {labeled && kids.length > 0 && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of text is not focusable; the names are in the list below the map
        <g class="map-labels" aria-hidden="true" fill="#22301e" stroke="none" font-size="9" text-anchor="middle" pointer-events="none">
          {kids.map((c) => {
            if (c.lat === null || c.lng === null) return null;
            const [x, y] = at(c.lng, c.lat);
            return (
              <text class="map-label" x={x} y={y}>
                {c.name}
              </text>
            );
          })}
        </g>
      )}
      {places.length > 0 && (
        <g class="map-places" fill="#b03a2e" stroke="#fff" stroke-width="1">
          {places.map(({ p, xy }) => (
            <circle class={`map-place map-place-${classSuffix(p.category) || 'lain'}`} cx={xy[0]} cy={xy[1]} r="3">
              <title>{p.name}</title>
            </circle>
          ))}
        </g>
      )}
      {places.length > 0 && places.length <= MAX_LABELED_PLACES && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of text is not focusable; the places are listed below the map
        <g class="map-place-labels" aria-hidden="true" fill="#5a1d17" stroke="#fff" stroke-width="2" paint-order="stroke" font-size="8" pointer-events="none">
          {places.map(({ p, xy }) => (
            <text class="map-place-label" x={round1(xy[0] + 5)} y={round1(xy[1] + 3)}>
              {p.name}
            </text>
          ))}
        </g>
      )}
    </svg>
  );
};
