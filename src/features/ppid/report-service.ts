import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { regionTitle } from '../../regions/labels';
import { computeReport, yearWindow, type AnnualReport } from './report';
import { findRegion, loadCalendar, reportRows } from './repo';

/** Loads and computes the annual report of a region (its requests and those of every descendant). */
export async function loadReport(
  db: Db,
  regionCode: string,
  year: number,
): Promise<{ report: AnnualReport; regionName: string; region: NonNullable<Awaited<ReturnType<typeof findRegion>>> }> {
  const region = await findRegion(db, regionCode);
  if (!region) throw new AppError('not_found', 'Wilayah tidak ditemukan.');
  const { from, to } = yearWindow(year);
  const [rows, children, cal] = await Promise.all([
    reportRows(db, regionCode, from, to),
    db
      .select({ code: regions.code, name: regions.name, level: regions.level })
      .from(regions)
      .where(and(eq(regions.parentCode, regionCode)))
      .orderBy(asc(regions.name))
      .all(),
    loadCalendar(db),
  ]);
  const report = computeReport({
    year,
    region: { code: region.code, name: regionTitle(region) },
    children: children.map((c) => ({ code: c.code, name: regionTitle(c) })),
    rows,
    cal,
  });
  return { report, regionName: regionTitle(region), region };
}
