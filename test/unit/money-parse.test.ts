// Amounts as Indonesian forms and procurement exports write them → integer Rupiah (src/lib/money.ts), and back.
import { describe, expect, it } from 'vitest';
import { formatRupiah, parseRupiah } from '../../src/lib/money';

const value = (s: string) => {
  const r = parseRupiah(s);
  if (!r?.ok) throw new Error(`not read: ${s} ${r ? r.message : 'empty'}`);
  return r.value;
};

describe('parseRupiah', () => {
  it('reads full amounts in every way exports write them', () => {
    for (const s of [
      '1250000000',
      '1.250.000.000',
      'Rp 1.250.000.000',
      'Rp. 1.250.000.000',
      'Rp1.250.000.000',
      'IDR 1.250.000.000',
      '1.250.000.000,00',
      'Rp 1.250.000.000,00',
      '1250000000,00',
      '1,250,000,000',
      '1,250,000,000.00',
      '1250000000.00',
      ' 1.250.000.000 ',
      '1\u00a0250\u00a0000\u00a0000',
    ]) {
      expect(value(s), s).toBe(1_250_000_000);
    }
    expect(value('0')).toBe(0);
    expect(value('1.250')).toBe(1250); // a dot before three digits groups thousands
  });

  it('rounds sen half away from zero', () => {
    expect(value('198.765.432,49')).toBe(198_765_432);
    expect(value('198.765.432,50')).toBe(198_765_433);
    expect(value('1234.5')).toBe(1235);
  });

  it('refuses abbreviations (rounded for display), negatives and anything else, with a message', () => {
    for (const s of ['1,25 M', 'Rp 2,3 M', '450 Jt', '450 juta', '2 Miliar', '500rb', '1,5 T']) {
      const r = parseRupiah(s);
      expect(r && !r.ok && r.message, s).toContain('Nilai disingkat');
    }
    for (const s of ['-5.000', '(5.000)', 'seratus ribu', '1.25.000', '12,34,56', '1e9']) {
      const r = parseRupiah(s);
      expect(r?.ok, s).toBe(false);
    }
    expect(parseRupiah('   ')).toBeNull();
    expect(parseRupiah('Rp')).toBeNull();
  });

  it('round-trips with formatRupiah', () => {
    for (const n of [0, 5_000, 98_500_000, 1_250_000_000, 912_345_678_901]) expect(value(formatRupiah(n))).toBe(n);
    expect(formatRupiah(1_250_000_000)).toBe('Rp 1.250.000.000');
  });
});
