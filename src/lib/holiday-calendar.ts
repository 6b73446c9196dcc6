import type { Db } from '../db/client';
import { holidays } from '../db/schema';
import { holidayCalendar, type HolidayCalendar } from './working-days';

/** The working-day calendar from the editable `holidays` table: load it once per request or job, never hard-code it. */
export async function loadHolidayCalendar(db: Db): Promise<HolidayCalendar> {
  const rows = await db.select({ date: holidays.date }).from(holidays).all();
  return holidayCalendar(rows.map((r) => r.date));
}
