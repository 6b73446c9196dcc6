// The portable backup archive (`npm run backup` / `npm run restore`), readable without SQLite or the portal:
//
//   manifest.json            format, created at, app version, schema version (the applied migrations, in order),
//                            per table its NDJSON file, columns, rows and SHA-256, the triggers, and per R2 object its
//                            key, size, SHA-256 and metadata
//   d1/schema.sql            the database's CREATE statements at backup time (for readers; restore uses migrations)
//   d1/<table>.ndjson        one JSON object per row, column names as keys, NULL as null, a BLOB as {"$base64": "…"};
//                            tables listed in the manifest in dependency order (referenced tables first)
//   r2/<sha256>              every object of the FILES bucket, named by the SHA-256 of its bytes
//
// This module holds the pure rules of the format: value encoding, dependency order, SQL literals and statements.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './local.mjs';

export const MANIFEST_FORMAT = 'portal-kutim-backup/2';
/** The marker of a BLOB value in a row: `{"$base64": "…"}` (no SQLite value is a JSON object otherwise). */
export const BLOB_MARKER = '$base64';
/** D1's limit is 100,000 bytes per SQL statement; INSERTs are cut below it. */
export const MAX_STATEMENT_BYTES = 90_000;
export const D1_STATEMENT_LIMIT = 100_000;

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A D1 value as it goes into NDJSON. Throws on an integer JSON cannot carry exactly. */
export function encodeValue(value, where) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new Error(`${where}: bilangan bulat ${value} melebihi 2^53 dan tidak dapat disimpan utuh di JSON.`);
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value) || Array.isArray(value)) {
    const bytes = Array.isArray(value) ? Uint8Array.from(value) : new Uint8Array(value.buffer ?? value, value.byteOffset ?? 0, value.byteLength);
    return { [BLOB_MARKER]: Buffer.from(bytes).toString('base64') };
  }
  return value;
}

/** An NDJSON value back to what D1 stores: null, number, string or bytes. */
export function decodeValue(value) {
  if (value !== null && typeof value === 'object') {
    if (typeof value[BLOB_MARKER] !== 'string') throw new Error(`nilai tidak dikenal di cadangan: ${JSON.stringify(value).slice(0, 80)}`);
    return new Uint8Array(Buffer.from(value[BLOB_MARKER], 'base64'));
  }
  return value;
}

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** A decoded value as a SQLite literal. */
export function sqlLiteral(value) {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (value instanceof Uint8Array) return `X'${Buffer.from(value).toString('hex')}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * Multi-row INSERTs for one table's rows, each statement below MAX_STATEMENT_BYTES (a single larger row gets its own
 * statement; `oversized` counts those, which remote D1 would refuse).
 */
export function insertStatements(table, columns, rows) {
  const head = `INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) VALUES\n`;
  const statements = [];
  let oversized = 0;
  let tuples = [];
  let size = Buffer.byteLength(head);
  const flush = () => {
    if (!tuples.length) return;
    statements.push(`${head}${tuples.join(',\n')};`);
    tuples = [];
    size = Buffer.byteLength(head);
  };
  for (const row of rows) {
    const tuple = `(${columns.map((c) => sqlLiteral(decodeValue(row[c] ?? null))).join(', ')})`;
    const bytes = Buffer.byteLength(tuple) + 2;
    if (tuples.length && size + bytes > MAX_STATEMENT_BYTES) flush();
    tuples.push(tuple);
    size += bytes;
    if (size > D1_STATEMENT_LIMIT) oversized++;
  }
  flush();
  return { statements, oversized };
}

/**
 * Tables in dependency order: a table comes after the tables its foreign keys reference (self references ignored);
 * tables in a cycle follow in name order (restores defer foreign keys, so they still load).
 */
export function dependencyOrder(tables, referencesOf) {
  const pending = new Map(tables.map((t) => [t, new Set(referencesOf(t).filter((r) => r !== t && tables.includes(r)))]));
  const order = [];
  while (pending.size) {
    const ready = [...pending].filter(([, refs]) => [...refs].every((r) => !pending.has(r))).map(([t]) => t);
    const next = ready.length ? ready.sort() : [[...pending.keys()].sort()[0]];
    for (const t of next) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

/** The migration file names of the code, in the order wrangler applies them. */
export function codeMigrations() {
  return readdirSync(join(ROOT, 'migrations'))
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/** Refuses a backup whose schema is not a prefix of the code's migrations (newer or diverged code). */
export function checkMigrationPrefix(backup, code = codeMigrations()) {
  const diverged = backup.findIndex((name, i) => code[i] !== name);
  if (diverged !== -1 || backup.length > code.length) {
    const at = diverged === -1 ? backup[code.length] : backup[diverged];
    throw new Error(
      `Skema cadangan tidak cocok dengan kode ini: migrasi ${at} di cadangan tidak ada (atau di urutan lain) di migrations/. ` +
        'Pulihkan dengan versi kode yang membuat cadangan ini (lihat appVersion di manifest.json).',
    );
  }
  return code.slice(backup.length);
}

/** Parses `--name=value` / `--flag` arguments into an object. */
export function parseArgs(argv) {
  const out = {};
  for (const arg of argv) {
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`argumen tidak dikenal: ${arg}`);
    out[m[1]] = m[2] ?? true;
  }
  return out;
}
