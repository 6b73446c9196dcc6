import { describe, expect, it } from 'vitest';
import { witaDateToMs } from '../../src/lib/time';
import { kkField, nikField, parseKk, parseNik } from '../../src/features/letters/nik';

const NOW = witaDateToMs('2026-12-01') + 10 * 3600_000;

describe('NIK structure', () => {
  it('reads a valid male NIK: region, date of birth, gender, serial', () => {
    const r = parseNik('6408041203900001', NOW);
    expect(r).toEqual({ ok: true, value: { nik: '6408041203900001', regionCode: '64.08.04', birthDate: '1990-03-12', gender: 'L', serial: '0001' } });
  });

  it('reads a valid female NIK (day + 40) and forgives spaces and dots', () => {
    const r = parseNik('6408 04 520395 0002', NOW);
    expect(r.ok && r.value).toMatchObject({ nik: '6408045203950002', birthDate: '1995-03-12', gender: 'P' });
    expect(parseNik('64.08.04.710100.0003', NOW)).toMatchObject({ ok: true, value: { birthDate: '2000-01-31', gender: 'P' } });
  });

  it('reads the two-digit year as the latest year not after today', () => {
    expect(parseNik('6408040101100001', NOW)).toMatchObject({ ok: true, value: { birthDate: '2010-01-01' } });
    expect(parseNik('6408040101460001', NOW)).toMatchObject({ ok: true, value: { birthDate: '1946-01-01' } });
    expect(parseNik('6408040112260001', NOW)).toMatchObject({ ok: true, value: { birthDate: '2026-12-01' } });
    // 2 December 2026 is tomorrow, so '26' must mean 1926.
    expect(parseNik('6408040212260001', NOW)).toMatchObject({ ok: true, value: { birthDate: '1926-12-02' } });
  });

  it('refuses a wrong length', () => {
    expect(parseNik('640804120390001', NOW)).toEqual({ ok: false, problem: 'length' });
    expect(parseNik('64080412039000011', NOW)).toEqual({ ok: false, problem: 'length' });
    expect(parseNik('', NOW)).toEqual({ ok: false, problem: 'length' });
  });

  it('refuses letters and other characters', () => {
    expect(parseNik('64080412O3900001', NOW)).toEqual({ ok: false, problem: 'digits' });
    expect(parseNik('6408041203９00001', NOW)).toEqual({ ok: false, problem: 'digits' });
    expect(parseNik('<script>alert(1)', NOW)).toEqual({ ok: false, problem: 'digits' });
  });

  it('refuses impossible dates of birth', () => {
    expect(parseNik('6408043002900001', NOW)).toEqual({ ok: false, problem: 'date' }); // 30 February
    expect(parseNik('6408042902010001', NOW)).toEqual({ ok: false, problem: 'date' }); // 29 Feb 2001, not a leap year
    expect(parseNik('6408046902010001', NOW)).toEqual({ ok: false, problem: 'date' }); // woman, 29 Feb 2001
    expect(parseNik('6408043213900001', NOW)).toEqual({ ok: false, problem: 'date' }); // month 13
    expect(parseNik('6408040003900001', NOW)).toEqual({ ok: false, problem: 'date' }); // day 0
    expect(parseNik('6408043503900001', NOW)).toEqual({ ok: false, problem: 'date' }); // day 35 (neither man nor woman)
    expect(parseNik('6408047203900001', NOW)).toEqual({ ok: false, problem: 'date' }); // woman, day 32
    expect(parseNik('6408042902000001', NOW)).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
  });

  it('refuses region prefixes that are not Kemendagri codes, and serial 0000', () => {
    expect(parseNik('2008041203900001', NOW)).toEqual({ ok: false, problem: 'region' }); // no province 20
    expect(parseNik('9908041203900001', NOW)).toEqual({ ok: false, problem: 'region' });
    expect(parseNik('6400041203900001', NOW)).toEqual({ ok: false, problem: 'region' });
    expect(parseNik('6408001203900001', NOW)).toEqual({ ok: false, problem: 'region' });
    expect(parseNik('6408041203900000', NOW)).toEqual({ ok: false, problem: 'serial' });
  });

  it('checks a KK number the same way, with its issue date (no +40)', () => {
    expect(parseKk('6408041505180003', NOW)).toEqual({ ok: true, value: { kk: '6408041505180003', regionCode: '64.08.04', issuedOn: '2018-05-15' } });
    expect(parseKk('6408045505180003', NOW)).toEqual({ ok: false, problem: 'date' });
    expect(parseKk('640804150518000', NOW)).toEqual({ ok: false, problem: 'length' });
  });

  it('gives Indonesian messages through the zod fields', () => {
    const nik = nikField(() => NOW);
    expect(nik.parse(' 6408 0412 0390 0001 ')).toBe('6408041203900001');
    expect(nik.safeParse('123').error?.issues[0]?.message).toMatch(/16 angka/);
    expect(nik.safeParse('abcdabcdabcdabcd').error?.issues[0]?.message).toMatch(/hanya berisi angka/);
    expect(nik.safeParse('6408043002900001').error?.issues[0]?.message).toMatch(/tanggal lahir/);
    expect(nik.safeParse('').error?.issues[0]?.message).toMatch(/Isi NIK/);
    expect(nik.safeParse(42).success).toBe(false);
    expect(nik.safeParse('1'.repeat(5000)).success).toBe(false);
    expect(kkField(() => NOW).safeParse('6408041505180000').error?.issues[0]?.message).toMatch(/0000/);
  });
});
