/**
 * Time helpers for the portal.
 *
 * Instants are stored as epoch milliseconds (numbers). Everything shown to users is in Asia/Makassar (WITA), which is
 * UTC+8 all year round (no daylight saving), so a fixed offset is exact and nothing here depends on Intl or on the
 * timezone of the host.
 */

export const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const;

/** Day names indexed like Date#getUTCDay (0 = Sunday). */
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const DATE_KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface WitaParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

function assertInstant(ms: number, fn: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`${fn}: invalid instant ${String(ms)}`);
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Calendar fields of an instant as seen on a wall clock in WITA. */
export function witaParts(ms: number): WitaParts {
  assertInstant(ms, 'witaParts');
  const d = new Date(ms + WITA_OFFSET_MS);
  if (Number.isNaN(d.getTime())) throw new RangeError(`witaParts: instant out of range ${ms}`);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** Number of whole WITA days since 1970-01-01 (WITA). Day n starts at n * DAY_MS - WITA_OFFSET_MS. */
export function witaDayNumber(ms: number): number {
  assertInstant(ms, 'witaDayNumber');
  return Math.floor((ms + WITA_OFFSET_MS) / DAY_MS);
}

/** 'YYYY-MM-DD' of the WITA calendar day containing the instant. */
export function witaDateKey(ms: number): string {
  const p = witaParts(ms);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Parses a strict 'YYYY-MM-DD' key of a real calendar date; null otherwise. */
export function parseDateKey(key: string): { year: number; month: number; day: number } | null {
  if (typeof key !== 'string') return null;
  const m = DATE_KEY_RE.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a strict 'YYYY-MM-DD' key of a real calendar date. */
export function isDateKey(key: string): boolean {
  return parseDateKey(key) !== null;
}

/** Start (00:00:00.000 WITA) of the given 'YYYY-MM-DD' WITA day, as epoch ms. Throws on an invalid key. */
export function witaDateToMs(key: string): number {
  const p = parseDateKey(key);
  if (!p) throw new RangeError(`witaDateToMs: invalid date key ${JSON.stringify(key)}`);
  const d = new Date(0);
  // setUTCFullYear (unlike Date.UTC) does not remap years 0–99 to 1900–1999.
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  return d.getTime() - WITA_OFFSET_MS;
}

/** 00:00:00.000 WITA of the day containing the instant. */
export function startOfWitaDay(ms: number): number {
  return witaDayNumber(ms) * DAY_MS - WITA_OFFSET_MS;
}

/** 23:59:59.999 WITA of the day containing the instant. */
export function endOfWitaDay(ms: number): number {
  return startOfWitaDay(ms) + DAY_MS - 1;
}

/** '12 Agustus 2025' */
export function formatDate(ms: number): string {
  const p = witaParts(ms);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** '12 Agu 2025' */
export function formatDateShort(ms: number): string {
  const p = witaParts(ms);
  return `${p.day} ${MONTHS_SHORT[p.month - 1]} ${p.year}`;
}

/** '12 Agustus 2025, 14.30 WITA' */
export function formatDateTime(ms: number): string {
  const p = witaParts(ms);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${pad(p.hour)}.${pad(p.minute)} WITA`;
}

/** 'Rabu, 25 Maret 2026' — handy for deadlines. */
export function formatWeekdayDate(ms: number): string {
  const p = witaParts(ms);
  return `${WEEKDAYS[p.weekday]}, ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/**
 * Whole WITA calendar days from the day of `ms` to the day of `now` (1 = yesterday, regardless of the hour).
 * Negative when `ms` lies on a later day than `now`.
 */
export function daysAgo(ms: number, now: number): number {
  return witaDayNumber(now) - witaDayNumber(ms);
}

/** 'hari ini', 'kemarin', '3 hari lalu'; future days read 'besok', '3 hari lagi'. */
export function formatRelativeDays(ms: number, now: number): string {
  const d = daysAgo(ms, now);
  if (d === 0) return 'hari ini';
  if (d === 1) return 'kemarin';
  if (d > 1) return `${d} hari lalu`;
  if (d === -1) return 'besok';
  return `${-d} hari lagi`;
}

/** ISO 8601 in UTC: '2026-08-16T16:00:00.000Z'. */
export function toIsoUtc(ms: number): string {
  assertInstant(ms, 'toIsoUtc');
  return new Date(ms).toISOString();
}

const DATETIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** 'YYYY-MM-DDTHH:MM' typed in an <input type="datetime-local">, read as WITA wall-clock time → epoch ms. */
export function witaLocalToMs(value: string): number | null {
  const m = DATETIME_LOCAL.exec(value);
  if (!m || !parseDateKey(m[1]!)) return null;
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) return null;
  return witaDateToMs(m[1]!) + h * 3_600_000 + min * 60_000;
}

/** Epoch ms → 'YYYY-MM-DDTHH:MM' in WITA, for the value of a datetime-local input. */
export function msToWitaLocal(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const p = witaParts(ms);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
