import { describe, expect, it } from 'vitest';
import {
  daysAgo,
  endOfWitaDay,
  formatDate,
  formatDateShort,
  formatDateTime,
  formatRelativeDays,
  formatWeekdayDate,
  isDateKey,
  startOfWitaDay,
  toIsoUtc,
  witaDateKey,
  witaDateToMs,
  witaParts,
} from '../../src/lib/time';

describe('witaDateKey', () => {
  it('uses the WITA calendar day (UTC+8)', () => {
    expect(witaDateKey(Date.UTC(2026, 4, 13, 15, 59, 59, 999))).toBe('2026-05-13'); // 23:59:59.999 WITA
    expect(witaDateKey(Date.UTC(2026, 4, 13, 16, 0, 0, 0))).toBe('2026-05-14'); // 00:00 WITA
    expect(witaDateKey(Date.UTC(2026, 4, 13, 17, 30))).toBe('2026-05-14'); // 01:30 WITA
  });

  it('rolls over months and years', () => {
    expect(witaDateKey(Date.UTC(2025, 11, 31, 16, 0))).toBe('2026-01-01');
    expect(witaDateKey(Date.UTC(2028, 1, 28, 16, 0))).toBe('2028-02-29'); // leap day
    expect(witaDateKey(0)).toBe('1970-01-01');
  });

  it('throws on an invalid instant', () => {
    expect(() => witaDateKey(Number.NaN)).toThrow(RangeError);
    expect(() => witaDateKey(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('witaParts', () => {
  it('returns WITA wall-clock fields and weekday', () => {
    expect(witaParts(Date.UTC(2026, 2, 13, 7, 0))).toEqual({
      year: 2026,
      month: 3,
      day: 13,
      hour: 15,
      minute: 0,
      second: 0,
      millisecond: 0,
      weekday: 5, // Friday
    });
  });
});

describe('formatDate / formatDateTime / formatDateShort', () => {
  const t = Date.UTC(2025, 7, 12, 6, 30); // 12 Aug 2025 14:30 WITA

  it('formats in Indonesian', () => {
    expect(formatDate(t)).toBe('12 Agustus 2025');
    expect(formatDateTime(t)).toBe('12 Agustus 2025, 14.30 WITA');
    expect(formatDateShort(t)).toBe('12 Agu 2025');
    expect(formatWeekdayDate(t)).toBe('Selasa, 12 Agustus 2025');
  });

  it('shows the WITA date even when the UTC date is still the previous day', () => {
    const t2 = Date.UTC(2025, 11, 31, 16, 5); // 1 Jan 2026 00:05 WITA
    expect(formatDate(t2)).toBe('1 Januari 2026');
    expect(formatDateTime(t2)).toBe('1 Januari 2026, 00.05 WITA');
    expect(formatDateShort(t2)).toBe('1 Jan 2026');
  });

  it('pads hours and minutes but not the day', () => {
    expect(formatDateTime(Date.UTC(2026, 7, 3, 1, 7))).toBe('3 Agustus 2026, 09.07 WITA');
    expect(formatDateTime(Date.UTC(2026, 7, 17, 15, 59, 59, 999))).toBe('17 Agustus 2026, 23.59 WITA');
  });

  it('names every month', () => {
    const long = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    const short = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
    for (let m = 1; m <= 12; m++) {
      const ms = witaDateToMs(`2026-${String(m).padStart(2, '0')}-15`);
      expect(formatDate(ms)).toBe(`15 ${long[m - 1]} 2026`);
      expect(formatDateShort(ms)).toBe(`15 ${short[m - 1]} 2026`);
    }
  });
});

describe('daysAgo / formatRelativeDays', () => {
  const now = Date.UTC(2026, 4, 13, 17, 30); // Thu 14 May 2026 01:30 WITA

  it('counts WITA calendar days, not 24-hour periods', () => {
    expect(daysAgo(Date.UTC(2026, 4, 13, 16, 0), now)).toBe(0); // 14 May 00:00 WITA
    expect(daysAgo(Date.UTC(2026, 4, 13, 15, 0), now)).toBe(1); // 13 May 23:00 WITA, only 2.5 h earlier
    expect(daysAgo(Date.UTC(2026, 4, 13, 1, 0), now)).toBe(1); // 13 May 09:00 WITA, same UTC day as now
    expect(daysAgo(Date.UTC(2026, 4, 10, 16, 0), now)).toBe(3); // 11 May 00:00 WITA
    expect(daysAgo(Date.UTC(2025, 11, 31, 16, 0), Date.UTC(2026, 0, 1, 15, 59))).toBe(0);
    expect(daysAgo(Date.UTC(2025, 11, 31, 15, 59), Date.UTC(2025, 11, 31, 16, 0))).toBe(1); // across New Year
  });

  it('formats relative days', () => {
    expect(formatRelativeDays(Date.UTC(2026, 4, 13, 16, 0), now)).toBe('hari ini');
    expect(formatRelativeDays(Date.UTC(2026, 4, 13, 15, 0), now)).toBe('kemarin');
    expect(formatRelativeDays(Date.UTC(2026, 4, 11, 0, 0), now)).toBe('3 hari lalu'); // 11 May 08:00 WITA
    // 14 Apr 01:30 WITA -> 14 May: April has 30 days.
    expect(formatRelativeDays(Date.UTC(2026, 3, 13, 17, 30), now)).toBe('30 hari lalu');
    expect(formatRelativeDays(Date.UTC(2026, 4, 14, 16, 0), now)).toBe('besok');
    expect(formatRelativeDays(Date.UTC(2026, 4, 16, 16, 0), now)).toBe('3 hari lagi');
  });
});

describe('day boundaries', () => {
  it('startOfWitaDay / endOfWitaDay', () => {
    const t = Date.UTC(2026, 4, 13, 17, 30); // 14 May 01:30 WITA
    expect(startOfWitaDay(t)).toBe(Date.UTC(2026, 4, 13, 16, 0, 0, 0));
    expect(endOfWitaDay(t)).toBe(Date.UTC(2026, 4, 14, 15, 59, 59, 999));
    // Both ends map to themselves.
    expect(startOfWitaDay(startOfWitaDay(t))).toBe(startOfWitaDay(t));
    expect(endOfWitaDay(endOfWitaDay(t))).toBe(endOfWitaDay(t));
    expect(witaDateKey(endOfWitaDay(t))).toBe('2026-05-14');
    expect(witaDateKey(endOfWitaDay(t) + 1)).toBe('2026-05-15');
  });

  it('witaDateToMs gives the start of the WITA day', () => {
    expect(witaDateToMs('2026-08-17')).toBe(Date.UTC(2026, 7, 16, 16, 0));
    expect(witaDateToMs('2028-02-29')).toBe(Date.UTC(2028, 1, 28, 16, 0));
    expect(witaDateKey(witaDateToMs('2026-12-31'))).toBe('2026-12-31');
  });

  it('witaDateToMs rejects malformed or impossible dates', () => {
    expect(() => witaDateToMs('2026-02-29')).toThrow(RangeError);
    expect(() => witaDateToMs('2026-8-17')).toThrow(RangeError);
    expect(() => witaDateToMs('2026-13-01')).toThrow(RangeError);
    expect(() => witaDateToMs('2026-04-31')).toThrow(RangeError);
    expect(() => witaDateToMs('17-08-2026')).toThrow(RangeError);
    expect(() => witaDateToMs('')).toThrow(RangeError);
    expect(isDateKey('2026-08-17')).toBe(true);
    expect(isDateKey('2026-08-17T00:00')).toBe(false);
  });
});

describe('toIsoUtc', () => {
  it('returns an ISO string in UTC', () => {
    expect(toIsoUtc(witaDateToMs('2026-08-17'))).toBe('2026-08-16T16:00:00.000Z');
    expect(toIsoUtc(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
