// The one CSV writer: RFC 4180 and the Indonesian-Excel variant, read back with a standard parser (csv-parse).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvResponse, csvStream, csvVariantOf, excelHref, toCsv, type CsvRow } from '../../src/lib/csv';

const HOSTILE: CsvRow = [
  'kata "kutip"',
  'baris\nbaru',
  'baris\r\nwindows',
  'a,b',
  'a;b',
  '=HYPERLINK("http://evil.example","klik")',
  '+62812',
  '-1+1',
  '@SUM(A1)',
  '\tTAB',
  '\rCR',
  '  spasi  ',
  'Desa Swarga Bara — Sangatta',
  '',
  null,
  undefined,
  1234.5,
  -7,
  Number.NaN,
];
/** What a spreadsheet user should see in each cell. */
const SHOWN = [
  'kata "kutip"',
  'baris\nbaru',
  'baris\r\nwindows',
  'a,b',
  'a;b',
  `'=HYPERLINK("http://evil.example","klik")`,
  "'+62812",
  "'-1+1",
  "'@SUM(A1)",
  "'\tTAB",
  "'\rCR",
  '  spasi  ',
  'Desa Swarga Bara — Sangatta',
  '',
  '',
  '',
];

const read = (text: string, delimiter: string) => parse(text, { delimiter, bom: true, relax_column_count: false }) as string[][];

describe('RFC 4180 variant', () => {
  it('round-trips quotes, newlines, separators and spaces through a standard parser, formulas neutralised', () => {
    const csv = toCsv([HOSTILE, HOSTILE, HOSTILE]);
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = read(csv, ',');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([...SHOWN, '1234.5', '-7', '']);
    expect(rows[2]).toEqual(rows[1]);
  });

  it('quotes only when needed, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+62812')).toBe("'+62812");
    expect(csvCell(null)).toBe('');
    expect(csvCell(6.3)).toBe('6.3');
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
    expect(toCsv([['a', 1]])).toBe('a,1\r\n');
  });
});

describe('Indonesian Excel variant', () => {
  it('uses ; and a decimal comma, starts with a UTF-8 BOM, and reads back with a standard parser', () => {
    const csv = toCsv([HOSTILE, HOSTILE], 'excel');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csvLine(['Rata-rata', 6.3, 1250000], 'excel')).toBe('Rata-rata;6,3;1250000\r\n');
    expect(csvCell('a,b', 'excel')).toBe('a,b');
    expect(csvCell('a;b', 'excel')).toBe('"a;b"');
    const rows = read(csv, ';');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([...SHOWN, '1234,5', '-7', '']);
  });
});

describe('streamed exports', () => {
  async function* pages(n: number, size: number) {
    for (let p = 0; p < n; p++) yield Array.from({ length: size }, (_, i): CsvRow => [`ADU-${p}-${i}`, p * size + i, i % 2 ? '=1+1' : 'teks; "kutip"\nbaris']);
  }

  it('writes the header, then every page, in both variants', async () => {
    for (const [variant, delimiter] of [
      ['standar', ','],
      ['excel', ';'],
    ] as const) {
      const text = await new Response(csvStream(['nomor', 'urut', 'catatan'], pages(7, 300), variant)).text();
      const rows = read(text, delimiter);
      expect(rows).toHaveLength(1 + 7 * 300);
      expect(rows[0]).toEqual(['nomor', 'urut', 'catatan']);
      expect(rows.at(-1)).toEqual(['ADU-6-299', '2099', "'=1+1"]);
      expect(rows[1]![2]).toBe('teks; "kutip"\nbaris');
      expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(2100);
    }
  });

  it('aborts the download when a page fails instead of ending short', async () => {
    async function* failing() {
      yield [['satu']];
      throw new Error('D1 unavailable');
    }
    await expect(new Response(csvStream(['kolom'], failing())).text()).rejects.toThrow();
  });
});

describe('choosing and serving a variant', () => {
  it('picks Excel only on ?format=excel and names the file accordingly', () => {
    expect(csvVariantOf(new URL('https://x.id/a.csv?format=excel'))).toBe('excel');
    expect(csvVariantOf(new URL('https://x.id/a.csv?format=EXCEL'))).toBe('standar');
    expect(csvVariantOf(new URL('https://x.id/a.csv'))).toBe('standar');
    expect(excelHref('/a.csv')).toBe('/a.csv?format=excel');
    expect(excelHref('/a.csv?tahun=2025')).toBe('/a.csv?tahun=2025&format=excel');
    const res = csvResponse('a\r\n', 'laporan-2025.csv', 'excel');
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toContain('filename="laporan-2025-excel.csv"');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});
