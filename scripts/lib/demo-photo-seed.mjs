// Puts the demo news photos into the local environment like a real upload: the R2 objects (original without
// metadata, thumb/article in WebP and JPEG) and the manifest in posts.cover_media. The photos are drawn and processed
// by scripts/lib/demo-photos.mjs in a child process (sharp and the WebAssembly codecs stay out of this process), cached
// under <workDir>/demo-photos per recipe; the R2 upload runs once per state dir and recipe (a marker file remembers it);
// the D1 update only fills posts that have no cover yet. Never fatal: without photos the demo posts show no image.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'demo-photos.mjs');

/** Alt text of each demo post's cover (what the photo shows, for screen readers and failed loads). */
const COVER_ALT = {
  'demo-kab-2': 'Ilustrasi demo: lanskap perbukitan Kutai Timur',
  'demo-kec-1': 'Ilustrasi demo: pemandangan Kecamatan Sangatta Utara',
  'demo-desa-1': 'Ilustrasi demo: jalan desa Swarga Bara',
};

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** SQL that gives each demo post its cover, only where the post has none (an editor's change is kept). */
export function demoCoverSql(manifests) {
  return Object.entries(manifests).map(
    ([postId, m]) =>
      `UPDATE posts SET cover_key = ${q(m.base)}, cover_media = ${q(JSON.stringify(m))}, cover_alt = ${q(COVER_ALT[postId] ?? 'Foto demo')}
       WHERE id = ${q(postId)} AND cover_key IS NULL;`,
  );
}

function drawPhotos(outDir) {
  mkdirSync(outDir, { recursive: true });
  const res = spawnSync(process.execPath, [SCRIPT, outDir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`demo-photos gagal (kode ${res.status}): ${(res.stderr ?? '').slice(-400)}`);
  return JSON.parse(res.stdout);
}

/**
 * `run(args)` runs wrangler with the caller's persistence flags (as for seedDemoFiles). Returns true when photos
 * are in place.
 */
export function seedDemoPhotos({ stateDir, workDir, bucket, run, log = () => {} }) {
  try {
    log('menyiapkan foto berita demo (sekali, lalu dari cache)');
    const { manifests, lists, recipe } = drawPhotos(join(workDir, 'demo-photos'));
    const marker = join(stateDir, `${recipe}-r2.done`);
    if (!existsSync(marker)) {
      for (const [type, list] of Object.entries(lists)) run(['r2', 'bulk', 'put', bucket, '--local', '--filename', list, '--ct', type]);
      mkdirSync(stateDir, { recursive: true });
      writeFileSync(marker, `${new Date().toISOString()}\n`);
    }
    const sqlFile = join(workDir, 'demo-photos', 'covers.sql');
    writeFileSync(sqlFile, demoCoverSql(manifests).join('\n'));
    run(['d1', 'execute', 'DB', '--local', '--file', sqlFile]);
    return true;
  } catch (err) {
    process.stderr.write(`[portal] peringatan: foto berita demo tidak terpasang (${err.message}); berita demo tampil tanpa foto.\n`);
    return false;
  }
}
