// `npm run bench -- --volume [--scales=1,10,100]`: the portal with ten years of data (scripts/generate-volume.mjs) at
// each scale, one `wrangler dev` per scale on its state directory: uncached render (median of RUNS sequential requests,
// the page cache bypassed with an unknown parameter) of public pages, admin list pages as Diskominfo and the public
// change feeds; each cron job's D1 queries and KV operations (job_runs, recorded by the counting bindings of the
// dispatcher); the sitemap's size and files; the database size against D1's 10 GB. Written to bench/volume.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'node:http';
import { generateVolume } from '../generate-volume.mjs';
import { runCron, configuredCrons } from '../cron.mjs';
import { DEMO_PASSWORD } from './demo-seed.mjs';
import { log, ROOT, wrangler } from './local.mjs';

const RUNS = 5;
const D1_LIMIT = 10 * 1024 ** 3;
const BUDGET = 1_000;
const DESA = '/sangatta-utara/swarga-bara';
const PUBLIC_PAGES = [
  ['Desa home', DESA],
  ['Desa berita', `${DESA}/berita`],
  ['Kecamatan home', '/sangatta-utara'],
  ['Kabupaten /berita', '/berita'],
  ['Kabupaten /dokumen', '/dokumen'],
];
const ADMIN_PAGES = [
  ['/admin/konten', '/admin/konten'],
  ['/admin/pengaduan', '/admin/pengaduan'],
  ['/admin/dokumen', '/admin/dokumen'],
  ['/admin/ppid', '/admin/ppid'],
  ['/admin/layanan', '/admin/layanan'],
];
const YEAR = 365 * 86_400_000;

/** One HTTP request to a local portal, uncompressed; resolves with status, headers and body. */
export function fetchRaw(port, path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { 'Accept-Encoding': 'identity', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Logs in as the demo Diskominfo account and returns the Cookie header value. */
export async function login(port) {
  const body = new URLSearchParams({ login: 'diskominfo', password: DEMO_PASSWORD }).toString();
  const res = await fetchRaw(port, '/masuk', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Origin: `http://127.0.0.1:${port}` },
  });
  const cookies = [res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
  if (res.status !== 303 || cookies.length === 0) throw new Error(`masuk sebagai diskominfo gagal (HTTP ${res.status})`);
  return cookies.join('; ');
}

/** Median of RUNS sequential uncached requests (after one warm-up). */
async function timed(port, path, headers = {}) {
  const sep = path.includes('?') ? '&' : '?';
  const times = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i <= RUNS; i++) {
    const url = headers.Cookie || path.startsWith('/api/') ? path : `${path}${sep}volume=${i}`;
    const t = performance.now();
    const res = await fetchRaw(port, url, { headers });
    if (i > 0) times.push(performance.now() - t);
    status = res.status;
    bytes = res.body.length;
  }
  times.sort((a, b) => a - b);
  return { status, bytes, ms: times[Math.floor(times.length / 2)] };
}

function dirSize(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    total += s.isDirectory() ? dirSize(p) : s.size;
  }
  return total;
}

function databaseBytes(persistTo) {
  const d1 = join(persistTo, 'v3', 'd1');
  return existsSync(d1) ? dirSize(d1) : 0;
}

async function sitemapFigures(port) {
  const index = await fetchRaw(port, '/sitemap.xml?volume=1');
  const xml = index.body.toString('utf8');
  if (!xml.includes('<sitemapindex')) return { files: 1, bytes: index.body.length, urls: (xml.match(/<url>/g) ?? []).length, largest: index.body.length };
  const children = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  let bytes = index.body.length;
  let urls = 0;
  let largest = 0;
  for (const child of children) {
    const res = await fetchRaw(port, child);
    bytes += res.body.length;
    largest = Math.max(largest, res.body.length);
    urls += (res.body.toString('utf8').match(/<url>/g) ?? []).length;
  }
  return { files: children.length, bytes, urls, largest, indexed: true };
}

/** Measures one scale; `startPortal` is scripts/e2e.mjs's. */
async function measureScale(scale, startPortal) {
  const { persistTo, counts } = await generateVolume({ scale });
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { quiet: true }); // a directory made by older code
  const dbBytes = databaseBytes(persistTo);
  const portal = await startPortal({ label: `volume-${scale}x`, persistTo, keepState: true });
  const { port } = portal;
  const out = { scale, counts, dbBytes, pages: [], admin: [], feeds: [], jobs: [] };
  try {
    for (const [name, path] of PUBLIC_PAGES) out.pages.push({ name, path, ...(await timed(port, path)) });
    const cookie = await login(port);
    for (const [name, path] of ADMIN_PAGES) out.admin.push({ name, path, ...(await timed(port, path, { Cookie: cookie })) });
    const since = new Date(Date.now() - YEAR).toISOString();
    for (const feed of ['posts', 'documents', 'tenders']) {
      const path = `/api/v1/${feed}?since=${encodeURIComponent(since)}&limit=100`;
      out.feeds.push({ name: `/api/v1/${feed}?since=…`, path, ...(await timed(port, path)) });
    }
    out.sitemap = await sitemapFigures(port);
  } finally {
    await portal.stop();
  }
  // Twice: the first run on a new directory writes every region's monitoring state; the second is the steady state.
  for (const pass of [1, 2]) {
    for (const cron of configuredCrons()) {
      log(`volume ${scale}×: cron "${cron}" (run ${pass})`);
      const result = await runCron({ cron, persistTo });
      for (const r of result.jobRuns ?? []) out.jobs.push({ cron, pass, ...r });
    }
  }
  return out;
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
const mb = (b) => `${(b / 1024 ** 2).toFixed(1)} MB`;
const ratio = (v, base) => (base > 0 ? `${(v / base).toFixed(1)}×` : '—');

