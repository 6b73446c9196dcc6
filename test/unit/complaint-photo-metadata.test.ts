import { describe, expect, it } from 'vitest';
import { exifOrientation, stripJpeg, stripPng } from '../../src/lib/photo-metadata';
import { imageDimensions, sniffFileType } from '../../src/lib/file-type';
import { jpegBytes } from '../helpers/complaints';

const has = (b: Uint8Array, text: string) => new TextDecoder('latin1').decode(b).includes(text);

describe('photo metadata removal', () => {
  it('drops EXIF (e.g. GPS) and comments from a JPEG but keeps its orientation and pixels', () => {
    const original = jpegBytes(1200, 900, { exifOrientation: 6, exifText: 'GPS -0.5123,117.123 Budi' });
    expect(has(original, 'GPS')).toBe(true);
    const clean = stripJpeg(original);
    expect(has(clean, 'GPS')).toBe(false);
    expect(has(clean, 'komenta')).toBe(false);
    expect(sniffFileType(clean)?.mime).toBe('image/jpeg');
    expect(imageDimensions(clean)).toEqual({ width: 1200, height: 900 });
    const app1 = clean.indexOf(0xe1, 2);
    expect(clean[app1 - 1]).toBe(0xff);
    expect(exifOrientation(clean.subarray(app1 + 3))).toBe(6);
    expect([...clean.slice(-2)]).toEqual([0xff, 0xd9]);
  });

  it('adds no EXIF block when the orientation is normal', () => {
    const clean = stripJpeg(jpegBytes(100, 100, { exifOrientation: 1, exifText: 'GPS' }));
    expect(has(clean, 'Exif')).toBe(false);
  });

  it('drops text and EXIF chunks from a PNG', () => {
    const chunk = (type: string, data: number[]) => {
      const len = data.length;
      return [len >>> 24, (len >> 16) & 255, (len >> 8) & 255, len & 255, ...new TextEncoder().encode(type), ...data, 0, 0, 0, 0];
    };
    const ihdr = [0, 0, 0, 20, 0, 0, 0, 10, 8, 2, 0, 0, 0];
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...chunk('IHDR', ihdr),
      ...chunk('tEXt', [...new TextEncoder().encode('Author\0Budi Santoso')]),
      ...chunk('IDAT', [1, 2, 3]),
      ...chunk('IEND', []),
    ]);
    const clean = stripPng(png);
    expect(has(png, 'Budi')).toBe(true);
    expect(has(clean, 'Budi')).toBe(false);
    expect(imageDimensions(clean)).toEqual({ width: 20, height: 10 });
    expect(has(clean, 'IDAT')).toBe(true);
    expect(has(clean, 'IEND')).toBe(true);
  });
});
