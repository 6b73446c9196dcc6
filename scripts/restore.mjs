// `npm run restore`: puts a folder written by `npm run backup` into an EMPTY local setup (a fresh --persist-to dir),
// then checks it against the manifest — rows per table and every object's SHA-256 — and exits non-zero with the
// list of differences on any mismatch.
//
//   npm run restore -- --from=DIR [--persist-to=DIR]   (default persist-to: .wrangler/state, must be empty)
//
// Secrets are not part of a backup: the restored setup needs the same DATA_KEYS (from the safe) in .dev.vars to read
// sealed personal data. Production: README "Deployment" and docs/INCIDENT-RUNBOOK.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listObjects, MANIFEST_FORMAT, openLocalState, parseArgs, sha256, tableCounts } from './lib/backup-state.mjs';
import { log, ROOT, wrangler } from './lib/local.mjs';

const USAGE = 'pemakaian: npm run restore -- --from=DIR [--persist-to=DIR]';

export class RestoreMismatchError extends Error {
  constructor(problems) {
    super(`Pemulihan tidak cocok dengan manifest cadangan:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

function readManifest(from) {
  const file = join(from, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} tidak ada; ini bukan folder cadangan.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`Format cadangan ${manifest.format} tidak dikenal (diharapkan ${MANIFEST_FORMAT}).`);
  return manifest;
}

/** Compares a restored setup with the manifest; returns the differences in Indonesian (empty when identical). */
export async function verifyAgainstManifest(state, manifest) {
  const problems = [];
  const counts = await tableCounts(state.db);
  for (const [table, expected] of Object.entries(manifest.d1.tables)) {
    if (counts[table] !== expected) problems.push(`tabel ${table}: ${counts[table] ?? 'tidak ada'} baris, seharusnya ${expected}`);
  }
  for (const table of Object.keys(counts)) {
    if (!(table in manifest.d1.tables)) problems.push(`tabel ${table} tidak ada di manifest`);
  }
  for (const o of manifest.r2.objects) {
    const body = await state.bucket.get(o.key);
    if (!body) {
      problems.push(`objek ${o.key} tidak ada`);
      continue;
    }
    const bytes = Buffer.from(await body.arrayBuffer());
    if (bytes.length !== o.size || sha256(bytes) !== o.sha256) problems.push(`objek ${o.key}: isi berbeda (SHA-256 tidak cocok)`);
  }
  const expectedKeys = new Set(manifest.r2.objects.map((o) => o.key));
  for (const { key } of await listObjects(state.bucket)) {
    if (!expectedKeys.has(key)) problems.push(`objek ${key} tidak ada di manifest`);
  }
  return problems;
}

/** Restores `from` into the empty `persistTo`; throws RestoreMismatchError when the result differs from the manifest. */
export async function restoreLocal({ from, persistTo = join(ROOT, '.wrangler', 'state') }) {
  const manifest = readManifest(from);
  const sqlFile = join(from, manifest.d1.file);
  if (sha256(readFileSync(sqlFile)) !== manifest.d1.sha256) throw new RestoreMismatchError([`${manifest.d1.file}: SHA-256 tidak cocok dengan manifest`]);
  for (const dir of ['d1', 'r2']) {
    const path = join(persistTo, 'v3', dir);
    if (existsSync(path) && readdirSync(path).length) throw new Error(`${persistTo} tidak kosong (${dir} berisi data); pulihkan ke folder baru.`);
  }
  wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', sqlFile, '--yes'], { quiet: true });
  const state = await openLocalState(persistTo);
  try {
    for (const o of manifest.r2.objects) {
      const file = join(from, 'objects', o.sha256);
      if (!/^[0-9a-f]{64}$/.test(o.sha256) || !existsSync(file)) throw new RestoreMismatchError([`objek ${o.key}: berkas cadangan hilang`]);
      // A plain Uint8Array: Miniflare's proxy does not serialise a Node Buffer.
      await state.bucket.put(o.key, new Uint8Array(readFileSync(file)), { httpMetadata: o.httpMetadata, customMetadata: o.customMetadata });
    }
    const problems = await verifyAgainstManifest(state, manifest);
    if (problems.length) throw new RestoreMismatchError(problems);
    return manifest;
  } finally {
    await state.dispose();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  if (typeof args.from !== 'string') throw new Error('--from=DIR (folder cadangan) wajib diisi.');
  const persistTo = args['persist-to'] ? resolve(String(args['persist-to'])) : undefined;
  const m = await restoreLocal({ from: resolve(args.from), persistTo });
  log(`pemulihan selesai dan cocok dengan manifest: ${Object.keys(m.d1.tables).length} tabel, ${m.r2.objects.length} objek berkas`);
  log('pasang DATA_KEYS yang sama (dari brankas) di .dev.vars agar data pribadi tersegel dapat dibaca');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`[portal] pemulihan gagal: ${err.message}\n`);
    process.exit(1);
  });
}
