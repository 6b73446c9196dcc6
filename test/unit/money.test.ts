import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../../src/lib/money';

describe('formatRupiah', () => {
  it('groups thousands with dots', () => {
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1000)).toBe('Rp 1.000');
    expect(formatRupiah(100000)).toBe('Rp 100.000');
    expect(formatRupiah(1000000)).toBe('Rp 1.000.000');
    expect(formatRupiah(1250000000)).toBe('Rp 1.250.000.000');
  });

  it('puts the sign before Rp', () => {
    expect(formatRupiah(-5000)).toBe('-Rp 5.000');
    expect(formatRupiah(-999)).toBe('-Rp 999');
    expect(formatRupiah(-1250000000)).toBe('-Rp 1.250.000.000');
  });

  it('never shows -Rp 0', () => {
    expect(formatRupiah(-0)).toBe('Rp 0');
    expect(formatRupiah(-0.4)).toBe('Rp 0');
  });

  it('rounds fractions half away from zero (no decimals)', () => {
    expect(formatRupiah(1234.4)).toBe('Rp 1.234');
    expect(formatRupiah(1234.5)).toBe('Rp 1.235');
    expect(formatRupiah(-1234.5)).toBe('-Rp 1.235');
    expect(formatRupiah(999.5)).toBe('Rp 1.000');
  });

  it('handles bigint and amounts beyond Number.MAX_SAFE_INTEGER', () => {
    expect(formatRupiah(0n)).toBe('Rp 0');
    expect(formatRupiah(1250000000n)).toBe('Rp 1.250.000.000');
    expect(formatRupiah(-5000n)).toBe('-Rp 5.000');
    expect(formatRupiah(12345678901234567890n)).toBe('Rp 12.345.678.901.234.567.890');
    expect(formatRupiah(1e21)).toBe('Rp 1.000.000.000.000.000.000.000');
  });

  it('rejects NaN and infinities', () => {
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
