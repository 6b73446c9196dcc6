import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { monitoringChecklist, monitoringSettings, type ChecklistItemRow, type MonitoringSettingsRow, type RegionLevel } from '../../db/schema';
import { witaParts } from '../../lib/time';

/** Used only if the settings row is missing (the migration inserts it). */
export const DEFAULT_SETTINGS: MonitoringSettingsRow = {
  id: 1,
  enabled: true,
  kabupatenFreshDays: 7,
  kabupatenStaleDays: 21,
  kecamatanFreshDays: 14,
  kecamatanStaleDays: 30,
  desaFreshDays: 30,
  desaStaleDays: 60,
  readinessDays: 90,
  escalateAfterDays: 3,
  digestEnabled: false,
  webhookUrl: null,
  updatedAt: 0,
  updatedBy: null,
};

export async function loadSettings(db: Db): Promise<MonitoringSettingsRow> {
  return (await db.select().from(monitoringSettings).where(eq(monitoringSettings.id, 1)).get()) ?? DEFAULT_SETTINGS;
}

export async function loadChecklist(db: Db, opts: { activeOnly?: boolean } = {}): Promise<ChecklistItemRow[]> {
  return db
    .select()
    .from(monitoringChecklist)
    .where(opts.activeOnly ? eq(monitoringChecklist.isActive, true) : undefined)
    .orderBy(asc(monitoringChecklist.level), asc(monitoringChecklist.sortOrder), asc(monitoringChecklist.id))
    .all();
}

export async function findChecklistItem(db: Db, id: string) {
  return db
    .select()
    .from(monitoringChecklist)
    .where(and(eq(monitoringChecklist.id, id)))
    .get();
}

/** The checklist requirement an item makes in a given WITA year. */
export interface Requirement {
  item: ChecklistItemRow;
  /** Document year required (null = any year; pages and the PPID profile have none). */
  year: number | null;
  /** Stable flag key: one flag per item and required year. */
  key: string;
  label: string;
}

/** The WITA calendar year of an instant (01:00 WITA on 1 January is already the new year). */
export function witaYear(now: number): number {
  return witaParts(now).year;
}

export function requirementsFor(items: readonly ChecklistItemRow[], level: RegionLevel, now: number): Requirement[] {
  const year = witaYear(now);
  return items
    .filter((i) => i.isActive && i.level === level && (i.fromYear === null || year >= i.fromYear) && (i.untilYear === null || year <= i.untilYear))
    .map((item) => {
      const y = item.kind === 'dokumen' && item.yearOffset !== null ? year + item.yearOffset : null;
      return { item, year: y, key: `ceklis:${item.id}:${y ?? 'semua'}`, label: y === null ? item.label : `${item.label} (${y})` };
    });
}

export function categoriesOf(item: Pick<ChecklistItemRow, 'categories'>): string[] {
  return (item.categories ?? '').split(/\s+/).filter(Boolean);
}
