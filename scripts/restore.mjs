// `npm run restore`: puts an archive written by `npm run backup` into an EMPTY setup (scripts/lib/restore-archive.mjs).
// Every file is checked against the manifest first (SHA-256, rows); a backup whose migrations are not a prefix of this
// code's migrations is refused.
//
//   npm run restore -- --from=DIR [--persist-to=DIR] [--force]
//       local (default .wrangler/state): schema of the backup, rows, R2 objects, check against the manifest, then
//       this code's newer migrations. A setup with data is refused; --force empties its D1, R2 and page cache first.
//   npm run restore -- --from=DIR --remote=DATABASE --out=DIR [--bucket=NAME] [--chunk-mb=N]
//       remote: writes the SQL files and restore-remote.sh with the wrangler commands for an EMPTY remote D1 and its
//       R2 bucket (nothing remote is run; README "Backups").
//
// Secrets are not part of a backup: the restored setup needs the same DATA_KEYS (from the safe) to read sealed data.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, sha256 } from './lib/backup-format.mjs';
import { listObjects, openLocalState, tableCounts, userTables } from './lib/backup-state.mjs';
import { log, ROOT, wrangler } from './lib/local.mjs';
import { writeRemoteRestore } from './lib/restore-remote.mjs';
import { readManifest, schemaSql, verifyArchive, writeDataSql } from './lib/restore-archive.mjs';

const USAGE = 'pemakaian: npm run restore -- --from=DIR [--persist-to=DIR] [--force] | --from=DIR --remote=DATABASE --out=DIR [--bucket=NAME] [--chunk-mb=N]';

export class RestoreMismatchError extends Error {
  constructor(problems) {
    super(`Pemulihan tidak cocok dengan manifest cadangan:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

/** Compares a restored setup with the manifest; returns the differences in Indonesian (empty when identical). */
export async function verifyAgainstManifest(state, manifest) {
  const problems = [];
  const counts = await tableCounts(state.db);
  for (const t of manifest.d1.tables) {
    if (counts[t.name] !== t.rows) problems.push(`tabel ${t.name}: ${counts[t.name] ?? 'tidak ada'} baris, seharusnya ${t.rows}`);
  }
  const expectedKeys = new Set(manifest.r2.objects.map((o) => o.key));
  for (const o of manifest.r2.objects) {
    const body = await state.bucket.get(o.key);
    const bytes = body ? Buffer.from(await body.arrayBuffer()) : null;
    if (!bytes) problems.push(`objek ${o.key} tidak ada`);
    else if (bytes.length !== o.size || sha256(bytes) !== o.sha256) problems.push(`objek ${o.key}: isi berbeda (SHA-256 tidak cocok)`);
  }
  for (const { key } of await listObjects(state.bucket)) {
    if (!expectedKeys.has(key)) problems.push(`objek ${key} tidak ada di manifest`);
  }
  return problems;
}

const hasFiles = (dir) => existsSync(dir) && readdirSync(dir).length > 0;

/** True when the local setup has a table or an R2 object. */
async function localHasData(persistTo) {
  if (!hasFiles(join(persistTo, 'v3', 'd1')) && !hasFiles(join(persistTo, 'v3', 'r2'))) return false;
  const state = await openLocalState(persistTo, { snapshot: true });
  try {
    return (await userTables(state.db)).length > 0 || (await listObjects(state.bucket)).length > 0;
  } finally {
    await state.dispose();
  }
}

/** Restores `from` into the local setup `persistTo`; throws on a refused archive or a result unlike the manifest. */
export async function restoreLocal({ from, persistTo = join(ROOT, '.wrangler', 'state'), force = false }) {
  const manifest = readManifest(from);
  const pending = await verifyArchive(from, manifest);
  if (await localHasData(persistTo)) {
    if (!force) throw new Error(`${persistTo} sudah berisi data; pulihkan ke folder kosong, atau tambahkan --force untuk menimpanya.`);
    for (const dir of ['d1', 'r2', 'kv']) rmSync(join(persistTo, 'v3', dir), { recursive: true, force: true });
  }
  const work = mkdtempSync(join(tmpdir(), 'portal-pulih-'));
  const execute = (file) => wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file, '--yes'], { quiet: true });
  try {
    writeFileSync(join(work, '01-schema.sql'), schemaSql(manifest.d1.migrations));
    execute(join(work, '01-schema.sql'));
    const { files } = await writeDataSql(from, manifest, work, { chunkBytes: 256 * 1024 * 1024 });
    for (const file of files) execute(file);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const state = await openLocalState(persistTo);
  try {
    for (const o of manifest.r2.objects) {
      // A plain Uint8Array: Miniflare's proxy does not serialise a Node Buffer.
      await state.bucket.put(o.key, new Uint8Array(readFileSync(join(from, 'r2', o.sha256))), {
        httpMetadata: o.httpMetadata,
        customMetadata: o.customMetadata,
      });
    }
    const problems = await verifyAgainstManifest(state, manifest);
    if (problems.length) throw new RestoreMismatchError(problems);
  } finally {
    await state.dispose();
  }
  if (pending.length) wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { quiet: true });
  return { manifest, pending };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  if (typeof args.from !== 'string') throw new Error('--from=DIR (folder cadangan) wajib diisi.');
  const from = resolve(args.from);
  if (args.remote !== undefined) {
    if (typeof args.remote !== 'string' || typeof args.out !== 'string') throw new Error('--remote=DATABASE dan --out=DIR wajib diisi bersama.');
    const r = await writeRemoteRestore({ from, database: args.remote, out: resolve(args.out), bucket: args.bucket, chunkMb: Number(args['chunk-mb'] ?? 20) });
    log(`berkas pemulihan remote ditulis di ${r.out}: ${r.sqlFiles} berkas SQL, ${r.objects} objek R2`);
    if (r.oversized) log(`PERINGATAN: ${r.oversized} baris melebihi batas 100 KB per pernyataan D1 dan akan ditolak di remote`);
    log(`periksa lalu jalankan: sh ${join(r.out, 'restore-remote.sh')}`);
    return;
  }
  const persistTo = args['persist-to'] ? resolve(String(args['persist-to'])) : undefined;
  const { manifest, pending } = await restoreLocal({ from, persistTo, force: args.force === true });
  log(`pemulihan selesai dan cocok dengan manifest: ${manifest.d1.tables.length} tabel, ${manifest.r2.objects.length} objek berkas`);
  if (pending.length) log(`migrasi yang lebih baru diterapkan sesudahnya: ${pending.join(', ')}`);
  log('pasang DATA_KEYS yang sama (dari brankas) di .dev.vars agar data pribadi tersegel dapat dibaca');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`[portal] pemulihan gagal: ${err.message}\n`);
    process.exit(1);
  });
}
