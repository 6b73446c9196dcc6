/**
 * CSV for every export, in two variants of one writer:
 * - `standar` — RFC 4180: comma separator, CRLF line ends, fields containing the separator, a quote, CR or LF (or
 *   leading/trailing spaces) quoted with quotes doubled, numbers with a decimal point, no BOM. For tools.
 * - `excel` — what Excel with Indonesian regional settings opens as columns: `;` separator, decimal comma, and a UTF-8
 *   BOM so Indonesian text (and "—") is not garbled. Otherwise the same rules.
 * Both neutralise formula injection: a text cell starting with = + - @ TAB or CR gets a leading apostrophe (OWASP), so
 * a spreadsheet shows it as text instead of running it. Numbers are written as numbers (a negative number is not
 * text and is not touched).
 */
import { contentDisposition } from './file-type';

export type CsvCell = string | number | null | undefined;
export type CsvRow = readonly CsvCell[];
export type CsvVariant = 'standar' | 'excel';

interface Dialect {
  separator: string;
  decimal: string;
  bom: boolean;
}

const DIALECTS: Record<CsvVariant, Dialect> = {
  standar: { separator: ',', decimal: '.', bom: false },
  excel: { separator: ';', decimal: ',', bom: true },
};

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell, variant: CsvVariant = 'standar'): string {
  const d = DIALECTS[variant];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', d.decimal) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(d.separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(row: CsvRow, variant: CsvVariant = 'standar'): string {
  return `${row.map((v) => csvCell(v, variant)).join(DIALECTS[variant].separator)}\r\n`;
}

/** A whole file (the BOM first in the Excel variant). */
export function toCsv(rows: readonly CsvRow[], variant: CsvVariant = 'standar'): string {
  return `${DIALECTS[variant].bom ? '\uFEFF' : ''}${rows.map((r) => csvLine(r, variant)).join('')}`;
}

/**
 * A file streamed page by page: the header first, then each page as the export reads it (bounded per query), so no
 * export has to stop at a row limit or hold everything in memory. A failing page aborts the download (the client
 * sees an error, never a silently short file).
 */
export function csvStream(header: CsvRow, pages: AsyncIterable<readonly CsvRow[]>, variant: CsvVariant = 'standar'): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${DIALECTS[variant].bom ? '\uFEFF' : ''}${csvLine(header, variant)}`));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map((r) => csvLine(r, variant)).join('')));
      } catch (err) {
        console.error('csv export failed', err instanceof Error ? err.message : 'unknown error');
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** `?format=excel` picks the Excel variant; anything else is the standard one. */
export function csvVariantOf(url: URL): CsvVariant {
  return url.searchParams.get('format') === 'excel' ? 'excel' : 'standar';
}

/** The link to the Excel variant of an export link. */
export function excelHref(href: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}format=excel`;
}

/** A CSV download; the Excel variant's file name says so. */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string, variant: CsvVariant = 'standar'): Response {
  const name = variant === 'excel' ? filename.replace(/\.csv$/i, '-excel.csv') : filename;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(name),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * The reader (imports of SiRUP/SPSE exports, any CSV a spreadsheet saves): RFC 4180 — quoted fields with doubled
 * quotes, separators and line breaks inside quotes, CRLF, LF or CR line ends — plus what Indonesian Excel writes: a
 * UTF-8 BOM and `;` as the separator. The separator is detected from the header record (`,`, `;` or TAB, whichever
 * occurs most outside quotes). A quote inside an unquoted field is kept as text; an unterminated quoted field is an
 * error with the record number. Hand-written because it is small and runs the same in Workers and Node.
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator of a file: the candidate that occurs most often outside quotes in the first record. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/**
 * Every record of a CSV text as arrays of fields (the header is record 1, as a spreadsheet numbers its rows). A final
 * line break does not make an empty record. Stops with a CsvSyntaxError after `maxRecords` records.
 */
export function parseCsv(text: string, options: { separator?: string; maxRecords?: number } = {}): string[][] {
  const input = text.replace(/^\uFEFF/, '');
  const sep = options.separator ?? detectSeparator(input);
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quotedField = false; // the current field was quoted (so `""` alone is still a field)
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    if (records.length > maxRecords) throw new CsvSyntaxError(`Berkas berisi lebih dari ${maxRecords} baris.`, records.length);
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '"' && field === '' && !quotedField) {
      // A quoted field: until the closing quote; "" is one quote.
      const start = records.length + 1;
      i++;
      for (;;) {
        if (i >= input.length) throw new CsvSyntaxError(`Tanda kutip pada baris ${start} tidak ditutup.`, start);
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      // Text after the closing quote up to the separator is kept (lenient, like spreadsheets).
      while (i < input.length && input[i] !== sep && input[i] !== '\n' && input[i] !== '\r') field += input[i++];
      quotedField = true;
      continue;
    }
    if (ch === sep) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || quotedField || record.length > 0) endRecord();
  return records;
}
