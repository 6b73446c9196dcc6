/**
 * NIK and KK numbers (Dukcapil): 16 digits each, checked for structure, never for existence (only Dukcapil can).
 *
 *   NIK  PP RR KK DDMMYY SSSS   province, regency/city, district (Kemendagri codes), date of birth — women add 40
 *                               to the day — and a serial that is never 0000.
 *   KK   PP RR KK DDMMYY SSSS   the same region prefix, the date the card was issued (no +40), and a serial.
 *
 * Province codes are the Kemendagri list (incl. the Papua provinces formed in 2022); regency and district parts are
 * never 00. The two-digit year is read as the most recent year not after today (a 16-year-old born in 2010 and an
 * 80-year-old born in 1946 both work; ages over 99 cannot be told apart, which Dukcapil's format shares).
 */
import { z } from 'zod';
import { witaParts } from '../../lib/time';

export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

export type IdProblem = 'length' | 'digits' | 'region' | 'date' | 'serial';

export interface NikInfo {
  nik: string;
  /** '64.08.04' */
  regionCode: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  gender: 'L' | 'P';
  serial: string;
}

export type IdResult<T> = { ok: true; value: T } | { ok: false; problem: IdProblem };

/** What a person typed, without spaces, dots and dashes (KTP numbers are often written in groups). */
export function compactId(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkShape(id: string): IdProblem | null {
  if (!/^\d*$/.test(id)) return 'digits';
  if (id.length !== 16) return 'length';
  if (!PROVINCE_CODES.has(id.slice(0, 2)) || id.slice(2, 4) === '00' || id.slice(4, 6) === '00') return 'region';
  if (id.slice(12) === '0000') return 'serial';
  return null;
}

/** DDMMYY (day already without the +40) as the latest such date not after `now`'s WITA day; null when impossible. */
function pastDate(day: number, month: number, yy: number, now: number): string | null {
  const today = witaParts(now);
  const todayKey = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  const century = Math.floor(today.year / 100) * 100;
  for (const year of [century + yy, century - 100 + yy]) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) continue;
    const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (key <= todayKey) return key;
  }
  return null;
}

const regionOf = (id: string) => `${id.slice(0, 2)}.${id.slice(2, 4)}.${id.slice(4, 6)}`;

export function parseNik(input: string, now: number): IdResult<NikInfo> {
  const nik = compactId(input);
  const shape = checkShape(nik);
  if (shape) return { ok: false, problem: shape };
  const rawDay = Number(nik.slice(6, 8));
  const gender = rawDay > 40 ? 'P' : 'L';
  const birthDate = pastDate(gender === 'P' ? rawDay - 40 : rawDay, Number(nik.slice(8, 10)), Number(nik.slice(10, 12)), now);
  if (!birthDate) return { ok: false, problem: 'date' };
  return { ok: true, value: { nik, regionCode: regionOf(nik), birthDate, gender, serial: nik.slice(12) } };
}

export function parseKk(input: string, now: number): IdResult<{ kk: string; regionCode: string; issuedOn: string }> {
  const kk = compactId(input);
  const shape = checkShape(kk);
  if (shape) return { ok: false, problem: shape };
  const issuedOn = pastDate(Number(kk.slice(6, 8)), Number(kk.slice(8, 10)), Number(kk.slice(10, 12)), now);
  if (!issuedOn) return { ok: false, problem: 'date' };
  return { ok: true, value: { kk, regionCode: regionOf(kk), issuedOn } };
}

const MESSAGES: Record<'nik' | 'kk', Record<IdProblem, string>> = {
  nik: {
    digits: 'NIK hanya berisi angka (16 angka pada KTP).',
    length: 'NIK harus 16 angka. Salin dari KTP atau Kartu Keluarga.',
    region: 'Enam angka pertama NIK bukan kode wilayah yang dikenal. Periksa kembali NIK Anda.',
    date: 'Angka tanggal lahir dalam NIK (angka ke-7 sampai ke-12) tidak mungkin. Periksa kembali NIK Anda.',
    serial: 'Empat angka terakhir NIK tidak boleh 0000. Periksa kembali NIK Anda.',
  },
  kk: {
    digits: 'Nomor KK hanya berisi angka (16 angka pada Kartu Keluarga).',
    length: 'Nomor KK harus 16 angka. Salin dari Kartu Keluarga.',
    region: 'Enam angka pertama nomor KK bukan kode wilayah yang dikenal. Periksa kembali nomor KK.',
    date: 'Angka tanggal dalam nomor KK (angka ke-7 sampai ke-12) tidak mungkin. Periksa kembali nomor KK.',
    serial: 'Empat angka terakhir nomor KK tidak boleh 0000. Periksa kembali nomor KK.',
  },
};

/** Zod field for a NIK (the 16 digits out); `now` fixes "today" for the date check. */
export function nikField(now: () => number = Date.now) {
  return z
    .string({ message: 'Isi NIK (16 angka pada KTP).' })
    .max(40, MESSAGES.nik.length)
    .transform((v, ctx) => {
      if (!compactId(v)) {
        ctx.addIssue({ code: 'custom', message: 'Isi NIK (16 angka pada KTP).' });
        return z.NEVER;
      }
      const r = parseNik(v, now());
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: MESSAGES.nik[r.problem] });
        return z.NEVER;
      }
      return r.value.nik;
    });
}

export function kkField(now: () => number = Date.now) {
  return z
    .string({ message: 'Isi nomor KK (16 angka pada Kartu Keluarga).' })
    .max(40, MESSAGES.kk.length)
    .transform((v, ctx) => {
      if (!compactId(v)) {
        ctx.addIssue({ code: 'custom', message: 'Isi nomor KK (16 angka pada Kartu Keluarga).' });
        return z.NEVER;
      }
      const r = parseKk(v, now());
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: MESSAGES.kk[r.problem] });
        return z.NEVER;
      }
      return r.value.kk;
    });
}
