// Reading a backup archive (scripts/lib/backup-format.mjs) for `npm run restore`: the manifest, the checks of every
// file against it (SHA-256, rows, safe names), and the SQL that loads it into an EMPTY D1, local or remote:
//
//   01-schema.sql        the backup's schema version: its migrations in order, recorded in d1_migrations like
//                        `wrangler d1 migrations apply` does (starts with CREATE TABLE d1_migrations, so it fails on a
//                        database that already has the portal's schema)
//   02-data-NNNN.sql     chunks: foreign keys deferred; the first drops the triggers and empties the rows migrations
//                        seeded, then multi-row INSERTs in dependency order (each statement < 100 KB, D1's limit);
//                        the last re-creates the triggers. Triggers are off while loading, so counters such as the
//                        change feeds' sequences keep their backed-up values.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkMigrationPrefix, insertStatements, MANIFEST_FORMAT, quoteIdent, sha256 } from './backup-format.mjs';
import { ROOT } from './local.mjs';

const MIGRATIONS_TABLE = `CREATE TABLE d1_migrations(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`;
const ROWS_PER_STATEMENT_BATCH = 1000;

export class ArchiveError extends Error {
  constructor(problems) {
    super(`Cadangan tidak dapat dipulihkan:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

export function readManifest(from) {
  const file = join(from, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} tidak ada; ini bukan folder cadangan.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`Format cadangan ${manifest.format} tidak dikenal (diharapkan ${MANIFEST_FORMAT}).`);
  return manifest;
}

/** Lines of an NDJSON file, parsed, as an async iterable. */
export async function* ndjsonRows(path) {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line);
}

async function fileDigest(path) {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk);
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return { sha256: hash.digest('hex'), lines };
}

/**
 * Checks every file of the archive against the manifest before anything is written: names, SHA-256, rows per table,
 * object sizes, and that its migrations are a prefix of the code's. Returns the code's migrations still to apply.
 */
export async function verifyArchive(from, manifest) {
  const problems = [];
  const schema = join(from, manifest.d1.schema.file);
  if (!existsSync(schema) || sha256(readFileSync(schema)) !== manifest.d1.schema.sha256) problems.push(`${manifest.d1.schema.file}: SHA-256 tidak cocok`);
  for (const t of manifest.d1.tables) {
    if (!/^[A-Za-z0-9_]+$/.test(t.name) || t.file !== `d1/${t.name}.ndjson`) {
      problems.push(`tabel ${t.name}: nama berkas tidak sah`);
      continue;
    }
    const path = join(from, t.file);
    if (!existsSync(path)) {
      problems.push(`${t.file} tidak ada`);
      continue;
    }
    const d = await fileDigest(path);
    if (d.sha256 !== t.sha256) problems.push(`${t.file}: SHA-256 tidak cocok dengan manifest`);
    else if (d.lines !== t.rows) problems.push(`${t.file}: ${d.lines} baris, seharusnya ${t.rows}`);
  }
  for (const o of manifest.r2.objects) {
    const path = join(from, 'r2', o.sha256);
    if (!/^[0-9a-f]{64}$/.test(o.sha256) || !existsSync(path)) {
      problems.push(`objek ${o.key}: berkas cadangan hilang`);
      continue;
    }
    const bytes = readFileSync(path);
    if (bytes.length !== o.size || sha256(bytes) !== o.sha256) problems.push(`objek ${o.key}: isi berbeda (SHA-256 tidak cocok)`);
  }
  if (problems.length) throw new ArchiveError(problems);
  return checkMigrationPrefix(manifest.d1.migrations);
}

/** 01-schema.sql: the backup's migrations, in order, each recorded in d1_migrations. */
export function schemaSql(migrations) {
  const parts = [`-- Skema cadangan: ${migrations.length} migrasi. Hanya untuk database KOSONG.`, MIGRATIONS_TABLE];
  for (const name of migrations) {
    parts.push(`-- ${name}`, readFileSync(join(ROOT, 'migrations', name), 'utf8').trimEnd());
    parts.push(`INSERT INTO d1_migrations (name) VALUES ('${name.replaceAll("'", "''")}');`);
  }
  return `${parts.join('\n')}\n`;
}

/** Writes 02-data-NNNN.sql chunks of at most `chunkBytes` into `dir`; returns `{ files, oversized }`. */
export async function writeDataSql(from, manifest, dir, { chunkBytes }) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  let fd = null;
  let size = 0;
  let oversized = 0;
  const open = () => {
    const file = join(dir, `02-data-${String(files.length + 1).padStart(4, '0')}.sql`);
    files.push(file);
    fd = openSync(file, 'w');
    size = 0;
    write('PRAGMA defer_foreign_keys = TRUE;\n');
  };
  const write = (text) => {
    writeSync(fd, text);
    size += Buffer.byteLength(text);
  };
  const emit = (statement) => {
    if (size + Buffer.byteLength(statement) > chunkBytes && size > 40) {
      closeSync(fd);
      open();
    }
    write(`${statement}\n`);
  };
  open();
  for (const t of manifest.d1.triggers) write(`DROP TRIGGER IF EXISTS ${quoteIdent(t.name)};\n`);
  for (const t of [...manifest.d1.tables].reverse()) write(`DELETE FROM ${quoteIdent(t.name)};\n`);
  for (const t of manifest.d1.tables) {
    let batch = [];
    const flush = () => {
      const r = insertStatements(t.name, t.columns, batch);
      oversized += r.oversized;
      for (const s of r.statements) emit(s);
      batch = [];
    };
    for await (const row of ndjsonRows(join(from, t.file))) {
      batch.push(row);
      if (batch.length >= ROWS_PER_STATEMENT_BATCH) flush();
    }
    flush();
  }
  for (const t of manifest.d1.triggers) emit(`${t.sql.trimEnd().replace(/;$/, '')};`);
  closeSync(fd);
  return { files, oversized };
}
