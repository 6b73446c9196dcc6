// Local environment preparation shared by `npm start`, the e2e suite and the benchmark:
// secrets in .dev.vars, vendored browser assets, D1 migrations, the region seed and the demo seed — all offline and
// idempotent.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoFiles } from './demo-content.mjs';
import { seedDemoPhotos } from './demo-photo-seed.mjs';
import { buildDemoSeedSql } from './demo-seed.mjs';
import { applyRegionSeeds, regionSeedFiles } from './region-seed-files.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
/** The demo content (accounts, posts, documents, places) refers to Kutai Timur's regions; other regencies skip it. */
const DEMO_REGENCY = '64.08';

export function log(msg) {
  process.stdout.write(`[portal] ${msg}\n`);
}

/**
 * Creates .dev.vars with random local secrets on first run (never committed): SESSION_SECRET, the personal-data keys
 * (DATA_KEYS / DATA_KEY_ACTIVE) and the letter verification keys (VERIFY_KEYS / VERIFY_KEY_ACTIVE). Secrets missing
 * from an older .dev.vars are appended; existing values are never replaced (data written with them stays readable).
 */
export function ensureDevVars() {
  const file = join(ROOT, '.dev.vars');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const key = () => randomBytes(32).toString('base64');
  const wanted = [
    ['SESSION_SECRET', /^SESSION_SECRET=\S{32,}/m, () => randomBytes(48).toString('base64url')],
    ['DATA_KEYS', /^DATA_KEYS=\S+/m, () => `'${JSON.stringify({ k1: key() })}'`],
    ['DATA_KEY_ACTIVE', /^DATA_KEY_ACTIVE=\S+/m, () => 'k1'],
    ['VERIFY_KEYS', /^VERIFY_KEYS=\S+/m, () => `'${JSON.stringify({ v1: key() })}'`],
    ['VERIFY_KEY_ACTIVE', /^VERIFY_KEY_ACTIVE=\S+/m, () => 'v1'],
  ];
  const missing = wanted.filter(([, re]) => !re.test(current));
  if (!missing.length) return false;
  // A SESSION_SECRET line that is too short is replaced, not duplicated.
  const kept = current.split('\n').filter((line) => !missing.some(([name]) => line.startsWith(`${name}=`)));
  const header = current ? [] : ['# Generated on first run by npm start. Local secrets only — never commit.'];
  const body = [...header, ...kept.filter((l) => l !== ''), ...missing.map(([name, , make]) => `${name}=${make()}`)].join('\n');
  writeFileSync(file, `${body}\n`, { mode: 0o600 });
  log(`menulis .dev.vars (${missing.map(([name]) => name).join(', ')} acak)`);
  return true;
}

/**
 * Copies browser libraries from node_modules into public/vendor (served as static assets, no CDN). A file already
 * identical is left alone: public/ is watched by a running `wrangler dev`, and a rewrite there reloads it mid-request
 * (the e2e suite prepares extra local states while its portal serves pages).
 */
export function vendorAssets() {
  const out = join(ROOT, 'public', 'vendor');
  mkdirSync(out, { recursive: true });
  const files = [
    ['htmx.org/dist/htmx.min.js', 'htmx.min.js'],
    ['maplibre-gl/dist/maplibre-gl.js', 'maplibre-gl.js'],
    ['maplibre-gl/dist/maplibre-gl.css', 'maplibre-gl.css'],
  ];
  for (const [from, to] of files) {
    const source = join(ROOT, 'node_modules', from);
    const target = join(out, to);
    if (existsSync(target) && readFileSync(target).equals(readFileSync(source))) continue;
    copyFileSync(source, target);
  }
}

export function wrangler(args, { quiet = false, env = {} } = {}) {
  const res = spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', ...env },
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    if (quiet) process.stderr.write(`${res.stdout ?? ''}${res.stderr ?? ''}`);
    throw new Error(`wrangler ${args.join(' ')} gagal (kode ${res.status})`);
  }
  return res.stdout ?? '';
}

/** Applies migrations, the region seed and the demo seed to the local D1 under `persistTo` (default .wrangler/state). */
export function prepareLocal({ persistTo, quiet = false } = {}) {
  ensureDevVars();
  vendorAssets();
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  log('menerapkan migrasi D1 lokal');
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist], { quiet });
  log('mengisi data wilayah (seed/regions)');
  applyRegionSeeds((args) => wrangler(args, { quiet: true }), ['--local', ...persist]);
  if (!regionSeedFiles().some((file) => basename(file) === `${DEMO_REGENCY}.sql`)) {
    log(`konten demo dilewati: contoh demo ditulis untuk wilayah ${DEMO_REGENCY} (Kutai Timur)`);
    return;
  }
  const seedFile = join(ROOT, '.wrangler', 'demo-seed.sql');
  mkdirSync(dirname(seedFile), { recursive: true });
  writeFileSync(seedFile, buildDemoSeedSql({ iterations: devIterations(), root: ROOT }));
  log('mengisi konten demo');
  wrangler(['d1', 'execute', 'DB', '--local', ...persist, '--file', seedFile], { quiet: true });
  const files = {
    stateDir: persistTo ?? join(ROOT, '.wrangler', 'state'),
    workDir: join(ROOT, '.wrangler'),
    bucket: /bucket_name\s*=\s*"([^"]+)"/.exec(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'))?.[1] ?? 'portal-kutim-files',
    run: (args) => wrangler([...args, ...persist], { quiet: true }),
    log,
  };
  seedDemoFiles(files);
  seedDemoPhotos(files);
}

function devIterations() {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const m = /PBKDF2_ITERATIONS\s*=\s*"(\d+)"/.exec(toml);
  return m ? Number(m[1]) : 100000;
}
