import type { FreshnessState, MonitoringSettingsRow, RegionLevel } from '../../db/schema';
import { daysAgo } from '../../lib/time';

/**
 * Freshness of a region = whole WITA days since the region's OWN last published content (a published post of any
 * kind, or a public, non-deleted document), compared with the thresholds of its level (kelurahan use the desa
 * thresholds): `segar` while days <= fresh, `usang` once days > stale, `perlu_pembaruan` in between. A region that
 * never published anything is `usang`.
 *
 * Why not `regions.last_content_update`? That column is the public "Diperbarui" date: it rolls up descendants (a
 * village's news also refreshes its kecamatan and the regency) and never moves backwards (an unpublished post keeps
 * it). Monitoring asks whether the region's own operators keep their site alive, so the jobs recompute it from
 * posts and documents by region_code.
 */
export interface Thresholds {
  freshDays: number;
  staleDays: number;
}

export function thresholdsFor(
  s: Pick<MonitoringSettingsRow, 'kabupatenFreshDays' | 'kabupatenStaleDays' | 'kecamatanFreshDays' | 'kecamatanStaleDays' | 'desaFreshDays' | 'desaStaleDays'>,
  level: RegionLevel,
): Thresholds {
  switch (level) {
    case 'kabupaten':
      return { freshDays: s.kabupatenFreshDays, staleDays: s.kabupatenStaleDays };
    case 'kecamatan':
      return { freshDays: s.kecamatanFreshDays, staleDays: s.kecamatanStaleDays };
    default:
      return { freshDays: s.desaFreshDays, staleDays: s.desaStaleDays };
  }
}

export function freshnessOf(lastContentAt: number | null, now: number, t: Thresholds): FreshnessState {
  if (lastContentAt === null) return 'usang';
  const days = Math.max(0, daysAgo(lastContentAt, now));
  if (days <= t.freshDays) return 'segar';
  return days > t.staleDays ? 'usang' : 'perlu_pembaruan';
}

/** Start of the current uninterrupted `segar` streak (kept while the region stays fresh, reset otherwise). */
export function nextFreshSince(
  prev: { freshness: FreshnessState | null; freshSince: number | null } | undefined,
  state: FreshnessState,
  now: number,
): number | null {
  if (state !== 'segar') return null;
  return prev?.freshness === 'segar' && prev.freshSince !== null ? prev.freshSince : now;
}

export const FRESHNESS_LABELS: Record<FreshnessState, string> = {
  segar: 'Segar',
  perlu_pembaruan: 'Perlu pembaruan',
  usang: 'Usang',
};
