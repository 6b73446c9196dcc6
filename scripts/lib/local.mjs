// Local environment preparation shared by `npm start`, the e2e suite and the benchmark:
// secrets in .dev.vars, vendored browser assets, D1 migrations, the region seed and the demo seed — all offline and
// idempotent.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoFiles } from './demo-content.mjs';
import { buildDemoSeedSql } from './demo-seed.mjs';
import { applyRegionSeeds, regionSeedFiles } from './region-seed-files.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
/** The demo content (accounts, posts, documents, places) refers to Kutai Timur's regions; other regencies skip it. */
const DEMO_REGENCY = '64.08';

export function log(msg) {
  process.stdout.write(`[portal] ${msg}\n`);
}

/** Creates .dev.vars with a random SESSION_SECRET on first run (never committed). */
export function ensureDevVars() {
  const file = join(ROOT, '.dev.vars');
  if (existsSync(file) && /SESSION_SECRET=\S{32,}/.test(readFileSync(file, 'utf8'))) return false;
  const content = `# Generated on first run by npm start. Local secrets only — never commit.\nSESSION_SECRET=${randomBytes(48).toString('base64url')}\n`;
  writeFileSync(file, content, { mode: 0o600 });
  log('membuat .dev.vars (SESSION_SECRET acak)');
  return true;
}

/** Copies browser libraries from node_modules into public/vendor (served as static assets, no CDN). */
export function vendorAssets() {
  const out = join(ROOT, 'public', 'vendor');
  mkdirSync(out, { recursive: true });
  const files = [
    ['htmx.org/dist/htmx.min.js', 'htmx.min.js'],
    ['maplibre-gl/dist/maplibre-gl.js', 'maplibre-gl.js'],
    ['maplibre-gl/dist/maplibre-gl.css', 'maplibre-gl.css'],
  ];
  for (const [from, to] of files) copyFileSync(join(ROOT, 'node_modules', from), join(out, to));
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
  writeFileSync(seedFile, buildDemoSeedSql({ iterations: devIterations() }));
  log('mengisi konten demo');
  wrangler(['d1', 'execute', 'DB', '--local', ...persist, '--file', seedFile], { quiet: true });
  seedDemoFiles({
    stateDir: persistTo ?? join(ROOT, '.wrangler', 'state'),
    workDir: join(ROOT, '.wrangler'),
    bucket: /bucket_name\s*=\s*"([^"]+)"/.exec(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'))?.[1] ?? 'portal-kutim-files',
    run: (args) => wrangler([...args, ...persist], { quiet: true }),
    log,
  });
}

function devIterations() {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const m = /PBKDF2_ITERATIONS\s*=\s*"(\d+)"/.exec(toml);
  return m ? Number(m[1]) : 100000;
}
