// `npm run volume -- --scale 10`: fills a local state directory with ten years of a busy regency at `scale` × the 1×
// base of scripts/lib/volume-sql.mjs (1,000 posts, 500 complaints, 200 PPID requests, 400 documents, 150 tenders,
// 1,000 letters per 1×), spread over the real regions, with small cover photos in R2. The directory gets the layout of
// `npm start` (prepareLocal: migrations, regions, demo accounts) and is never the developer's .wrangler/state unless
// --persist-to says so. SQL is generated in chunks inside SQLite (INSERT … SELECT) and run on the local D1 through
// Miniflare (no row-by-row traffic, no wrangler start per file); photos go into R2 through the same Miniflare, 32 at a time.
//
//   npm run volume -- --scale 100                  → .wrangler/volume-100x (kept; --fresh starts it again)
//   options: --persist-to=DIR, --fresh, --no-photos
import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { devVars } from './cron.mjs';
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

/**
 * The local D1 (and R2) of a state directory, opened through Miniflare from this process (as scripts/cron.mjs does):
 * large generated statements and bound batches go straight in, without a wrangler start per file (wrangler's --file
 * refuses more than ~100 KB of SQL at once); photos go into R2 many at a time (`wrangler r2 bulk put` took most of the
 * 100× run, one object after another).
 */
async function openLocal(persist) {
  const { Miniflare } = await import('miniflare');
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null, { status: 204 }); } };',
    d1Databases: workerOptions.d1Databases,
    d1Persist: join(persist, 'v3', 'd1'),
    r2Buckets: workerOptions.r2Buckets,
    r2Persist: join(persist, 'v3', 'r2'),
  });
  return { db: await mf.getD1Database('DB'), files: () => mf.getR2Bucket('FILES'), dispose: () => mf.dispose() };
}

/** Puts every key with its bytes, PHOTO_CONCURRENCY at a time. */
async function putPhotos(files, keys, bytes) {
  const PHOTO_CONCURRENCY = 32;
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const { key, type } = keys[next++];
      await files.put(key, new Uint8Array(bytes[type]), { httpMetadata: { contentType: `image/${type}` } });
    }
  };
  await Promise.all(Array.from({ length: PHOTO_CONCURRENCY }, worker));
}

/** Generates the data; returns { persistTo, counts, seconds }. Idempotent per directory: a filled one is kept. */
export async function generateVolume({ scale = 1, persistTo, fresh = false, photos = true } = {}) {
  const dir = persistTo ?? volumeDir(scale);
  const marker = join(dir, `volume-${scale}x.done`);
  const counts = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))]));
  // A directory of ours left half-made by an interrupted run starts again (a --persist-to directory is never removed
  // unless --fresh says so).
  if (fresh || (!persistTo && !existsSync(marker))) rmSync(dir, { recursive: true, force: true });
  if (existsSync(marker)) {
    log(`data volume ${scale}× sudah ada di ${dir}`);
    await sealLetters(dir, counts.letters);
    return { persistTo: dir, counts, seconds: 0 };
  }
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  prepareLocal({ persistTo: dir, quiet: true });
  const regions = query(dir, "SELECT code, path FROM regions WHERE level IN ('desa', 'kelurahan', 'kecamatan') ORDER BY code");
  const categories = query(dir, 'SELECT id FROM complaint_categories WHERE is_active = 1 ORDER BY id').map((r) => r.id);
  const templates = query(dir, 'SELECT template_id AS id FROM letter_template_versions WHERE version = 1 ORDER BY template_id').map((r) => r.id);
  const now = Date.now();
  const parts = [
    ['berita', postsSql(counts.posts, regions, now)],
    ['pengaduan', complaintsSql(counts.complaints, regions, categories, now)],
    ['PPID', infoRequestsSql(counts.infoRequests, regions, now)],
    ['dokumen', documentsSql(counts.documents, regions, now)],
    ['lelang', tendersSql(counts.tenders, regions, now)],
    ...(templates.length ? [['surat', lettersSql(counts.letters, regions, templates, now)]] : []),
  ];
  const { db, files, dispose } = await openLocal(dir);
  try {
    for (const [name, statements] of parts) {
      log(`volume ${scale}×: ${name} (${statements.length} pernyataan)`);
      for (const sql of statements) await db.prepare(sql).run();
    }
    await db.prepare('ANALYZE').run();
    if (photos) {
      const keys = coverKeys(counts.posts);
      log(`volume ${scale}×: ${keys.length} berkas foto kecil ke R2`);
      await putPhotos(await files(), keys, { jpeg: TINY_JPEG, webp: TINY_WEBP });
    }
  } finally {
    await dispose();
  }
  rmSync(join(dir, 'volume-sql'), { recursive: true, force: true }); // left by older versions
  writeFileSync(marker, `${JSON.stringify({ scale, counts, at: new Date().toISOString() })}\n`);
  await sealLetters(dir, counts.letters);
  const seconds = (performance.now() - t0) / 1000;
  log(`volume ${scale}× selesai dalam ${seconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
  return { persistTo: dir, counts, seconds };
}

/**
 * Letters carry NIK, KK and contact sealed with the local data key (.dev.vars DATA_KEYS, the format of
 * src/lib/data-key.ts: `{kid}:{iv}:{ciphertext+tag}`, AES-256-GCM bound to `letter:{id}:{column}`), so officers'
 * lists and the reseal job read them like real rows. Done once per directory (a marker remembers it).
 */
async function sealLetters(dir, n) {
  const marker = join(dir, 'volume-letters-sealed.done');
  if (existsSync(marker)) return;
  const vars = devVars();
  const kid = vars.DATA_KEY_ACTIVE;
  const key = Buffer.from(JSON.parse(vars.DATA_KEYS)[kid], 'base64');
  const seal = (plain, context) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${kid}:${iv.toString('base64url')}:${ct.toString('base64url')}`;
  };
  log(`volume: ${n} surat disegel dengan kunci data lokal`);
  const { db, dispose } = await openLocal(dir);
  try {
    // One multi-row UPDATE per 250 letters (≈ 85 KB of SQL, under the local D1 statement limit): far fewer round trips
    // than one bound statement per letter.
    const q = (v) => `'${v}'`;
    for (let from = 1; from <= n; from += 250) {
      const rows = [];
      for (let i = from; i <= Math.min(n, from + 249); i++) {
        const id = `vol-l-${String(i).padStart(8, '0')}`;
        const nik = `6408${String(100000000000 + i).slice(-12)}`;
        const values = [id, seal(nik, `letter:${id}:nik`), seal(`6409${nik.slice(4)}`, `letter:${id}:kk`), seal(`08${1e9 + i}`, `letter:${id}:contact`)];
        rows.push(`(${values.map(q).join(', ')})`);
      }
      await db
        .prepare(
          `UPDATE letter_requests SET nik_sealed = v.column2, kk_sealed = v.column3, contact_sealed = v.column4 FROM (VALUES ${rows.join(', ')}) AS v WHERE letter_requests.id = v.column1`,
        )
        .run();
    }
  } finally {
    await dispose();
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
}

async function main() {
  try {
    await generateVolume(parseArgs(process.argv.slice(2)));
  } catch (err) {
    process.stderr.write(`[volume] gagal: ${err.message}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
