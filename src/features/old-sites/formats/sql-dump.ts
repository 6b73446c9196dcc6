/**
 * A streaming reader of MySQL/MariaDB dumps (mysqldump, phpMyAdmin, OpenSID's own backup): fed text in chunks, it
 * keeps the CREATE TABLE columns and the INSERT rows of the tables it is asked for, and lets every other statement
 * stream past without keeping it — a population table's rows (NIK, KK, addresses) are counted, never stored, not even
 * as a whole statement in memory. Hand-written: no SQL dump reader runs on Workers, and the grammar needed (strings with
 * MySQL escapes, numbers, NULL, hex and _binary literals, comments) is small.
 */
export interface DumpTable {
  columns: string[] | null;
  rows: Array<Array<string | null>>;
}

const HEAD_CHARS = 400;

export class SqlDumpReader {
  readonly tables = new Map<string, DumpTable>();
  /** Rows of tables that were not read, by table name (INSERT statements only). */
  readonly skippedRows = new Map<string, number>();
  private head = '';
  private body: string[] = [];
  private mode: 'head' | 'keep' | 'skip' = 'head';
  private skipTable: string | null = null;
  private quote: string | null = null;
  private escape = false;
  private comment: 'line' | 'block' | null = null;
  private depth = 0;
  private prev = '';
  /** A non-blank character of the current statement was seen (comments only start a statement's head). */
  private started = false;

  constructor(private readonly wanted: (table: string) => boolean) {}

  push(chunk: string): void {
    let keepFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (this.comment) {
        if (this.comment === 'line' && ch === '\n') this.comment = null;
        else if (this.comment === 'block' && this.prev === '*' && ch === '/') this.comment = null;
        this.prev = ch;
        if (this.mode === 'head') keepFrom = i + 1;
        continue;
      }
      if (this.quote) {
        if (this.escape) this.escape = false;
        else if (ch === '\\' && this.quote !== '`') this.escape = true;
        else if (ch === this.quote) this.quote = null;
      } else if (ch === "'" || ch === '"' || ch === '`') {
        this.quote = ch;
      } else if (this.mode === 'head' && !this.started && ((ch === '-' && chunk[i + 1] === '-') || ch === '#')) {
        this.comment = 'line';
      } else if (this.mode === 'head' && !this.started && ch === '/' && chunk[i + 1] === '*') {
        this.comment = 'block';
      } else if (ch === '(') {
        if (this.mode === 'skip' && this.depth === 0 && this.skipTable) this.skippedRows.set(this.skipTable, (this.skippedRows.get(this.skipTable) ?? 0) + 1);
        this.depth++;
      } else if (ch === ')') {
        this.depth = Math.max(0, this.depth - 1);
      } else if (ch === ';' && this.depth === 0) {
        if (this.mode === 'head') this.head += chunk.slice(keepFrom, i);
        else if (this.mode === 'keep') this.body.push(chunk.slice(keepFrom, i));
        this.finishStatement();
        keepFrom = i + 1;
        this.prev = ch;
        continue;
      }
      this.prev = ch;
      if (!this.comment && !/\s/.test(ch)) this.started = true;
      if (this.mode === 'head' && this.head.length + (i - keepFrom) >= HEAD_CHARS) {
        this.head += chunk.slice(keepFrom, i + 1);
        keepFrom = i + 1;
        this.decide();
      }
    }
    if (this.mode === 'head') this.head += chunk.slice(keepFrom);
    else if (this.mode === 'keep') this.body.push(chunk.slice(keepFrom));
  }

  end(): void {
    if (this.mode === 'head' && this.head.trim() !== '') this.decide();
    this.finishStatement();
  }

  /** Decides from the statement's start whether it is kept (a wanted table) or streams past. */
  private decide(): void {
    const table = statementTable(this.head);
    if (table && this.wanted(table)) {
      this.mode = 'keep';
      this.body = [this.head];
      return;
    }
    this.mode = 'skip';
    this.skipTable = table && /^\s*(insert|replace)\b/i.test(this.head) ? table : null;
    // Rows already inside the head (short statements) are counted here.
    if (this.skipTable) {
      const values = this.head.search(/\bvalues\b/i);
      if (values >= 0) this.skippedRows.set(this.skipTable, (this.skippedRows.get(this.skipTable) ?? 0) + countTuples(this.head.slice(values)));
    }
    this.head = '';
  }

  private finishStatement(): void {
    if (this.mode === 'head' && this.head.trim() !== '') this.decide();
    if (this.mode === 'keep') this.readStatement(this.body.join(''));
    this.head = '';
    this.body = [];
    this.mode = 'head';
    this.skipTable = null;
    this.depth = 0;
    this.started = false;
  }

  private readStatement(sql: string): void {
    const table = statementTable(sql);
    if (!table) return;
    const t = this.tables.get(table) ?? { columns: null, rows: [] };
    this.tables.set(table, t);
    if (/^\s*create\s+table/i.test(sql)) {
      t.columns = createColumns(sql);
      return;
    }
    const m = /^\s*(?:insert|replace)(?:\s+ignore)?\s+into\s+`?[\w$]+`?\s*(\(([^)]*)\))?\s*values\s*/i.exec(sql);
    if (!m) return;
    const columns = m[2] ? m[2].split(',').map((c) => c.trim().replace(/^`|`$/g, '')) : null;
    if (columns) t.columns ??= columns;
    for (const row of parseTuples(sql.slice(m[0].length))) {
      if (columns && t.columns && columns !== t.columns) t.rows.push(t.columns.map((c) => row[columns.indexOf(c)] ?? null));
      else t.rows.push(row);
    }
  }
}

