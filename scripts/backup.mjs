// `npm run backup`: writes the D1 `DB` and R2 `FILES` of a local setup (`npm start`'s .wrangler/state or a
// --persist-to dir) into a portable archive folder — NDJSON per table, R2 objects by SHA-256, a manifest with
// checksums and row counts, the schema version (applied migrations). Format: scripts/lib/backup-format.mjs.
//
//   npm run backup -- [--persist-to=DIR] [--out=DIR]                 (default out: backups/<UTC time>)
//   npm run backup -- --d1-export=FILE.sql [--r2-dir=DIR] [--out=DIR] (production: from `wrangler d1 export --remote`
//                                                                     and a copy of the bucket, README "Backups")
//
// Secrets are never copied (.dev.vars is not read). Sealed personal data (NIK, KK, PPID identities, contacts) stays
// sealed in the archive and is useless without DATA_KEYS: keep DATA_KEYS (and VERIFY_KEYS) in a safe, apart.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeValue, dependencyOrder, MANIFEST_FORMAT, parseArgs, sha256 } from './lib/backup-format.mjs';
import { importProductionCopy } from './lib/backup-import.mjs';
import { appliedMigrations, listObjects, openLocalState, referencedTables, schemaObjects, tablePages, userTables } from './lib/backup-state.mjs';
import { log, ROOT } from './lib/local.mjs';

const USAGE = 'pemakaian: npm run backup -- [--persist-to=DIR | --d1-export=FILE.sql [--r2-dir=DIR]] [--out=DIR]';

/** Writes one table as NDJSON; returns its manifest entry. */
async function writeTable(db, out, table, createSql) {
  const file = `d1/${table}.ndjson`;
  const fd = openSync(join(out, file), 'w');
  const hash = createHash('sha256');
  let rows = 0;
  let columns = [];
  try {
    for await (const page of tablePages(db, table, createSql)) {
      columns = page.columns;
      const lines = page.rows.map((values) => {
        const row = {};
        page.columns.forEach((c, i) => {
          row[c] = encodeValue(values[i], `${table}.${c}`);
        });
        return `${JSON.stringify(row)}\n`;
      });
      const chunk = lines.join('');
      writeSync(fd, chunk);
      hash.update(chunk);
      rows += lines.length;
    }
  } finally {
    closeSync(fd);
  }
  return { name: table, file, rows, sha256: hash.digest('hex'), columns };
}

/** Writes the archive of `persistTo` into `out` (must not exist or be empty) and returns the manifest. */
export async function backupLocal({ persistTo = join(ROOT, '.wrangler', 'state'), out }) {
  if (!existsSync(join(persistTo, 'v3', 'd1'))) throw new Error(`Tidak ada D1 lokal di ${persistTo}. Jalankan dulu \`npm start\`.`);
  if (existsSync(out) && readdirSync(out).length) throw new Error(`Folder cadangan ${out} sudah berisi berkas; pilih folder baru.`);
  mkdirSync(join(out, 'd1'), { recursive: true });
  mkdirSync(join(out, 'r2'), { recursive: true });
  const state = await openLocalState(persistTo, { snapshot: true });
  try {
    const tables = await userTables(state.db);
    const createSql = new Map(tables.map((t) => [t.name, t.sql]));
    const refs = new Map();
    for (const { name } of tables) refs.set(name, await referencedTables(state.db, name));
    const order = dependencyOrder([...createSql.keys()], (t) => refs.get(t));
    const entries = [];
    for (const table of order) entries.push(await writeTable(state.db, out, table, createSql.get(table)));
    const objectsOfSchema = await schemaObjects(state.db);
    const schema = `${objectsOfSchema.map((o) => `${o.sql};`).join('\n\n')}\n`;
    writeFileSync(join(out, 'd1', 'schema.sql'), schema);
    const objects = [];
    for (const entry of await listObjects(state.bucket)) {
      const body = await state.bucket.get(entry.key);
      if (!body) throw new Error(`Objek ${entry.key} hilang saat dicadangkan.`);
      const bytes = Buffer.from(await body.arrayBuffer());
      const hash = sha256(bytes);
      writeFileSync(join(out, 'r2', hash), bytes);
      objects.push({ ...entry, size: bytes.length, sha256: hash, file: `r2/${hash}` });
    }
    const manifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      appVersion: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      secrets:
        'Tidak disertakan. Data pribadi di cadangan ini tersegel dengan DATA_KEYS; simpan DATA_KEYS dan VERIFY_KEYS terpisah (brankas) — tanpa DATA_KEYS data itu tidak dapat dibaca.',
      d1: {
        migrations: await appliedMigrations(state.db),
        schema: { file: 'd1/schema.sql', sha256: sha256(schema) },
        tables: entries,
        triggers: objectsOfSchema.filter((o) => o.type === 'trigger').map((o) => ({ name: o.name, table: o.tbl_name, sql: o.sql })),
      },
      r2: { binding: 'FILES', objects },
    };
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await state.dispose();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = resolve(String(args.out ?? join(ROOT, 'backups', stamp)));
  let persistTo = args['persist-to'] ? resolve(String(args['persist-to'])) : undefined;
  let scratch;
  if (typeof args['d1-export'] === 'string') {
    scratch = mkdtempSync(join(tmpdir(), 'portal-cadangan-'));
    persistTo = scratch;
    await importProductionCopy({ sqlFile: resolve(args['d1-export']), r2Dir: typeof args['r2-dir'] === 'string' ? resolve(args['r2-dir']) : null, persistTo });
  }
  try {
    const m = await backupLocal({ persistTo, out });
    const rows = m.d1.tables.reduce((a, t) => a + t.rows, 0);
    log(`cadangan selesai di ${out}: ${m.d1.tables.length} tabel, ${rows} baris, ${m.r2.objects.length} objek berkas`);
    log('ingat: DATA_KEYS tidak ikut dicadangkan — simpan terpisah di brankas');
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`[portal] cadangan gagal: ${err.message}\n${USAGE}\n`);
    process.exit(1);
  });
}
