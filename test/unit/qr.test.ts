import { describe, expect, it } from 'vitest';
import { qrPath } from '../../src/lib/qr';

describe('poster QR codes', () => {
  it('draws a square code whose size grows with the text, as one SVG path in module units', () => {
    const short = qrPath('https://portal.example.id/s/AB12');
    const long = qrPath(`https://portal.example.id/sangatta-utara/swarga-bara/pengaduan?${'x'.repeat(120)}`);
    expect(short.size).toBeGreaterThanOrEqual(21); // version 1 is 21×21 modules
    expect((short.size - 17) % 4).toBe(0); // every QR version is 17 + 4·v modules wide
    expect(long.size).toBeGreaterThan(short.size);
    expect(short.d).toMatch(/^M[\d.]+[ ,]?[\d.]+/);
    expect(qrPath('https://portal.example.id/s/AB12')).toEqual(short);
    expect(qrPath('https://portal.example.id/s/AB13').d).not.toBe(short.d);
  });
});
