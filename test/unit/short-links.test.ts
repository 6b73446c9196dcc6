import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/regions/paths';
import { expandCode, parseShortCode, SECTION_LETTERS, shortPath } from '../../src/regions/short-links';

describe('short links', () => {
  it('round-trips every level and every section', () => {
    for (const code of ['64.08', '64.08.04', '64.08.04.2012', '64.08.04.1010']) {
      expect(parseShortCode(shortPath(code).slice(3))).toEqual({ kind: 'region', regionCode: code });
      for (const section of SECTIONS) {
        expect(parseShortCode(shortPath(code, section).slice(3))).toEqual({ kind: 'region', regionCode: code, section });
      }
    }
    expect(new Set(Object.values(SECTION_LETTERS)).size).toBe(SECTIONS.length);
    expect(shortPath('64.08.04.2012', 'pengaduan')).toBe('/s/6408042012a');
  });

  it('reads tracking numbers in any case and refuses everything else', () => {
    expect(parseShortCode('adu-7k3q-9xpd')).toEqual({ kind: 'number', number: 'ADU-7K3Q-9XPD' });
    expect(parseShortCode('PPID-7K3Q-9XPD')).toEqual({ kind: 'number', number: 'PPID-7K3Q-9XPD' });
    for (const bad of ['', '64080', '6408042012z', '640804201', '<script>', '../admin', 'x'.repeat(50), '%E0%A4%A']) {
      expect(() => parseShortCode(bad)).not.toThrow();
    }
    expect(parseShortCode('64080')).toBeNull();
    expect(parseShortCode('6408042012z')).toBeNull();
    expect(parseShortCode('../admin')).toBeNull();
    expect(expandCode('64a8')).toBeNull();
  });
});
