#!/usr/bin/env node
// Generates a D1 migration for the holiday calendar from a CSV (columns: date,kind,name), e.g. the yearly
// SKB 3 Menteri list (the 2026 national holidays and cuti bersama, from the shared project data).
//
// Usage:
//   node scripts/generate-holiday-seed.mjs <holidays.csv> <out.sql> [--data-only] [--updated-at=<epoch ms>]
//
// Without --data-only the output creates the `holidays` table and inserts the rows (this is how
// migrations/0003_holidays.sql was produced). With --data-only it emits upserts only, for importing next year's
// decree as a new migration (e.g. migrations/00NN_holidays_2027.sql) into the existing table.
// --updated-at defaults to a fixed constant so the output is reproducible.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const KINDS = ['libur_nasional', 'cuti_bersama', 'libur_daerah'];
const DEFAULT_UPDATED_AT = 1764547200000; // 2025-12-01T00:00:00Z

function fail(message) {
  console.error(`generate-holiday-seed: ${message}`);
  process.exit(1);
}

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, CRLF/LF, optional BOM. Returns rows with line numbers. */
function parseCsv(text) {
  const src = text.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      inQuotes = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push({ line: rowLine, cells: row });
      row = [];
      field = '';
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) fail(`unterminated quoted field starting on line ${rowLine}`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push({ line: rowLine, cells: row });
  }
  // Drop blank lines.
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ''));
}

function isValidDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(2000, mo - 1, d));
  dt.setUTCFullYear(y);
  return mo >= 1 && mo <= 12 && dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function sqlString(s) {
  return `'${s.replace(/'/g, "''")}'`;
}

function main() {
  const args = process.argv.slice(2);
  const positional = args.filter((a) => !a.startsWith('--'));
  const flags = args.filter((a) => a.startsWith('--'));
  let dataOnly = false;
  let updatedAt = DEFAULT_UPDATED_AT;
  for (const flag of flags) {
    if (flag === '--data-only') dataOnly = true;
    else if (flag.startsWith('--updated-at=')) {
      updatedAt = Number(flag.slice('--updated-at='.length));
      if (!Number.isSafeInteger(updatedAt) || updatedAt < 0) fail(`invalid ${flag}`);
    } else fail(`unknown option ${flag}`);
  }
  if (positional.length !== 2) {
    fail('usage: node scripts/generate-holiday-seed.mjs <holidays.csv> <out.sql> [--data-only] [--updated-at=<ms>]');
  }
  const [csvPath, outPath] = positional;

  let text;
  try {
    text = readFileSync(csvPath, 'utf8');
  } catch (err) {
    fail(`cannot read ${csvPath}: ${err.message}`);
  }
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) fail(`${csvPath} is empty`);
  const cols = header.cells.map((c) => c.trim().toLowerCase());
  const idx = { date: cols.indexOf('date'), kind: cols.indexOf('kind'), name: cols.indexOf('name') };
  for (const [col, i] of Object.entries(idx)) if (i < 0) fail(`missing column "${col}" in header of ${csvPath}`);

  const seen = new Map();
  const holidays = [];
  for (const { line, cells } of rows) {
    const date = (cells[idx.date] ?? '').trim();
    const kind = (cells[idx.kind] ?? '').trim();
    const name = (cells[idx.name] ?? '').trim();
    if (!isValidDate(date)) fail(`line ${line}: invalid date "${date}"`);
    if (!KINDS.includes(kind)) fail(`line ${line}: kind must be one of ${KINDS.join(', ')}, got "${kind}"`);
    if (!name) fail(`line ${line}: empty name`);
    if (seen.has(date)) fail(`line ${line}: duplicate date ${date} (first on line ${seen.get(date)})`);
    seen.set(date, line);
    holidays.push({ date, kind, name });
  }
  if (holidays.length === 0) fail(`${csvPath} has no data rows`);
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const counts = KINDS.map((k) => [k, holidays.filter((h) => h.kind === k).length]).filter(([, n]) => n > 0);
  const out = [];
  out.push(`-- Holiday calendar: generated by scripts/generate-holiday-seed.mjs from ${basename(csvPath)}.`);
  out.push(`-- ${holidays.length} rows (${counts.map(([k, n]) => `${n} ${k}`).join(', ')}).`);
  out.push('-- All kinds are non-working days for the working-day clock (src/lib/working-days.ts).');
  out.push('-- Administrators can edit the calendar afterwards; dates are YYYY-MM-DD in WITA.');
  out.push('');
  if (!dataOnly) {
    out.push('CREATE TABLE holidays (');
    out.push('  date TEXT PRIMARY KEY NOT NULL,  -- YYYY-MM-DD (WITA)');
    out.push("  kind TEXT NOT NULL CHECK (kind IN ('libur_nasional','cuti_bersama','libur_daerah')),");
    out.push('  name TEXT NOT NULL,');
    out.push('  updated_at INTEGER NOT NULL');
    out.push(');');
    out.push('');
  }
  const suffix = dataOnly ? ' ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at;' : ';';
  for (const h of holidays) {
    out.push(
      `INSERT INTO holidays (date, kind, name, updated_at) VALUES (${sqlString(h.date)}, ${sqlString(h.kind)}, ` +
        `${sqlString(h.name)}, ${updatedAt})${suffix}`,
    );
  }
  writeFileSync(outPath, `${out.join('\n')}\n`);
  console.log(`generate-holiday-seed: wrote ${holidays.length} holidays to ${outPath}`);
}

main();
