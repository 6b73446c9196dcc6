import { describe, expect, it } from 'vitest';
import { ancestorCodes, isRegionCode, isWithin, levelOfCode, selfAndAncestors, subtreeRange } from '../../src/regions/codes';
import { selfAndAncestorPaths } from '../../src/regions/context';
import { parseRegionPath, regionHref } from '../../src/regions/paths';

describe('parseRegionPath', () => {
  it('splits region prefix and section', () => {
    expect(parseRegionPath('/')).toEqual({ regionPath: '', rest: [] });
    expect(parseRegionPath('/berita')).toEqual({ regionPath: '', rest: ['berita'] });
    expect(parseRegionPath('/sangatta-utara')).toEqual({ regionPath: 'sangatta-utara', rest: [] });
    expect(parseRegionPath('/sangatta-utara/berita/judul')).toEqual({ regionPath: 'sangatta-utara', rest: ['berita', 'judul'] });
    expect(parseRegionPath('/sangatta-utara/swarga-bara/peta')).toEqual({ regionPath: 'sangatta-utara/swarga-bara', rest: ['peta'] });
    expect(parseRegionPath('/sangatta-utara/swarga-bara/berita.xml')).toEqual({ regionPath: 'sangatta-utara/swarga-bara', rest: ['berita.xml'] });
    expect(parseRegionPath('/berita.xml')).toEqual({ regionPath: '', rest: ['berita.xml'] });
  });
  it('refuses reserved top-level words and malformed slugs', () => {
    expect(parseRegionPath('/admin')).toBeNull();
    expect(parseRegionPath('/wilayah')).toBeNull();
    expect(parseRegionPath('/Sangatta')).toBeNull();
    expect(parseRegionPath('/<script>')).toBeNull();
    expect(parseRegionPath(`/${'a'.repeat(81)}`)).toBeNull();
  });
  it('builds hrefs', () => {
    expect(regionHref('')).toBe('/');
    expect(regionHref('', 'berita')).toBe('/berita');
    expect(regionHref('a/b', 'berita', 'x')).toBe('/a/b/berita/x');
  });
  it('derives ancestor paths from the path alone', () => {
    expect(selfAndAncestorPaths('')).toEqual(['']);
    expect(selfAndAncestorPaths('a/b')).toEqual(['', 'a', 'a/b']);
  });
});

describe('region codes', () => {
  it('validates Kemendagri codes', () => {
    for (const ok of ['64', '64.08', '64.08.05', '64.08.05.2001']) expect(isRegionCode(ok)).toBe(true);
    for (const bad of ['', '64.8', '64.08.5', '64.08.05.201', '64.08.05.2001.1', "64.08'--"]) expect(isRegionCode(bad)).toBe(false);
  });
  it('knows ancestors, subtree ranges and levels', () => {
    expect(ancestorCodes('64.08.05.2001')).toEqual(['64', '64.08', '64.08.05']);
    expect(selfAndAncestors('64.08.05')).toEqual(['64.08.05', '64.08', '64']);
    const r = subtreeRange('64.08.05');
    const inRange = (c: string) => c >= r.from && c < r.to;
    expect(inRange('64.08.05')).toBe(true);
    expect(inRange('64.08.05.2001')).toBe(true);
    expect(inRange('64.08.06')).toBe(false);
    expect(inRange('64.08.04.2012')).toBe(false);
    expect(isWithin('64.08.05.2001', '64.08.05')).toBe(true);
    expect(isWithin('64.08.050', '64.08.05')).toBe(false);
    expect(levelOfCode('64.08.04.1010')).toBe('kelurahan');
    expect(levelOfCode('64.08.04.2012')).toBe('desa');
    expect(levelOfCode('64.08.04')).toBe('kecamatan');
  });
});
