import { describe, expect, it } from 'vitest';
import { witaDateKey, witaDateToMs } from '../../src/lib/time';
import { EMPTY_HOLIDAY_CALENDAR, addWorkingDays, deadlineState, holidayCalendar, isWorkingDay, workingDaysBetween } from '../../src/lib/working-days';

// The 2026 calendar exactly as in the SKB 3 Menteri list (17 libur nasional + 8 cuti bersama).
const CAL_2026 = holidayCalendar([
  '2026-01-01',
  '2026-01-16',
  '2026-02-16',
  '2026-02-17',
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-21',
  '2026-03-22',
  '2026-03-23',
  '2026-03-24',
  '2026-04-03',
  '2026-04-05',
  '2026-05-01',
  '2026-05-14',
  '2026-05-15',
  '2026-05-27',
  '2026-05-28',
  '2026-05-31',
  '2026-06-01',
  '2026-06-16',
  '2026-08-17',
  '2026-08-25',
  '2026-12-24',
  '2026-12-25',
]);

/** An instant given as WITA wall-clock time (UTC+8). */
function wita(y: number, mo: number, d: number, h = 0, mi = 0): number {
  return Date.UTC(y, mo - 1, d, h - 8, mi);
}

/** 23:59:59.999 WITA of a date = 15:59:59.999Z the same date. */
function endOf(dateKey: string): number {
  return witaDateToMs(dateKey) + 24 * 60 * 60 * 1000 - 1;
}

