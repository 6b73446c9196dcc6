// `npm run restore -- --from=DIR --remote=DATABASE --out=DIR`: writes what restores an archive into an EMPTY remote
// D1 database and its R2 bucket — the SQL files (scripts/lib/restore-archive.mjs) and restore-remote.sh, the wrangler
// commands in order. Nothing remote is run here: an operator reads the script and runs it (README "Backups").
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readManifest, schemaSql, verifyArchive, writeDataSql } from './restore-archive.mjs';
import { ROOT } from './local.mjs';

const shellQuote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;

function defaultBucket() {
  return /bucket_name\s*=\s*"([^"]+)"/.exec(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'))?.[1] ?? 'portal-kutim-files';
}

export async function writeRemoteRestore({ from, database, out, bucket = defaultBucket(), chunkMb = 20 }) {
  if (!/^[A-Za-z0-9_-]+$/.test(database)) throw new Error(`nama database tidak sah: ${database}`);
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(bucket)) throw new Error(`nama bucket tidak sah: ${bucket}`);
  if (!(chunkMb > 0 && chunkMb <= 100)) throw new Error('--chunk-mb harus antara 1 dan 100.');
  if (existsSync(out) && readdirSync(out).length) throw new Error(`Folder ${out} sudah berisi berkas; pilih folder baru.`);
  const manifest = readManifest(from);
  const pending = await verifyArchive(from, manifest);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '01-schema.sql'), schemaSql(manifest.d1.migrations));
  const { files, oversized } = await writeDataSql(from, manifest, out, { chunkBytes: chunkMb * 1024 * 1024 });
  const d1 = (args) => `npx wrangler d1 ${args} ${database} --remote`;
  const lines = [
    '#!/bin/sh',
    `# Pemulihan cadangan ${manifest.createdAt} ke database D1 KOSONG "${database}" dan bucket R2 "${bucket}".`,
    '# Buat dulu database baru (npx wrangler d1 create NAMA) dan pasang database_id-nya di wrangler.toml setelah selesai.',
    '# Bila satu langkah gagal: hapus database itu, buat yang baru, ulangi dari awal.',
    'set -eu',
    `cd ${shellQuote(ROOT)}`,
    `OUT=${shellQuote(out)}`,
    `ARCHIVE=${shellQuote(from)}`,
    `${d1('execute')} --file="$OUT/01-schema.sql" --yes`,
    ...files.map((f) => `${d1('execute')} --file="$OUT/${basename(f)}" --yes`),
    ...(pending.length ? [`# migrasi kode yang lebih baru dari cadangan: ${pending.join(', ')}`, `${d1('migrations apply')}`] : []),
    ...manifest.r2.objects.map((o) => {
      const type = o.httpMetadata?.contentType ? ` --content-type=${shellQuote(o.httpMetadata.contentType)}` : '';
      return `npx wrangler r2 object put ${shellQuote(`${bucket}/${o.key}`)} --remote --file="$ARCHIVE/r2/${o.sha256}"${type}`;
    }),
    'echo "selesai: kosongkan cache halaman (namespace KV PAGE_CACHE) agar halaman lama tidak tersaji"',
  ];
  writeFileSync(join(out, 'restore-remote.sh'), `${lines.join('\n')}\n`, { mode: 0o755 });
  return { out, sqlFiles: files.length + 1, objects: manifest.r2.objects.length, oversized };
}
