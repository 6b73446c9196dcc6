// `npm run bench`: local performance snapshot of the portal, printed as Markdown and saved to bench/latest.md.
// Starts its own `wrangler dev` exactly like the e2e suite (fresh persist dir, migrations + demo seed, free port),
// then measures, in one run and side by side: a KV-cached region page, the same page rendered uncached, and a static
// asset as the physical baseline; then the compressed size of each key page's HTML and of the JavaScript it loads.
// Load is generated here with node:http and a keep-alive agent, loopback only, bounded in concurrency and time:
//   BENCH_CONCURRENCY (default 16), BENCH_SECONDS (default 8, per target).
// `npm run bench -- --volume [--scales=1,10,100]` instead measures the portal with ten years of data at each scale
// (scripts/lib/bench-volume.mjs) and saves bench/volume.md; the default bench does not generate any volume.
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { ROOT } from './lib/local.mjs';
import { measurePipeline, WORKER_MEMORY } from './lib/bench-media.mjs';
import { memoryLines, throttledPages, throttledReport } from './lib/bench-throttled.mjs';
import { buildMediaBundle } from './lib/media-node.mjs';
import { findChromium, startPortal } from './e2e.mjs';
import { FIXTURES, fixturePath } from '../test/fixtures/media-fixtures.mjs';
import { benchLetterPdf } from './lib/bench-letters.mjs';
import { benchVolume, writeVolumeReport } from './lib/bench-volume.mjs';

const CONCURRENCY = positiveInt(process.env.BENCH_CONCURRENCY, 16, 256);
const SECONDS = positiveNumber(process.env.BENCH_SECONDS, 8, 120);
const WARMUP_SECONDS = Math.min(2, SECONDS);
const REQUEST_TIMEOUT_MS = 10_000;
const HTML_BUDGET = 14 * 1024; // first round trip: ~10 TCP segments of initial congestion window
const JS_BUDGET = 30 * 1024;
const DESA = '/sangatta-utara/swarga-bara';
const SIZE_PAGES = ['/', '/sangatta-utara', DESA, '/wilayah', `${DESA}/berita`, `${DESA}/peta`];