describe('holidayCalendar / isWorkingDay', () => {
  it('has the 25 dates of 2026', () => {
    expect(CAL_2026.size).toBe(25);
  });

  it('rejects malformed dates', () => {
    expect(() => holidayCalendar(['2026-3-18'])).toThrow(RangeError);
    expect(() => holidayCalendar(['2026-02-30'])).toThrow(RangeError);
  });

  it('treats weekends, national holidays and cuti bersama as non-working', () => {
    expect(isWorkingDay('2026-03-13', CAL_2026)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14', CAL_2026)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', CAL_2026)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-16', CAL_2026)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-18', CAL_2026)).toBe(false); // Wed, cuti bersama Nyepi
    expect(isWorkingDay('2026-03-19', CAL_2026)).toBe(false); // Thu, Nyepi
    expect(isWorkingDay('2026-03-24', CAL_2026)).toBe(false); // Tue, cuti bersama Idul Fitri
    expect(isWorkingDay('2026-03-25', CAL_2026)).toBe(true); // Wednesday
    expect(isWorkingDay('2026-12-24', CAL_2026)).toBe(false); // Thu, cuti bersama Natal
    expect(isWorkingDay('2026-08-17', CAL_2026)).toBe(false); // Mon, Proklamasi
    expect(isWorkingDay('2026-08-17', EMPTY_HOLIDAY_CALENDAR)).toBe(true);
  });

  it('throws on a malformed key', () => {
    expect(() => isWorkingDay('17-08-2026', CAL_2026)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('complaint filed Friday 2026-03-13 15:00 WITA + 3 working days skips the weekend and the Nyepi/Idul Fitri block', () => {
    // Fri 13 Mar = filing day, never counts.
    // Sat 14, Sun 15 weekend.
    // Mon 16 -> working day 1, Tue 17 -> working day 2.
    // Wed 18 (cuti Nyepi), Thu 19 (Nyepi), Fri 20 (cuti Idul Fitri), Sat 21 + Sun 22 (Idul Fitri, weekend),
    // Mon 23, Tue 24 (cuti Idul Fitri) -> all non-working.
    // Wed 25 -> working day 3. Deadline: 25 Mar 2026 23:59:59.999 WITA = 2026-03-25T15:59:59.999Z.
    const filed = wita(2026, 3, 13, 15, 0);
    const deadline = addWorkingDays(filed, 3, CAL_2026);
    expect(deadline).toBe(Date.UTC(2026, 2, 25, 15, 59, 59, 999));
    expect(new Date(deadline).toISOString()).toBe('2026-03-25T15:59:59.999Z');
    expect(witaDateKey(deadline)).toBe('2026-03-25');

    expect(witaDateKey(addWorkingDays(filed, 1, CAL_2026))).toBe('2026-03-16');
    expect(witaDateKey(addWorkingDays(filed, 2, CAL_2026))).toBe('2026-03-17');
    // Thu 26 = 4, Fri 27 = 5.
    expect(witaDateKey(addWorkingDays(filed, 5, CAL_2026))).toBe('2026-03-27');
    // Without holidays the same filing would be due Wed 18 Mar.
    expect(witaDateKey(addWorkingDays(filed, 3, EMPTY_HOLIDAY_CALENDAR))).toBe('2026-03-18');
  });

  it('n = 0 is the end of the filing day', () => {
    expect(addWorkingDays(wita(2026, 3, 13, 15, 0), 0, CAL_2026)).toBe(endOf('2026-03-13'));
    // Even when the filing day is a Saturday.
    expect(addWorkingDays(wita(2026, 3, 14, 9, 0), 0, CAL_2026)).toBe(endOf('2026-03-14'));
  });

  it('filing on a Saturday: the day itself does not count and the Monday holiday is skipped', () => {
    // Sat 15 Aug 2026 10:00 WITA. Sun 16 weekend, Mon 17 Proklamasi.
    // Tue 18 = 1, Wed 19 = 2, Thu 20 = 3.
    const filed = wita(2026, 8, 15, 10, 0);
    expect(addWorkingDays(filed, 3, CAL_2026)).toBe(endOf('2026-08-20'));
    expect(addWorkingDays(filed, 1, CAL_2026)).toBe(endOf('2026-08-18'));
    // Sat 14 Mar 2026 + 1: Mon 16 is the first working day after it.
    expect(witaDateKey(addWorkingDays(wita(2026, 3, 14, 8, 0), 1, CAL_2026))).toBe('2026-03-16');
  });

  it('uses the WITA day, not the UTC day, for a filing late at night UTC', () => {
    // 2026-03-12T16:30Z is Friday 13 Mar 00:30 WITA, so the count starts after Friday: due Wed 25 Mar.
    // (Counting from the UTC day, Thu 12 Mar, would wrongly give Fri 13, Mon 16, Tue 17.)
    const filed = Date.UTC(2026, 2, 12, 16, 30);
    expect(witaDateKey(filed)).toBe('2026-03-13');
    expect(addWorkingDays(filed, 3, CAL_2026)).toBe(endOf('2026-03-25'));

    // 2026-05-13T17:30Z is Thursday 14 May 01:30 WITA — Kenaikan Yesus Kristus, a holiday.
    const ascension = Date.UTC(2026, 4, 13, 17, 30);
    expect(witaDateKey(ascension)).toBe('2026-05-14');
    expect(isWorkingDay(witaDateKey(ascension), CAL_2026)).toBe(false);
    expect(addWorkingDays(ascension, 0, CAL_2026)).toBe(Date.UTC(2026, 4, 14, 15, 59, 59, 999));
    // Fri 15 cuti bersama, Sat 16, Sun 17 weekend; Mon 18 = 1, Tue 19 = 2, Wed 20 = 3.
    expect(addWorkingDays(ascension, 3, CAL_2026)).toBe(endOf('2026-05-20'));
  });

  it('PPID: 10 working days over Christmas 2026', () => {
    // Request on Thu 10 Dec 2026 14:00 WITA.
    // Fri 11 = 1, Mon 14 = 2, Tue 15 = 3, Wed 16 = 4, Thu 17 = 5, Fri 18 = 6, Mon 21 = 7, Tue 22 = 8, Wed 23 = 9,
    // Thu 24 (cuti bersama) and Fri 25 (Natal) skipped, Sat 26/Sun 27 weekend, Mon 28 = 10.
    const filed = wita(2026, 12, 10, 14, 0);
    const due = addWorkingDays(filed, 10, CAL_2026);
    expect(due).toBe(Date.UTC(2026, 11, 28, 15, 59, 59, 999));
    // Without the calendar the 10th working day would be Thu 24 Dec (9 = Wed 23, 10 = Thu 24).
    expect(witaDateKey(addWorkingDays(filed, 10, EMPTY_HOLIDAY_CALENDAR))).toBe('2026-12-24');
  });

  it('PPID: a request on Fri 18 Dec 2026 runs into 2027 and honours an edited calendar', () => {
    // Mon 21 = 1, Tue 22 = 2, Wed 23 = 3, [Thu 24, Fri 25 off], Mon 28 = 4, Tue 29 = 5, Wed 30 = 6, Thu 31 = 7,
    // Fri 1 Jan 2027 = 8 (not in the 2026 calendar!), Mon 4 Jan = 9, Tue 5 Jan = 10.
    const filed = wita(2026, 12, 18, 9, 0);
    expect(witaDateKey(addWorkingDays(filed, 10, CAL_2026))).toBe('2027-01-05');
    // Once an administrator adds Tahun Baru 2027, the deadline moves to Wed 6 Jan.
    const withNewYear = holidayCalendar([...CAL_2026, '2027-01-01']);
    expect(addWorkingDays(filed, 10, withNewYear)).toBe(endOf('2027-01-06'));
  });

  it('PPID extension: 7 more working days counted from the original deadline', () => {
    const withNewYear = holidayCalendar([...CAL_2026, '2027-01-01']);
    const due = addWorkingDays(wita(2026, 12, 10, 14, 0), 10, withNewYear); // end of Mon 28 Dec
    // Tue 29 = 1, Wed 30 = 2, Thu 31 = 3, [Fri 1 Jan off], Mon 4 = 4, Tue 5 = 5, Wed 6 = 6, Thu 7 = 7.
    expect(witaDateKey(addWorkingDays(due, 7, withNewYear))).toBe('2027-01-07');
  });

  it('rejects negative or fractional n', () => {
    const t = wita(2026, 3, 13, 15, 0);
    expect(() => addWorkingDays(t, -1, CAL_2026)).toThrow(RangeError);
    expect(() => addWorkingDays(t, 1.5, CAL_2026)).toThrow(RangeError);
    expect(() => addWorkingDays(t, Number.NaN, CAL_2026)).toThrow(RangeError);
    expect(() => addWorkingDays(Number.NaN, 1, CAL_2026)).toThrow(RangeError);
  });

  it('bails out instead of looping forever when no working day exists', () => {
    // Every weekday of 2026–2036 declared a holiday.
    const all: string[] = [];
    for (let t = witaDateToMs('2026-01-01'); t < witaDateToMs('2037-01-01'); t += 24 * 60 * 60 * 1000) {
      all.push(witaDateKey(t));
    }
    const blocked = holidayCalendar(all);
    expect(() => addWorkingDays(wita(2026, 1, 1, 8), 1, blocked)).toThrow(/working days/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the from-day up to and including the to-day', () => {
    const filed = wita(2026, 3, 13, 15, 0);
    expect(workingDaysBetween(filed, wita(2026, 3, 13, 23, 0), CAL_2026)).toBe(0);
    expect(workingDaysBetween(filed, wita(2026, 3, 16, 0, 0), CAL_2026)).toBe(1);
    expect(workingDaysBetween(filed, wita(2026, 3, 24, 12, 0), CAL_2026)).toBe(2);
    expect(workingDaysBetween(filed, wita(2026, 3, 25, 0, 1), CAL_2026)).toBe(3);
    expect(workingDaysBetween(wita(2026, 3, 17, 9), wita(2026, 3, 24, 17), CAL_2026)).toBe(0);
    // Earlier "to" gives 0, never a negative number.
    expect(workingDaysBetween(wita(2026, 3, 25), wita(2026, 3, 13), CAL_2026)).toBe(0);
  });

  it('matches a full year: 2026 has 261 weekdays, 21 of the 25 holidays fall on weekdays', () => {
    // 365 days = 52 full weeks + Thu 1 Jan, so 52 * 5 + 1 = 261 weekdays.
    // Holidays on weekends: 2026-03-21 (Sat), 03-22 (Sun), 04-05 (Sun), 05-31 (Sun) = 4, so 21 fall on weekdays
    // and 2026 has 261 - 21 = 240 working days.
    expect(workingDaysBetween(wita(2025, 12, 31, 12), wita(2026, 12, 31, 12), EMPTY_HOLIDAY_CALENDAR)).toBe(261);
    expect(workingDaysBetween(wita(2025, 12, 31, 12), wita(2026, 12, 31, 12), CAL_2026)).toBe(240);
  });

  it('is the inverse of addWorkingDays', () => {
    const starts = [wita(2026, 3, 13, 15, 0), wita(2026, 3, 14, 10, 0), Date.UTC(2026, 4, 13, 17, 30), wita(2026, 12, 18, 9, 0), wita(2026, 12, 24, 23, 59)];
    for (const s of starts) {
      for (const n of [0, 1, 2, 3, 5, 7, 10, 17, 30]) {
        expect(workingDaysBetween(s, addWorkingDays(s, n, CAL_2026), CAL_2026)).toBe(n);
      }
    }
  });

  it('ignores malformed entries in a hand-built set', () => {
    const cal: ReadonlySet<string> = new Set(['2026-3-18', 'nonsense', '2026-03-19']);
    // Mon 16, Tue 17, Wed 18 (malformed entry ignored) = 3 working days; Thu 19 is off.
    expect(workingDaysBetween(wita(2026, 3, 13), wita(2026, 3, 19), cal)).toBe(3);
  });
});

describe('deadlineState', () => {
  // The complaint from above: filed Fri 13 Mar 2026, verification due end of Wed 25 Mar 2026.
  const deadline = addWorkingDays(wita(2026, 3, 13, 15, 0), 3, CAL_2026);

  it('is aman while more than one working day remains', () => {
    expect(deadlineState(deadline, wita(2026, 3, 13, 15, 0), CAL_2026)).toBe('aman'); // 3 left
    expect(deadlineState(deadline, wita(2026, 3, 16, 9, 0), CAL_2026)).toBe('aman'); // Tue 17, Wed 25 left
  });

  it('is mendekati with at most one working day left, even across a long holiday', () => {
    // Tue 17 Mar: only Wed 25 remains, although it is 8 calendar days away.
    expect(deadlineState(deadline, wita(2026, 3, 17, 9, 0), CAL_2026)).toBe('mendekati');
    expect(deadlineState(deadline, wita(2026, 3, 21, 9, 0), CAL_2026)).toBe('mendekati');
    // On the deadline day itself, up to the last millisecond.
    expect(deadlineState(deadline, wita(2026, 3, 25, 8, 0), CAL_2026)).toBe('mendekati');
    expect(deadlineState(deadline, deadline, CAL_2026)).toBe('mendekati');
  });

  it('is lewat once the deadline has passed', () => {
    expect(deadlineState(deadline, deadline + 1, CAL_2026)).toBe('lewat');
    expect(deadline + 1).toBe(witaDateToMs('2026-03-26'));
    expect(deadlineState(deadline, wita(2026, 4, 1, 10, 0), CAL_2026)).toBe('lewat');
  });

  it('without the holiday calendar the same moment would still be aman', () => {
    // Tue 17 Mar -> Wed 18 .. Wed 25 would be 6 working days with an empty calendar.
    expect(deadlineState(deadline, wita(2026, 3, 17, 9, 0), EMPTY_HOLIDAY_CALENDAR)).toBe('aman');
  });
});
