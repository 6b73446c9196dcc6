import { describe, expect, it } from 'vitest';
import { witaDateToMs } from '../../src/lib/time';
import { DEFAULT_NUMBER_PATTERN, defaultShortCode, formatNumber, patternProblem, prepareNumber, romanMonth } from '../../src/features/letters/numbering';
import { maskIdNumber, maskName, maskPhone } from '../../src/features/letters/mask';
import { parseVerifyCode, newVerifyCode, verifyCodeMatches } from '../../src/features/letters/verify-code';
import { parseKeyring } from '../../src/lib/keyring';

const DEC = witaDateToMs('2026-12-01') + 10 * 3600_000;

describe('letter numbers', () => {
  it('formats the pattern: classification / sequence / region code / Roman month / year', () => {
    expect(formatNumber(DEFAULT_NUMBER_PATTERN, { classification: '470', shortCode: 'DS-SB', issuedAt: DEC }, 12)).toBe('470/012/DS-SB/XII/2026');
    expect(formatNumber('{kode}-{tahun}.{bulan_angka}/{nomor}', { classification: '470', shortCode: 'KEC-SU', issuedAt: DEC }, 1234)).toBe(
      'KEC-SU-2026.12/1234',
    );
    // The WITA month counts: 31 Dec 2026 20:00 UTC is already 1 January 2027 in Sangatta.
    expect(formatNumber(DEFAULT_NUMBER_PATTERN, { classification: '470', shortCode: 'DS-SB', issuedAt: Date.UTC(2026, 11, 31, 20) }, 1)).toBe(
      '470/001/DS-SB/I/2027',
    );
  });

  it('prepares everything but the sequence for the database', () => {
    expect(prepareNumber(DEFAULT_NUMBER_PATTERN, { classification: '474.1', shortCode: 'DS-SB', issuedAt: DEC })).toEqual({
      prepared: '474.1/{#}/DS-SB/XII/2026',
      pad: 3,
      year: 2026,
    });
  });

  it('refuses patterns that cannot give unique numbers', () => {
    expect(patternProblem(DEFAULT_NUMBER_PATTERN)).toBeNull();
    expect(patternProblem('{klasifikasi}/{kode}/{tahun}')).toMatch(/\{nomor\} tepat satu kali/);
    expect(patternProblem('{nomor}/{nomor}/{tahun}')).toMatch(/tepat satu kali/);
    expect(patternProblem('{klasifikasi}/{nomor}/{kode}')).toMatch(/\{tahun\}/);
    expect(patternProblem('{nomor}/{tahun}/{hari}')).toMatch(/\{hari\} tidak dikenal/);
    expect(patternProblem('{nomor}/<b>/{tahun}')).toMatch(/hanya boleh/);
    expect(patternProblem('{nomor}/{#}/{tahun}')).toMatch(/hanya boleh/);
    expect(() => prepareNumber('{nomor}', { classification: '1', shortCode: 'X', issuedAt: DEC })).toThrow(RangeError);
  });

  it('has Roman months and default short codes', () => {
    expect([1, 4, 9, 12].map(romanMonth)).toEqual(['I', 'IV', 'IX', 'XII']);
    expect(() => romanMonth(13)).toThrow(RangeError);
    expect(defaultShortCode('desa', 'Swarga Bara')).toBe('DS-SB');
    expect(defaultShortCode('kelurahan', 'Teluk Lingga')).toBe('KEL-TL');
    expect(defaultShortCode('kecamatan', 'Sangatta Utara')).toBe('KEC-SU');
  });
});

describe('masking', () => {
  it('masks names word by word and identity numbers to their last four digits', () => {
    expect(maskName('Budi Sutejo')).toBe('B*** S*****');
    expect(maskName('Budi Santoso')).toBe('B*** S******');
    expect(maskName('  siti   nur  ')).toBe('s*** n**');
    expect(maskName('A')).toBe('A*');
    expect(maskIdNumber('6408041203900001')).toBe('************0001');
    expect(maskIdNumber('12')).toBe('**');
    expect(maskPhone('0812-3456-7890')).toBe('*********890');
  });
});

describe('verification codes', () => {
  const V1 = 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=';
  const V2 = 'YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn8=';
  const binding = { letterId: '01JABC', letterNumber: '470/012/DS-SB/XII/2026', regionCode: '64.08.04.2012', issuedAt: DEC };

  it('binds a code to its letter: any other letter, number, region, date or key fails', async () => {
    const keys = parseKeyring('VERIFY_KEYS', JSON.stringify({ v1: V1 }), 'v1');
    const made = await newVerifyCode(keys, binding);
    expect(made.code).toMatch(/^v1-[0-9A-Z]{16}-[0-9A-Z]{16}$/);
    const parsed = parseVerifyCode(made.code)!;
    expect(parsed).toEqual({ kid: 'v1', nonce: made.nonce, tag: made.code.slice(-16) });
    expect(await verifyCodeMatches(keys, parsed, binding)).toBe(true);
    for (const other of [{ letterId: '01JABD' }, { letterNumber: '470/013/DS-SB/XII/2026' }, { regionCode: '64.08.04.2011' }, { issuedAt: DEC + 1 }]) {
      expect(await verifyCodeMatches(keys, parsed, { ...binding, ...other }), JSON.stringify(other)).toBe(false);
    }
    const altered = { ...parsed, tag: (parsed.tag[0] === 'A' ? 'B' : 'A') + parsed.tag.slice(1) };
    expect(await verifyCodeMatches(keys, altered, binding)).toBe(false);
    expect(await verifyCodeMatches(keys, { ...parsed, kid: 'v9' }, binding)).toBe(false);
    const otherKey = parseKeyring('VERIFY_KEYS', JSON.stringify({ v1: V2 }), 'v1');
    expect(await verifyCodeMatches(otherKey, parsed, binding)).toBe(false);
  });

  it('keeps old codes valid after a new key becomes active', async () => {
    const old = parseKeyring('VERIFY_KEYS', JSON.stringify({ v1: V1 }), 'v1');
    const made = await newVerifyCode(old, binding);
    const rotated = parseKeyring('VERIFY_KEYS', JSON.stringify({ v1: V1, v2: V2 }), 'v2');
    expect(await verifyCodeMatches(rotated, parseVerifyCode(made.code)!, binding)).toBe(true);
    expect((await newVerifyCode(rotated, binding)).code.startsWith('v2-')).toBe(true);
  });

  it('parses what a person types or a scanner reads, and nothing else', () => {
    expect(parseVerifyCode('V1-abcdefghjkmnpqrs-0123456789ABCDEF')).toEqual({ kid: 'v1', nonce: 'ABCDEFGHJKMNPQRS', tag: '0123456789ABCDEF' });
    for (const bad of ['', 'v1', 'v1-ABC-DEF', 'v1-ABCDEFGHJKMNPQRI-0123456789ABCDEF', `v1-${'A'.repeat(16)}-${'B'.repeat(17)}`, '<script>', 'x'.repeat(500)]) {
      expect(parseVerifyCode(bad), bad).toBeNull();
    }
  });
});