function positiveInt(raw, fallback, max) {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : fallback;
}
function positiveNumber(raw, fallback, max) {
  const n = Number(raw);
  return raw && Number.isFinite(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** One GET over the keep-alive agent; resolves { status, headers, body } (the body is always drained). */
function get(agent, port, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { 'Accept-Encoding': 'identity' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

/**
 * Closed-loop load: `concurrency` workers, each sending its next request when the previous one answered,
 * until `seconds` have passed. `pathFor(i)` builds the i-th request path; `check(res)` returns an error label or null.
 */
async function load(port, { pathFor, check, concurrency = CONCURRENCY, seconds = SECONDS }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const errors = new Map();
  let seq = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const countError = (label) => errors.set(label, (errors.get(label) ?? 0) + 1);
  async function worker() {
    while (performance.now() < deadline) {
      const path = pathFor(seq++);
      const t0 = performance.now();
      try {
        const res = await get(agent, port, path);
        const problem = res.status !== 200 ? `HTTP ${res.status}` : check?.(res);
        if (problem) countError(problem);
        else latencies.push(performance.now() - t0);
      } catch (err) {
        countError(err.code ?? err.message);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  return {
    requests: latencies.length + errorCount,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: errorCount,
    errorDetail: [...errors.entries()].map(([k, v]) => `${k}×${v}`).join(', '),
  };
}

const expectCache = (value) => (res) => (res.headers['x-cache'] === value ? null : `x-cache ${res.headers['x-cache'] ?? 'none'}`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const mark = (ok) => (ok ? '✓' : '✗');

/** `<script src>` URLs of a page, resolved against it, in document order. */
function scriptSources(html, pageUrl) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&');
    if (src) out.push(new URL(src, pageUrl));
  }
  return out;
}

async function main() {
  const machine = `${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus().length} cores`;
  const header = `Machine: ${machine} · Node ${process.version} · ${new Date().toISOString()}`;
  process.stdout.write(`[bench] ${header}\n[bench] concurrency ${CONCURRENCY}, ${SECONDS} s per target\n`);

  const portal = await startPortal({ label: 'bench' });
  const { port, baseUrl } = portal;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    // --- Warm-up: first request renders and stores the page in KV (MISS), later ones are HITs.
    const first = await get(agent, port, DESA);
    const second = await get(agent, port, DESA);
    const bypass = await get(agent, port, `${DESA}?bench=warmup`);
    const checks = [
      [`GET ${DESA} (pertama)`, first.status, first.headers['x-cache']],
      [`GET ${DESA} (kedua)`, second.status, second.headers['x-cache']],
      [`GET ${DESA}?bench=…`, bypass.status, bypass.headers['x-cache']],
    ];
    for (const [what, status, xc] of checks) process.stdout.write(`[bench] ${what}: HTTP ${status}, x-cache ${xc ?? '—'}\n`);
    if (second.status !== 200 || second.headers['x-cache'] !== 'HIT') throw new Error(`halaman desa tidak di-cache KV (x-cache ${second.headers['x-cache']})`);
    if (bypass.status !== 200 || bypass.headers['x-cache'] !== 'BYPASS') throw new Error(`parameter asing tidak BYPASS (x-cache ${bypass.headers['x-cache']})`);

    const targets = [
      { name: 'KV-cached page', path: DESA, pathFor: () => DESA, check: expectCache('HIT') },
      { name: 'Uncached render', path: `${DESA}?bench=N`, pathFor: (i) => `${DESA}?bench=${i}`, check: expectCache('BYPASS') },
      { name: 'Static asset', path: '/css/site.css', pathFor: () => '/css/site.css' },
    ];
    process.stdout.write(`[bench] pemanasan ${WARMUP_SECONDS} s per target…\n`);
    for (const t of targets) await load(port, { ...t, seconds: WARMUP_SECONDS });

    const results = [];
    for (const t of targets) {
      process.stdout.write(`[bench] mengukur ${t.name} (${t.path})…\n`);
      results.push({ ...t, ...(await load(port, t)) });
    }
    const [cached, uncached, stat] = results;

    // --- Sizes: the first HTML response of each page, and the JavaScript it references.
    const sizeRows = [];
    const jsCache = new Map();
    for (const path of SIZE_PAGES) {
      const res = await get(agent, port, path);
      const html = res.body;
      const gz = gzipSync(html, { level: 6 }).length;
      const br = brotliCompressSync(html, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      let js = 0;
      let mapJs = 0;
      const jsNames = [];
      const perScript = [];
      for (const src of scriptSources(html.toString('utf8'), `${baseUrl}${path}`)) {
        if (src.origin !== baseUrl) {
          jsNames.push(`${src.href} (luar!)`);
          continue;
        }
        const key = src.pathname + src.search;
        if (!jsCache.has(key)) {
          const r = await get(agent, port, key);
          jsCache.set(key, r.status === 200 ? gzipSync(r.body, { level: 6 }).length : NaN);
        }
        const size = jsCache.get(key);
        if (/maplibre/i.test(src.pathname)) mapJs += size;
        else js += size;
        jsNames.push(src.pathname.split('/').pop());
        perScript.push([src.pathname.split('/').pop(), size]);
      }
      sizeRows.push({ path, status: res.status, xcache: res.headers['x-cache'] ?? '—', raw: html.length, gz, br, js, mapJs, jsNames, perScript });
    }

    process.stdout.write('[bench] mengukur PDF surat…\n');
    const letter = await benchLetterPdf({ port, agent, get });

    // --- Report.
    const lines = [];
    lines.push('# Portal benchmark (local `wrangler dev`)', '');
    lines.push(header, '');
    lines.push(
      `Load: ${CONCURRENCY} concurrent keep-alive connections (node:http), ${SECONDS} s per target after ${WARMUP_SECONDS} s warm-up, loopback 127.0.0.1. ` +
        'Local workerd + miniflare KV/D1 — compare the rows with each other, not with production.',
      '',
    );
    lines.push('## Throughput and latency', '');
    lines.push('| Target | Path | Requests | Req/s | p50 (ms) | p99 (ms) | Errors |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const errs = r.errors ? `${r.errors} (${r.errorDetail})` : '0';
      lines.push(`| ${r.name} | \`${r.path}\` | ${r.requests} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${errs} |`);
    }
    lines.push('');
    lines.push(
      `Cached / static throughput: **${(cached.rps / stat.rps).toFixed(2)}×** · cached / uncached: **${(cached.rps / uncached.rps).toFixed(2)}×** ` +
        `(x-cache verified: HIT on \`${DESA}\`, BYPASS with \`?bench=N\`).`,
      '',
    );
    lines.push('## Page weight (first HTML response)', '');
    lines.push(
      `Budgets: HTML ≤ ${HTML_BUDGET / 1024} KB compressed (checked on gzip, the larger of the two) · ` +
        `JavaScript ≤ ${JS_BUDGET / 1024} KB gzip per page (MapLibre on the map page is listed separately, outside this budget). ` +
        'gzip level 6, brotli quality 11.',
      '',
    );
    lines.push('| Page | HTTP | x-cache | HTML raw | HTML gzip | HTML brotli | HTML ≤ 14 KB | JS gzip | JS ≤ 30 KB | MapLibre gzip | Scripts |');
    lines.push('| --- | ---: | --- | ---: | ---: | ---: | :---: | ---: | :---: | ---: | --- |');
    for (const r of sizeRows) {
      lines.push(
        `| \`${r.path}\` | ${r.status} | ${r.xcache} | ${kb(r.raw)} | ${kb(r.gz)} | ${kb(r.br)} | ${mark(r.gz <= HTML_BUDGET)} | ` +
          `${kb(r.js)} | ${mark(r.js <= JS_BUDGET)} | ${r.mapJs ? kb(r.mapJs) : '—'} | ${r.jsNames.join(', ') || '—'} |`,
      );
    }
    lines.push('');
    const mapRow = sizeRows.find((r) => r.path === `${DESA}/peta`);
    if (mapRow) {
      lines.push(
        `Map page JavaScript (\`${mapRow.path}\`, gzip): ${mapRow.perScript.map(([n, s]) => `${n} ${kb(s)}`).join(' + ')} ` +
          `= **${kb(mapRow.js + mapRow.mapJs)}**. ` +
          'MapLibre and peta.js load only on map pages; with `Save-Data: on` MapLibre loads only when the visitor asks for the interactive map.',
        '',
      );
    }
    // --- Image pipeline memory, then throttled first visits in Chromium (issue: citizens on weak internet).
    process.stdout.write('[bench] foto uji dan memori pipeline gambar…\n');
    const photos = await Promise.all(Object.keys(FIXTURES).map(async (name) => ({ name, path: await fixturePath(name) })));
    lines.push(...memoryLines(measurePipeline(await buildMediaBundle(), photos), WORKER_MEMORY));
    const executablePath = findChromium();
    if (executablePath) {
      const { chromium } = await import('playwright-core');
      const throttled = await throttledReport({
        chromium,
        executablePath,
        baseUrl,
        pages: await throttledPages(baseUrl, DESA),
        formPath: `${DESA}/pengaduan`,
        photoPath: await fixturePath('camera-12mp.jpg'),
        log: (m) => process.stdout.write(`[bench] ${m}\n`),
      });
      lines.push(...throttled.lines, throttled.allOk ? 'Every throttled target met.' : '**Some throttled targets were missed (✗ above).**', '');
    } else {
      lines.push('## Throttled first visits', '', 'Skipped: Chromium not found (`apt-get install -y chromium`).', '');
    }
    lines.push(...letter.lines);
    const markdown = lines.join('\n');
    process.stdout.write(`\n${markdown}\n`);
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'latest.md'), markdown);
    process.stdout.write('[bench] disimpan di bench/latest.md\n');
  } finally {
    agent.destroy();
    await portal.stop();
  }
}

/** `--volume [--scales=1,10,100]`: the ten-years-of-data section alone. */
async function volumeMain(argv) {
  const scalesArg = argv.find((a) => a.startsWith('--scales='));
  const scales = (scalesArg ? scalesArg.slice(9) : '1,10,100')
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  const header = `Machine: ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus().length} cores · Node ${process.version} · ${new Date().toISOString()}`;
  const { lines } = await benchVolume({ scales, startPortal, header });
  const markdown = lines.join('\n');
  process.stdout.write(`\n${markdown}\n`);
  writeVolumeReport(markdown);
  process.stdout.write('[bench] disimpan di bench/volume.md\n');
}

try {
  const argv = process.argv.slice(2);
  if (argv.includes('--volume')) await volumeMain(argv);
  else await main();
} catch (err) {
  process.stderr.write(`[bench] gagal: ${err.message}\n`);
  process.exitCode = 1;
}
