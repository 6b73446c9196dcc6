// `npm run backup`: copies the local setup of `npm start` (D1 `DB` and R2 `FILES` under .wrangler/state or a
// --persist-to dir) into a backup folder that `npm run restore` can put back into an empty setup:
//
//   <out>/d1.sql          the whole database, schema and data (the same dump as `wrangler d1 export`)
//   <out>/objects/<sha>   every R2 object, named by the SHA-256 of its bytes
//   <out>/manifest.json   created at, app version, applied migrations, rows per table, and per object its key,
//                         size, SHA-256 and metadata
//
//   npm run backup -- [--persist-to=DIR] [--out=DIR]   (default out: backups/<UTC time>)
//
// Secrets are never copied (.dev.vars is not read). Sealed personal data (NIK, KK, PPID identities) in the dump is
// useless without DATA_KEYS: keep DATA_KEYS (and VERIFY_KEYS) in a safe, separately from the backups.
// Production uses Cloudflare's own commands instead (README "Deployment", docs/INCIDENT-RUNBOOK.md).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appliedMigrations, listObjects, MANIFEST_FORMAT, openLocalState, parseArgs, sha256, tableCounts } from './lib/backup-state.mjs';
import { log, ROOT } from './lib/local.mjs';

const USAGE = 'pemakaian: npm run backup -- [--persist-to=DIR] [--out=DIR]';

/** Writes the backup of `persistTo` into `out` (must not exist or be empty) and returns the manifest. */
export async function backupLocal({ persistTo = join(ROOT, '.wrangler', 'state'), out }) {
  if (!existsSync(join(persistTo, 'v3', 'd1'))) throw new Error(`Tidak ada D1 lokal di ${persistTo}. Jalankan dulu \`npm start\`.`);
  if (existsSync(out) && readdirSync(out).length) throw new Error(`Folder cadangan ${out} sudah berisi berkas; pilih folder baru.`);
  mkdirSync(join(out, 'objects'), { recursive: true });
  const state = await openLocalState(persistTo);
  try {
    const dump = await state.db.prepare('PRAGMA miniflare_d1_export(?,?,?);').bind(0, 0).raw();
    const sql = dump[0].join('\n');
    writeFileSync(join(out, 'd1.sql'), sql);
    const objects = [];
    for (const entry of await listObjects(state.bucket)) {
      const body = await state.bucket.get(entry.key);
      if (!body) throw new Error(`Objek ${entry.key} hilang saat dicadangkan.`);
      const bytes = Buffer.from(await body.arrayBuffer());
      const hash = sha256(bytes);
      writeFileSync(join(out, 'objects', hash), bytes);
      objects.push({ ...entry, size: bytes.length, sha256: hash });
    }
    const manifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      appVersion: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      secrets: 'Tidak disertakan. DATA_KEYS dan VERIFY_KEYS harus dicadangkan terpisah (brankas); tanpa DATA_KEYS data pribadi tersegel tidak dapat dibaca.',
      d1: { file: 'd1.sql', sha256: sha256(sql), migrations: await appliedMigrations(state.db), tables: await tableCounts(state.db) },
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
  const persistTo = args['persist-to'] ? resolve(String(args['persist-to'])) : undefined;
  const m = await backupLocal({ persistTo, out });
  const rows = Object.values(m.d1.tables).reduce((a, b) => a + b, 0);
  log(`cadangan selesai di ${out}: ${Object.keys(m.d1.tables).length} tabel, ${rows} baris, ${m.r2.objects.length} objek berkas`);
  log('ingat: DATA_KEYS tidak ikut dicadangkan — simpan terpisah di brankas');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`[portal] cadangan gagal: ${err.message}\n${USAGE}\n`);
    process.exit(1);
  });
}
