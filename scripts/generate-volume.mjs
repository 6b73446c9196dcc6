// `npm run volume -- --scale 10`: fills a local state directory with ten years of a busy regency at `scale` × the 1×
// base of scripts/lib/volume-sql.mjs (1,000 posts, 500 complaints, 200 PPID requests, 400 documents, 150 tenders,
// 1,000 letters per 1×), spread over the real regions, with small cover photos in R2. The directory gets the layout of
// `npm start` (prepareLocal: migrations, regions, demo accounts) and is never the developer's .wrangler/state unless
// --persist-to says so. SQL is generated in chunks inside SQLite (INSERT … SELECT) and applied with
// `wrangler d1 execute --local --file`; photos go up with `wrangler r2 bulk put`.
//
//   npm run volume -- --scale 100                  → .wrangler/volume-100x (kept; --fresh starts it again)
//   options: --persist-to=DIR, --fresh, --no-photos
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { log, prepareLocal, ROOT, wrangler } from './lib/local.mjs';
import { BASE, complaintsSql, coverKeys, documentsSql, infoRequestsSql, lettersSql, postsSql, tendersSql } from './lib/volume-sql.mjs';

// A 1×1 JPEG and a 1×1 lossless WebP: the photos are small files; only their presence and keys matter here.
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64',
);
const TINY_WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

export function volumeDir(scale) {
  return join(ROOT, '.wrangler', `volume-${scale}x`);
}

function parseArgs(argv) {
  const opts = { scale: 1, fresh: false, photos: true };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--scale') opts.scale = Number(argv[++k]);
    else if (arg.startsWith('--scale=')) opts.scale = Number(arg.slice(8));
    else if (arg.startsWith('--persist-to=')) opts.persistTo = resolve(arg.slice(13));
    else if (arg === '--fresh') opts.fresh = true;
    else if (arg === '--no-photos') opts.photos = false;
    else throw new Error(`opsi tidak dikenal: ${arg}`);
  }
  if (!Number.isFinite(opts.scale) || opts.scale <= 0 || opts.scale > 1000) throw new Error('--scale harus bilangan 0 < n ≤ 1000');
  return opts;
}

function query(persist, sql) {
  const out = wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persist, '--json', '--command', sql], { quiet: true });
  return JSON.parse(out)[0].results;
}

function execFile(persist, file) {
  wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persist, '--file', file], { quiet: true });
}

/** Generates the data; returns { persistTo, counts, seconds }. Idempotent per directory: a filled one is kept. */
export function generateVolume({ scale = 1, persistTo, fresh = false, photos = true } = {}) {
  const dir = persistTo ?? volumeDir(scale);
  const marker = join(dir, `volume-${scale}x.done`);
  const counts = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))]));
  if (fresh) rmSync(dir, { recursive: true, force: true });
  if (existsSync(marker)) {
    log(`data volume ${scale}× sudah ada di ${dir}`);
    return { persistTo: dir, counts, seconds: 0 };
  }
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  prepareLocal({ persistTo: dir, quiet: true });
  const regions = query(dir, "SELECT code, path FROM regions WHERE level IN ('desa', 'kelurahan', 'kecamatan') ORDER BY code");
  const categories = query(dir, 'SELECT id FROM complaint_categories WHERE is_active = 1 ORDER BY id').map((r) => r.id);
  const templates = query(dir, 'SELECT template_id AS id FROM letter_template_versions WHERE version = 1 ORDER BY template_id').map((r) => r.id);
  const now = Date.now();
  const work = join(dir, 'volume-sql');
  mkdirSync(work, { recursive: true });
  const parts = [
    ['berita', postsSql(counts.posts, regions, now)],
    ['pengaduan', complaintsSql(counts.complaints, regions, categories, now)],
    ['PPID', infoRequestsSql(counts.infoRequests, regions, now)],
    ['dokumen', documentsSql(counts.documents, regions, now)],
    ['lelang', tendersSql(counts.tenders, regions, now)],
    ...(templates.length ? [['surat', lettersSql(counts.letters, regions, templates, now)]] : []),
  ];
  // One file, one wrangler call: starting wrangler costs more than the inserts themselves.
  const file = join(work, 'volume.sql');
  writeFileSync(file, `${parts.flatMap(([, statements]) => statements).join('\n')}\nANALYZE;\n`);
  log(`volume ${scale}×: ${parts.map(([name, st]) => `${name} ${st.length}`).join(', ')} pernyataan`);
  execFile(dir, file);
  if (photos) {
    const keys = coverKeys(counts.posts);
    log(`volume ${scale}×: ${keys.length} berkas foto kecil ke R2`);
    const jpeg = join(work, 'tiny.jpg');
    const webp = join(work, 'tiny.webp');
    writeFileSync(jpeg, TINY_JPEG);
    writeFileSync(webp, TINY_WEBP);
    const bucket = /bucket_name\s*=\s*"([^"]+)"/.exec(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'))?.[1] ?? 'portal-kutim-files';
    for (const [type, file] of [
      ['jpeg', jpeg],
      ['webp', webp],
    ]) {
      const list = join(work, `photos-${type}.json`);
      writeFileSync(list, JSON.stringify(keys.filter((k) => k.type === type).map((k) => ({ key: k.key, file }))));
      wrangler(['r2', 'bulk', 'put', bucket, '--local', '--persist-to', dir, '--filename', list, '--ct', `image/${type}`], { quiet: true });
    }
  }
  rmSync(work, { recursive: true, force: true });
  writeFileSync(marker, `${JSON.stringify({ scale, counts, at: new Date().toISOString() })}\n`);
  const seconds = (performance.now() - t0) / 1000;
  log(`volume ${scale}× selesai dalam ${seconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
  return { persistTo: dir, counts, seconds };
}

async function main() {
  try {
    generateVolume(parseArgs(process.argv.slice(2)));
  } catch (err) {
    process.stderr.write(`[volume] gagal: ${err.message}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
