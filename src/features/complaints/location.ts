/**
 * Where the public may see a report. The exact GPS point of a report can identify its reporter (their house, their
 * field), so the public list, the API and the complaint map layer show the point snapped to the centre of a grid cell
 * of GRID_DEGREES (≈ 220 m at Kutai Timur's latitudes) — unless the reporter agreed to publish the exact point, which
 * an anonymous report never does. Officers and the reporter see the exact point.
 *
 * Snapping (not random jitter) is deterministic: the same report always shows the same point, so repeated requests
 * cannot be averaged back to the original.
 */
export const GRID_DEGREES = 0.002;

export interface LocatedReport {
  lat: number | null;
  lng: number | null;
  isAnonymous: boolean;
  exactLocationPublic: boolean;
}

function snap(v: number): number {
  const cell = Math.floor(v / GRID_DEGREES);
  return Math.round((cell * GRID_DEGREES + GRID_DEGREES / 2) * 1e6) / 1e6;
}

/** The point the public may see, or nulls when the report has none. */
export function publicLocation(r: LocatedReport): { lat: number | null; lng: number | null; exact: boolean } {
  if (r.lat === null || r.lng === null) return { lat: null, lng: null, exact: false };
  if (r.exactLocationPublic && !r.isAnonymous) return { lat: r.lat, lng: r.lng, exact: true };
  return { lat: snap(r.lat), lng: snap(r.lng), exact: false };
}
