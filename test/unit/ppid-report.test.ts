import { describe, expect, it } from 'vitest';
import { parseKeyring } from '../../src/lib/keyring';
import type { ReportRow } from '../../src/features/ppid/repo';
import { computeReport, reportCsv, reportDueAt, yearWindow } from '../../src/features/ppid/report';
import {
  codeHash,
  lastFour,
  normalizeCode,
  normalizeNumber,
  privateCodeFor,
  newRequestNumber,
  openIdentity,
  sealIdentity,
  NUMBER_RE,
  CODE_RE,
} from '../../src/features/ppid/secrets';
import { witaDateKey, witaDateToMs } from '../../src/lib/time';
import { holidayCalendar } from '../../src/lib/working-days';

const CAL = holidayCalendar(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']);
const at = (d: string, h = 10) => witaDateToMs(d) + h * 3_600_000;

function row(p: Partial<ReportRow> & { regionCode: string; registeredAt: number }): ReportRow {
  return {
    status: p.answeredAt ? 'dijawab' : 'diterima',
    requesterType: 'perorangan',
    dueAt: p.registeredAt + 20 * 86_400_000,
    extendedAt: null,
    answeredAt: null,
    decision: null,
    refusalReason: null,
    objectionStatus: null,
    objectionOutcome: null,
    objectionFiledAt: null,
    objectionDueAt: null,
    objectionDecidedAt: null,
    commissionAt: null,
    ...p,
  } as ReportRow;
}

describe('annual report figures', () => {
  const rows: ReportRow[] = [
    // Answered after 3 working days (Mon 9 → Thu 12 March), granted.
    row({ regionCode: '64.08.04', registeredAt: at('2026-03-09'), answeredAt: at('2026-03-12'), decision: 'dipenuhi' }),
    // Refused after 4 working days: 16 → 27 March skips the Nyepi/Idul Fitri days off (18–24 March).
    row({
      regionCode: '64.08.04.2012',
      registeredAt: at('2026-03-16'),
      answeredAt: at('2026-03-27'),
      decision: 'ditolak',
      refusalReason: 'pasal_17h',
      requesterType: 'badan_hukum',
      objectionStatus: 'diputus',
      objectionOutcome: 'ditolak',
      objectionFiledAt: at('2026-03-30'),
      objectionDueAt: at('2026-04-30'),
      objectionDecidedAt: at('2026-05-04'),
      commissionAt: at('2026-05-10'),
    }),
    // Late answer, extended.
    row({
      regionCode: '64.08.04.2012',
      registeredAt: at('2026-02-02'),
      dueAt: at('2026-02-20'),
      extendedAt: at('2026-02-10'),
      answeredAt: at('2026-02-25'),
      decision: 'dipenuhi_sebagian',
      requesterType: 'kelompok',
    }),
    // Still open, with a pending objection for the missed deadline.
    row({
      regionCode: '64.08.04.2011',
      registeredAt: at('2026-01-05'),
      objectionStatus: 'diajukan',
      objectionFiledAt: at('2026-02-05'),
      objectionDueAt: at('2026-03-20'),
    }),
    row({ regionCode: '64.08.04.2011', registeredAt: at('2026-06-01'), answeredAt: at('2026-06-02'), decision: 'ditolak', refusalReason: null }),
  ];
  const report = computeReport({
    year: 2026,
    region: { code: '64.08.04', name: 'Kecamatan Sangatta Utara' },
    children: [
      { code: '64.08.04.2011', name: 'Desa Singa Gembara' },
      { code: '64.08.04.2012', name: 'Desa Swarga Bara' },
    ],
    rows,
    cal: CAL,
  });

  it('counts requests, timeliness, decisions and refusal reasons', () => {
    const f = report.figures;
    expect(f.total).toBe(5);
    expect(f.answered).toBe(4);
    expect(f.open).toBe(1);
    expect(f.onTime).toBe(3);
    expect(f.late).toBe(1);
    expect(f.extended).toBe(1);
    expect(f.decisions).toEqual({ dipenuhi: 1, dipenuhi_sebagian: 1, ditolak: 2, tidak_dikuasai: 0 });
    expect(f.refusalReasons).toEqual({ pasal_17h: 1, lainnya: 1 });
    expect(f.requesterTypes).toEqual({ perorangan: 3, badan_hukum: 1, kelompok: 1 });
  });

  it('measures time to answer in working days (holidays excluded): 3, 4, 17, 1 → avg 6.3, max 17', () => {
    // 9 → 12 March: 10, 11, 12. 16 → 27 March: 17, 25, 26, 27. 2 → 25 February: 17. 1 → 2 June: 1.
    expect(report.figures.maxWorkingDays).toBe(17);
    expect(report.figures.avgWorkingDays).toBe(Math.round(((3 + 4 + 17 + 1) / 4) * 10) / 10);
  });

  it('counts objections and their outcome, late decisions and the Komisi Informasi', () => {
    expect(report.figures.objections).toEqual({
      filed: 2,
      decided: 1,
      pending: 1,
      decidedLate: 1,
      commission: 1,
      outcomes: { dikabulkan: 0, dikabulkan_sebagian: 0, ditolak: 1 },
    });
  });

  it('breaks the figures down per child region, rolling up, plus the office itself', () => {
    expect(report.breakdown.map((b) => [b.code, b.figures.total])).toEqual([
      ['64.08.04', 1],
      ['64.08.04.2011', 2],
      ['64.08.04.2012', 2],
    ]);
    expect(report.breakdown.reduce((n, b) => n + b.figures.total, 0)).toBe(report.figures.total);
  });

  it('is due at the end of 31 March of the following year, WITA', () => {
    expect(witaDateKey(reportDueAt(2026))).toBe('2027-03-31');
    expect(reportDueAt(2026) + 1).toBe(witaDateToMs('2027-04-01'));
    expect(yearWindow(2026)).toEqual({ from: witaDateToMs('2026-01-01'), to: witaDateToMs('2027-01-01') });
  });

  it('writes RFC 4180 CSV (CRLF, no BOM) and the Excel variant (BOM, ;, decimal comma)', () => {
    const csv = reportCsv(report, 'Kecamatan Sangatta Utara');
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Laporan layanan informasi publik,Kecamatan Sangatta Utara,2026');
    expect(lines).toContain('Ringkasan,Jumlah permohonan,5');
    expect(lines).toContain('Ringkasan,Rata-rata waktu menjawab (hari kerja),6.3');
    expect(lines).toContain('Desa Swarga Bara (64.08.04.2012),Keputusan: Ditolak,1');
    const excel = reportCsv(report, 'Kecamatan Sangatta Utara', 'excel');
    expect(excel.startsWith('\uFEFF')).toBe(true);
    expect(excel.slice(1).split('\r\n')).toContain('Ringkasan;Rata-rata waktu menjawab (hari kerja);6,3');
  });
});

describe('PPID secrets', () => {
  const secret = 'unit-test-secret-at-least-32-characters!!';

  it('seals the identity number with the data key, bound to the request number, independent of SESSION_SECRET', async () => {
    const keys = parseKeyring('DATA_KEYS', JSON.stringify({ k1: btoa(String.fromCharCode(...new Uint8Array(32).fill(7))) }), 'k1');
    const c1 = await sealIdentity(keys, '6408041234567890', 'PPID-AAAA-BBBB');
    const c2 = await sealIdentity(keys, '6408041234567890', 'PPID-AAAA-BBBB');
    expect(c1).not.toBe(c2); // random IV
    expect(c1).not.toContain('6408041234567890');
    expect(c1).toMatch(/^k1:/);
    expect(await openIdentity(keys, secret, c1, 'PPID-AAAA-BBBB')).toBe('6408041234567890');
    expect(await openIdentity(keys, 'another-secret-at-least-32-characters-long', c1, 'PPID-AAAA-BBBB')).toBe('6408041234567890');
    expect(await openIdentity(keys, secret, c1, 'PPID-CCCC-DDDD')).toBeNull(); // moved to another row
    expect(await openIdentity(keys, secret, `${c1.slice(0, -2)}xx`, 'PPID-AAAA-BBBB')).toBeNull();
    expect(lastFour('6408 0412 3456 7890')).toBe('7890');
    expect(lastFour('AHU-0012.ab')).toBe('12AB');
  });

  it('makes readable numbers and codes, and derives the same code for the same key only', async () => {
    for (let i = 0; i < 50; i++) expect(newRequestNumber()).toMatch(NUMBER_RE);
    const a = await privateCodeFor(secret, 'info_request', 'kunci-idempotensi-0001');
    expect(a).toMatch(CODE_RE);
    expect(await privateCodeFor(secret, 'info_request', 'kunci-idempotensi-0001')).toBe(a);
    expect(await privateCodeFor(secret, 'info_request', 'kunci-idempotensi-0002')).not.toBe(a);
    expect(await privateCodeFor('another-secret-at-least-32-characters-long', 'info_request', 'kunci-idempotensi-0001')).not.toBe(a);
    expect(await codeHash('PPID-AAAA-BBBB', a)).toMatch(/^[0-9a-f]{64}$/);
    expect(normalizeNumber(' ppid 7k3q 9xpd ')).toBe('PPID-7K3Q-9XPD');
    expect(normalizeNumber('7K3Q9XPD')).toBe('PPID-7K3Q-9XPD');
    expect(normalizeNumber('PPID-0000-1111')).toBeNull();
    expect(normalizeNumber('<script>')).toBeNull();
    expect(normalizeCode('abcd efgh jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeCode('ABCD-EFGH')).toBeNull();
  });
});
