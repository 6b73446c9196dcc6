// The CSV reader of src/lib/csv.ts, checked against csv-parse (a standard parser) and against what the one CSV writer
// produces, in both variants: what the portal writes it reads back unchanged.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectSeparator, parseCsv, toCsv } from '../../src/lib/csv';

const TRICKY = ['kata "kutip"', 'baris\nbaru', 'baris\r\nwindows', 'a,b', 'a;b', '  spasi  ', '', 'Desa Swarga Bara — Sangatta'];

describe('parseCsv', () => {
  it('reads RFC 4180 like csv-parse: quotes, doubled quotes, separators and line breaks inside quotes, CRLF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","multi\nline"\r\n1,,3\r\n';
    expect(parseCsv(text)).toEqual(parse(text, { relax_column_count: true }));
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'multi\nline'],
      ['1', '', '3'],
    ]);
  });

  it('reads back what the writer writes, in the standard and the Excel variant', () => {
    for (const variant of ['standar', 'excel'] as const) {
      const text = toCsv(
        [
          ['kolom', ...TRICKY.map((_, i) => `k${i}`)],
          ['nilai', ...TRICKY],
        ],
        variant,
      );
      expect(parseCsv(text), variant).toEqual([
        ['kolom', ...TRICKY.map((_, i) => `k${i}`)],
        ['nilai', ...TRICKY],
      ]);
    }
  });

  it('detects the separator from the header (Indonesian Excel saves with ;) and drops the BOM', () => {
    expect(detectSeparator('\uFEFFKode RUP;Nama Paket;"Pagu; Rp"\r\n1;2;3')).toBe(';');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(detectSeparator('a,b;c,d')).toBe(',');
    expect(parseCsv('\uFEFFKode;Nama\r\n1;"Jalan; Tahap I"\r\n')).toEqual([
      ['Kode', 'Nama'],
      ['1', 'Jalan; Tahap I'],
    ]);
  });

  it('keeps a quoted empty field as a field, a lone CR as a line end, and no empty record after the last line', () => {
    expect(parseCsv('""')).toEqual([['']]);
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a"b,c')).toEqual([['a"b', 'c']]); // a stray quote inside a field is text
  });

  it('refuses an unterminated quote with its record number, and too many records', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3');
    } catch (err) {
      expect((err as CsvSyntaxError).record).toBe(2);
    }
    expect(() => parseCsv('a\nb\nc\nd', { maxRecords: 3 })).toThrow(/lebih dari 3 baris/);
  });
});