/** The table a statement is about (CREATE TABLE / INSERT / REPLACE), lower case; null for anything else. */
function statementTable(sql: string): string | null {
  const m = /^\s*(?:create\s+table(?:\s+if\s+not\s+exists)?|(?:insert|replace)(?:\s+ignore)?\s+into)\s+`?([\w$]+)`?/i.exec(sql);
  return m ? m[1]!.toLowerCase() : null;
}

function countTuples(values: string): number {
  let depth = 0;
  let n = 0;
  let quote: string | null = null;
  let escape = false;
  for (const ch of values) {
    if (quote) {
      if (escape) escape = false;
      else if (ch === '\\') escape = true;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') {
      if (depth === 0) n++;
      depth++;
    } else if (ch === ')') depth--;
  }
  return n;
}

function createColumns(sql: string): string[] {
  const open = sql.indexOf('(');
  const out: string[] = [];
  for (const line of sql.slice(open + 1).split('\n')) {
    const m = /^\s*`([^`]+)`\s+\w/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', Z: '\x1a', b: '\b' };

/** `(1,'a\'b',NULL),(2,…)` → rows of text values (numbers as written, NULL as null). */
export function parseTuples(values: string): Array<Array<string | null>> {
  const rows: Array<Array<string | null>> = [];
  let i = 0;
  const n = values.length;
  while (i < n) {
    while (i < n && values[i] !== '(') i++;
    if (i >= n) break;
    i++;
    const row: Array<string | null> = [];
    for (;;) {
      while (i < n && /\s/.test(values[i]!)) i++;
      if (values.startsWith('_binary', i)) i += 7;
      while (i < n && /\s/.test(values[i]!)) i++;
      const ch = values[i];
      if (ch === "'" || ch === '"') {
        const q = ch;
        let s = '';
        i++;
        while (i < n) {
          const c = values[i]!;
          if (c === '\\') {
            const e = values[i + 1] ?? '';
            s += ESCAPES[e] ?? e;
            i += 2;
          } else if (c === q && values[i + 1] === q) {
            s += q;
            i += 2;
          } else if (c === q) {
            i++;
            break;
          } else {
            s += c;
            i++;
          }
        }
        row.push(s);
      } else {
        let j = i;
        while (j < n && values[j] !== ',' && values[j] !== ')') j++;
        const raw = values.slice(i, j).trim();
        row.push(/^null$/i.test(raw) ? null : raw);
        i = j;
      }
      while (i < n && /\s/.test(values[i]!)) i++;
      if (values[i] === ',') {
        i++;
        continue;
      }
      if (values[i] === ')') i++;
      break;
    }
    rows.push(row);
  }
  return rows;
}
