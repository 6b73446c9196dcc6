// Types of geo-simplify.mjs (plain JavaScript shared by the app and the Node seed scripts).

export type Position = [lng: number, lat: number];
export type Ring = Position[];
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface SimplifyOptions {
  /** Rings that collapse and are smaller than this (square degrees) are dropped, except the largest outer ring. */
  tinyArea?: number;
  /** Drop a degenerate (zero-area) largest outer ring instead of throwing. */
  allowDegenerate?: boolean;
}
export interface SimplifyResult<G extends AreaGeometry> {
  geometry: G;
  keptUnsimplified: number;
  droppedRings: number;
  refinedRings: number;
}

/** Signed shoelace area in square degrees: positive for counter-clockwise rings. */
export function ringArea(ring: Ring): number;
export function isClosedRing(ring: Ring): boolean;
export function simplifyRing(ring: Ring, tolerance: number): Ring | null;
export function simplifyOpenRing<P extends [number, number]>(open: P[], tolerance: number): P[];
export function ringSelfIntersects(ring: Ring): boolean;
export function simplifyRingSafely(ring: Ring, tolerance: number): { ring: Ring | null; refined: boolean };
export function simplifyGeometry<G extends AreaGeometry>(geometry: G, tolerance: number, options?: SimplifyOptions): SimplifyResult<G>;
export function orientRing(ring: Ring, counterClockwise: boolean): Ring;
export function rewindGeometry<G extends AreaGeometry>(geometry: G): G;
export function hasRfc7946Winding(geometry: AreaGeometry): boolean;
export function polygonsOf(geometry: AreaGeometry): Ring[][];
export function bbox(geometry: AreaGeometry, decimals?: number): Bbox;
export function roundBboxOutward(box: Bbox, decimals?: number): Bbox;
export function countPositions(geometry: AreaGeometry): number;
