import type { Db } from '../../db/client';
import type { ComplaintStatus, RegionLevel } from '../../db/schema';
import { figureRows } from './repo';
import { CLOSED_STATUSES, OPEN_STATUSES } from './status-machine';

/**
 * Public figures of a region (rolled up over its subtree). Confidential reports count here, as numbers only; a report
 * counts once it has been verified, so an unverified report changes no public page (and purges no cached page).
 */
export interface ComplaintFigures {
  received: number;
  inProgress: number;
  finished: number;
  /** Share of finished reports whose every handler deadline was met; null while nothing is finished. */
  onTimePercent: number | null;
}

type Row = { group: string; status: ComplaintStatus; onTime: boolean; n: number };

export function figuresFrom(rows: Row[]): ComplaintFigures {
  let received = 0;
  let inProgress = 0;
  let finished = 0;
  let onTime = 0;
  for (const r of rows) {
    if (r.status === 'diarsipkan') continue;
    received += r.n;
    if (OPEN_STATUSES.includes(r.status)) inProgress += r.n;
    if (CLOSED_STATUSES.includes(r.status)) {
      finished += r.n;
      if (r.onTime) onTime += r.n;
    }
  }
  return { received, inProgress, finished, onTimePercent: finished ? Math.round((onTime / finished) * 100) : null };
}

/** Length of a child's code: kabupaten 64.08 → kecamatan 64.08.04 (8), kecamatan → desa 64.08.04.2012 (13). */
const CHILD_CODE_LENGTH: Partial<Record<RegionLevel, number>> = { kabupaten: 8, kecamatan: 13 };

/** Figures of the region and, for kabupaten and kecamatan, of each child region (one query). */
export async function regionFigures(db: Db, region: { code: string; level: RegionLevel }) {
  const childLen = CHILD_CODE_LENGTH[region.level];
  const rows = await figureRows(db, region.code, childLen);
  const byChild = new Map<string, Row[]>();
  for (const r of rows) byChild.set(r.group, [...(byChild.get(r.group) ?? []), r]);
  return {
    total: figuresFrom(rows),
    byChild: new Map([...byChild.entries()].map(([code, list]) => [code, figuresFrom(list)])),
  };
}
