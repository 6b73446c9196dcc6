import { describe, expect, it } from 'vitest';
import { isReservedSlug } from '../../scripts/lib/reserved-slugs.mjs';
import { createApp } from '../../src/app';
import { FEATURES } from '../../src/features';
import { normalizeTrackingNumber } from '../../src/features/site/track-routes';
import { parseRegionPath } from '../../src/regions/paths';
import { get } from '../helpers/http';

const PREFIXES = ['', '/sangatta-utara', '/sangatta-utara/swarga-bara'];

describe('the region tracking page (/lacak at every level)', () => {
  it('is a region word: reserved as a slug and parsed as the rest at every level', () => {
    createApp(FEATURES);
    expect(isReservedSlug('lacak')).toBe(true);
    expect(parseRegionPath('/lacak')).toEqual({ regionPath: '', rest: ['lacak'] });
    expect(parseRegionPath('/sangatta-utara/lacak')).toEqual({ regionPath: 'sangatta-utara', rest: ['lacak'] });
    expect(parseRegionPath('/sangatta-utara/swarga-bara/lacak')).toEqual({ regionPath: 'sangatta-utara/swarga-bara', rest: ['lacak'] });
  });

  it('shows the Lacak box without a number, at regency, kecamatan and desa level', async () => {
    for (const prefix of PREFIXES) {
      const res = await get(`${prefix}/lacak`);
      expect(res.status, prefix).toBe(200);
      const html = await res.text();
      expect(html).toContain(`action="${prefix || ''}/lacak"`);
      expect(html).toContain('name="nomor"');
      for (const example of ['ADU-', 'PPID-', 'SRT-']) expect(html).toContain(example);
    }
  });

  it('sends each kind of number to its section tracking page in the same region, normalised', async () => {
    const cases: Array<[string, string]> = [
      ['adu 7k3q 9xpd', 'pengaduan'],
      ['PPID-7K3Q-9XPD', 'ppid'],
      [' srt-7k3q-9xpd ', 'layanan'],
    ];
    for (const prefix of PREFIXES) {
      for (const [raw, section] of cases) {
        const res = await get(`${prefix}/lacak?${new URLSearchParams({ nomor: raw })}`);
        expect(res.status, `${prefix} ${raw}`).toBe(303);
        const to = new URL(res.headers.get('Location') ?? '', 'http://x');
        expect(to.pathname).toBe(`${prefix}/${section}/lacak`);
        expect(to.searchParams.get('nomor')).toBe(normalizeTrackingNumber(raw));
        expect(to.searchParams.has('kode')).toBe(false);
      }
    }
  });

  it('answers an unknown number with the box, the number kept and a 400 that names the known prefixes', async () => {
    const res = await get('/sangatta-utara/lacak?nomor=%3Cb%3EXYZ-1');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('tidak dikenal');
    expect(html).toContain('ADU-, PPID-, SRT-');
    expect(html).not.toContain('<b>XYZ');
  });

  it('puts the Lacak box on every region home', async () => {
    for (const prefix of PREFIXES) {
      const html = await (await get(prefix || '/')).text();
      expect(html, prefix).toContain(`action="${prefix}/lacak"`);
    }
  });
});
