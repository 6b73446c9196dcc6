/**
 * The one working-day clock for every statutory deadline (complaint handling, PPID information requests, …).
 *
 * A government working day is Monday–Friday (WITA) unless its date is in the holiday calendar; national holidays,
 * cuti bersama and regional holidays all count as non-working. The calendar is data (the `holidays` table), never
 * hard-coded, because the decree changes every year and Islamic dates can move.
 *
 * Counting rule: the day of filing never counts. addWorkingDays(start, n) ends at 23:59:59.999 WITA of the n-th
 * working day after the WITA day of `start`; workingDaysBetween is its inverse.
 */
import { DAY_MS, WITA_OFFSET_MS, isDateKey, witaDateKey, witaDateToMs, witaDayNumber } from './time';

/** 'YYYY-MM-DD' (WITA) dates that are not working days. */
export type HolidayCalendar = ReadonlySet<string>;

export type DeadlineState = 'aman' | 'mendekati' | 'lewat';

/** addWorkingDays gives up after scanning this many calendar days (≈ 10 years). */
export const MAX_SCAN_DAYS = 3660;

export const EMPTY_HOLIDAY_CALENDAR: HolidayCalendar = new Set<string>();

/** Builds a calendar from 'YYYY-MM-DD' dates (e.g. rows of the holidays table). Throws on a malformed date. */
export function holidayCalendar(dates: Iterable<string>): HolidayCalendar {
  const set = new Set<string>();
  for (const date of dates) {
    if (!isDateKey(date)) throw new RangeError(`holidayCalendar: invalid date ${JSON.stringify(date)}`);
    set.add(date);
  }
  return set;
}

function isWeekendDayNumber(day: number): boolean {
  // Day 0 (1970-01-01) was a Thursday; weekday 0 = Sunday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

function startOfDayNumber(day: number): number {
  return day * DAY_MS - WITA_OFFSET_MS;
}

function isWorkingDayNumber(day: number, cal: HolidayCalendar): boolean {
  return !isWeekendDayNumber(day) && !cal.has(witaDateKey(startOfDayNumber(day)));
}

function assertInstant(ms: number, fn: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`${fn}: invalid instant ${String(ms)}`);
  }
}

/** True when the WITA date 'YYYY-MM-DD' is Monday–Friday and not in the calendar. Throws on a malformed key. */
export function isWorkingDay(dateKey: string, cal: HolidayCalendar): boolean {
  if (!isDateKey(dateKey)) throw new RangeError(`isWorkingDay: invalid date key ${JSON.stringify(dateKey)}`);
  return isWorkingDayNumber(witaDayNumber(witaDateToMs(dateKey)), cal);
}

/**
 * Deadline instant: 23:59:59.999 WITA of the n-th working day after the WITA day of `startMs`
 * (the start day itself never counts). n = 0 gives the end of the start day.
 */
export function addWorkingDays(startMs: number, n: number, cal: HolidayCalendar): number {
  assertInstant(startMs, 'addWorkingDays');
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${String(n)}`);
  }
  let day = witaDayNumber(startMs);
  let counted = 0;
  let scanned = 0;
  while (counted < n) {
    if (++scanned > MAX_SCAN_DAYS) {
      throw new Error(`addWorkingDays: no ${n} working days within ${MAX_SCAN_DAYS} days of ${witaDateKey(startMs)}`);
    }
    day++;
    if (isWorkingDayNumber(day, cal)) counted++;
  }
  return startOfDayNumber(day) + DAY_MS - 1;
}

/** Number of Monday–Friday days in the inclusive day-number range [a, b]. */
function weekdaysInRange(a: number, b: number): number {
  if (b < a) return 0;
  const total = b - a + 1;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  for (let d = a + fullWeeks * 7; d <= b; d++) {
    if (!isWeekendDayNumber(d)) count++;
  }
  return count;
}

/**
 * Working days after the WITA day of `fromMs` up to and including the WITA day of `toMs`
 * (0 when `toMs` is on the same day or earlier). workingDaysBetween(s, addWorkingDays(s, n, cal), cal) === n.
 */
export function workingDaysBetween(fromMs: number, toMs: number, cal: HolidayCalendar): number {
  assertInstant(fromMs, 'workingDaysBetween');
  assertInstant(toMs, 'workingDaysBetween');
  const first = witaDayNumber(fromMs) + 1;
  const last = witaDayNumber(toMs);
  if (last < first) return 0;
  let count = weekdaysInRange(first, last);
  for (const key of cal) {
    // A malformed entry can never equal a real date key, so it never makes a day non-working: skip it.
    if (!isDateKey(key)) continue;
    const day = witaDayNumber(witaDateToMs(key));
    if (day >= first && day <= last && !isWeekendDayNumber(day)) count--;
  }
  return count;
}

/**
 * 'lewat' once now is past the deadline; 'mendekati' when at most 1 working day remains
 * (workingDaysBetween(now, deadline) <= 1, including on the deadline day itself); otherwise 'aman'.
 */
export function deadlineState(deadlineMs: number, nowMs: number, cal: HolidayCalendar): DeadlineState {
  assertInstant(deadlineMs, 'deadlineState');
  assertInstant(nowMs, 'deadlineState');
  if (nowMs > deadlineMs) return 'lewat';
  return workingDaysBetween(nowMs, deadlineMs, cal) <= 1 ? 'mendekati' : 'aman';
}
