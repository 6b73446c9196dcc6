import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { holidays } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { authorize } from '../../regions/guard';
import { rootRegionCode } from '../../regions/repo';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { HOLIDAY_KIND_LABELS, type HolidayForm } from './schemas';
import { findHoliday } from './repo';

/**
 * Deadlines already running are recomputed after every calendar change, so a newly declared holiday (or a removed
 * one) moves them. The hooks are the registered features' `onHolidaysChanged` (complaints, PPID …).
 */
export interface CalendarDeps {
  db: Db;
  onChanged: ReadonlyArray<(db: Db, now: number) => Promise<number>>;
}

async function afterChange(deps: CalendarDeps, now: number): Promise<void> {
  for (const hook of deps.onChanged) await hook(deps.db, now);
}

async function assertManager(db: Db, ctx: ActionContext): Promise<void> {
  await authorize(db, ctx.actor, 'settings.manage', await rootRegionCode(db));
}

/** Adds a date, or edits one (`originalDate` given; the date itself may change). Audited in the same batch. */
export async function saveHoliday(deps: CalendarDeps, input: HolidayForm, ctx: ActionContext, originalDate?: string): Promise<void> {
  const { db } = deps;
  await assertManager(db, ctx);
  const before = originalDate ? await findHoliday(db, originalDate) : undefined;
  if (originalDate && !before) throw new AppError('not_found', 'Tanggal libur tidak ditemukan.');
  if (input.date !== originalDate && (await findHoliday(db, input.date))) {
    throw new AppError('conflict', 'Tanggal ini sudah ada di kalender. Ubah entri yang ada.', {
      fieldErrors: [{ field: 'date', message: 'Tanggal ini sudah ada di kalender.' }],
    });
  }
  const row = { date: input.date, kind: input.kind, name: input.name, updatedAt: ctx.now };
  const audit = auditInsert(db, ctx, {
    action: before ? 'holiday.update' : 'holiday.create',
    entityType: 'holiday',
    entityId: input.date,
    summary: `${before ? 'Mengubah' : 'Menambah'} hari libur ${input.date} (${HOLIDAY_KIND_LABELS[input.kind]}: ${input.name})`,
    before: before ? { date: before.date, kind: before.kind, name: before.name } : undefined,
    after: { date: input.date, kind: input.kind, name: input.name },
  });
  if (before && originalDate !== input.date) {
    await db.batch([db.delete(holidays).where(eq(holidays.date, originalDate!)), db.insert(holidays).values(row), audit]);
  } else if (before) {
    await db.batch([db.update(holidays).set(row).where(eq(holidays.date, input.date)), audit]);
  } else {
    await db.batch([db.insert(holidays).values(row), audit]);
  }
  await afterChange(deps, ctx.now);
}

export async function deleteHoliday(deps: CalendarDeps, date: string, ctx: ActionContext): Promise<void> {
  const { db } = deps;
  await assertManager(db, ctx);
  const before = await findHoliday(db, date);
  if (!before) throw new AppError('not_found', 'Tanggal libur tidak ditemukan.');
  await db.batch([
    db.delete(holidays).where(eq(holidays.date, date)),
    auditInsert(db, ctx, {
      action: 'holiday.delete',
      entityType: 'holiday',
      entityId: date,
      summary: `Menghapus hari libur ${date} (${before.name})`,
      before: { date: before.date, kind: before.kind, name: before.name },
    }),
  ]);
  await afterChange(deps, ctx.now);
}