/** The report's Markdown lines. */
export function volumeReport(results, header) {
  const base = results[0];
  const lines = ['# Ten years of data (`npm run bench -- --volume`)', '', header, ''];
  lines.push(
    `Each scale is a fresh state directory from \`npm run volume -- --scale N\` (1× ≈ one busy year: ${Object.entries(base.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; spread over ten years and the real regions). ` +
      `Times: median of ${RUNS} sequential uncached requests on local \`wrangler dev\` (compare rows with each other, not with production). ` +
      'Targets: uncached render and admin lists within 1.5× of the 1× figure; every cron run within 1,000 D1 queries and 1,000 KV operations.',
    '',
  );
  const scales = results.map((r) => `${r.scale}×`);
  const table = (title, key) => {
    lines.push(
      `## ${title}`,
      '',
      `| Page | ${scales.map((s) => `${s} (ms)`).join(' | ')} | ${scales
        .slice(1)
        .map((s) => `${s} / 1×`)
        .join(' | ')} |`,
    );
    lines.push(
      `| --- | ${scales.map(() => '---:').join(' | ')} | ${scales
        .slice(1)
        .map(() => '---:')
        .join(' | ')} |`,
    );
    base[key].forEach((row, i) => {
      const cells = results.map((r) => `${ms(r[key][i]?.ms)}${r[key][i]?.status === 200 ? '' : ` (HTTP ${r[key][i]?.status})`}`);
      const ratios = results.slice(1).map((r) => {
        const v = r[key][i]?.ms / row.ms;
        return `${ratio(r[key][i]?.ms, row.ms)} ${v <= 1.5 ? '✓' : '✗'}`;
      });
      lines.push(`| \`${row.path}\` | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
    });
    lines.push('');
  };
  table('Uncached public pages', 'pages');
  table('Admin lists (Diskominfo)', 'admin');
  table('Change feeds (public API)', 'feeds');
  lines.push(
    '## Cron jobs: D1 queries / KV operations per run',
    '',
    'First run on the new directory → second run (steady state). A D1 batch counts one query per statement.',
    '',
    `| Job | ${scales.join(' | ')} | Within 1,000 / 1,000 |`,
    `| --- | ${scales.map(() => '---:').join(' | ')} | :---: |`,
  );
  const jobNames = [...new Set(results.flatMap((r) => r.jobs.map((j) => j.job)))];
  for (const job of jobNames) {
    const cell = (j) => (j ? `${j.d1Queries ?? '?'} / ${j.kvOps ?? '?'}${j.status === 'gagal' ? ' (gagal)' : ''}` : '—');
    const cells = results.map((r) => `${cell(r.jobs.find((x) => x.job === job && x.pass === 1))} → ${cell(r.jobs.find((x) => x.job === job && x.pass === 2))}`);
    const ok = results.every((r) => r.jobs.filter((x) => x.job === job).every((j) => (j.d1Queries ?? 0) <= BUDGET && (j.kvOps ?? 0) <= BUDGET));
    lines.push(`| ${job} | ${cells.join(' | ')} | ${ok ? '✓' : '✗'} |`);
  }
  lines.push('', '## Sitemap and database', '', `| | ${scales.join(' | ')} |`, `| --- | ${scales.map(() => '---:').join(' | ')} |`);
  lines.push(`| Sitemap URLs | ${results.map((r) => r.sitemap?.urls ?? '?').join(' | ')} |`);
  lines.push(`| Sitemap files (index + children) | ${results.map((r) => (r.sitemap?.indexed ? `1 + ${r.sitemap.files}` : '1')).join(' | ')} |`);
  lines.push(
    `| Sitemap bytes (all files) / largest file | ${results.map((r) => `${mb(r.sitemap?.bytes ?? 0)} / ${mb(r.sitemap?.largest ?? 0)}`).join(' | ')} |`,
  );
  lines.push(`| Local D1 files | ${results.map((r) => `${mb(r.dbBytes)} (${((r.dbBytes / D1_LIMIT) * 100).toFixed(2)} % of 10 GB)`).join(' | ')} |`);
  lines.push('');
  return lines;
}

export async function benchVolume({ scales, startPortal, header }) {
  const results = [];
  for (const scale of scales) {
    // Each scale's figures are kept beside its state directory; VOLUME_REUSE=1 reports them without measuring again.
    const saved = join(ROOT, '.wrangler', `volume-${scale}x.result.json`);
    if (process.env.VOLUME_REUSE === '1' && existsSync(saved)) {
      results.push(JSON.parse(readFileSync(saved, 'utf8')));
      continue;
    }
    log(`volume ${scale}×: mengukur`);
    const result = await measureScale(scale, startPortal);
    writeFileSync(saved, JSON.stringify(result));
    results.push(result);
  }
  const lines = volumeReport(results, header);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  return { lines, results };
}

export function writeVolumeReport(markdown) {
  writeFileSync(join(ROOT, 'bench', 'volume.md'), markdown);
}
