// `npm run bench:volume-interleaved [-- runs]` (default 11): the pages of
// `npm run bench -- --volume` on the prepared 1×, 10× and 100× directories, one portal per scale running side by
// side, each request alternating between the scales so that a change in machine load hits every scale alike.
import { performance } from 'node:perf_hooks';
import { startPortal } from './e2e.mjs';
import { fetchRaw, login } from './lib/bench-volume.mjs';
import { volumeDir } from './generate-volume.mjs';

const RUNS = Math.max(1, Math.min(101, Number(process.argv[2] ?? 11) || 11));
const SCALES = [1, 10, 100];
const DESA = '/sangatta-utara/swarga-bara';
const since = encodeURIComponent(new Date(Date.now() - 365 * 86_400_000).toISOString());
const PAGES = [
  ['public', DESA],
  ['public', `${DESA}/berita`],
  ['public', '/sangatta-utara'],
  ['public', '/berita'],
  ['public', '/dokumen'],
  ['admin', '/admin/konten'],
  ['admin', '/admin/pengaduan'],
  ['admin', '/admin/dokumen'],
  ['admin', '/admin/ppid'],
  ['admin', '/admin/layanan'],
  ['feed', `/api/v1/posts?since=${since}&limit=100`],
  ['feed', `/api/v1/documents?since=${since}&limit=100`],
  ['feed', `/api/v1/tenders?since=${since}&limit=100`],
];
const portals = [];
try {
  for (const scale of SCALES)
    portals.push({ scale, portal: await startPortal({ label: `interleaved-${scale}x`, persistTo: volumeDir(scale), keepState: true }) });
  for (const p of portals) p.cookie = await login(p.portal.port);
  const rows = [];
  for (const [kind, path] of PAGES) {
    const times = Object.fromEntries(SCALES.map((s) => [s, []]));
    const status = {};
    for (let i = 0; i <= RUNS; i++) {
      for (const p of i % 2 ? portals : [...portals].reverse()) {
        const url = kind === 'public' ? `${path}${path.includes('?') ? '&' : '?'}volume=${i}` : path;
        const t = performance.now();
        const res = await fetchRaw(p.portal.port, url, kind === 'admin' ? { headers: { Cookie: p.cookie } } : {});
        if (i > 0) times[p.scale].push(performance.now() - t);
        status[p.scale] = res.status;
      }
    }
    const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    const m = Object.fromEntries(SCALES.map((s) => [s, med(times[s])]));
    rows.push({ kind, path, m, status });
    const cells = SCALES.map((s) => `${m[s].toFixed(0)}${status[s] === 200 ? '' : ` (HTTP ${status[s]})`}`);
    const ratios = SCALES.slice(1).map((s) => `${(m[s] / m[1]).toFixed(1)}× ${m[s] / m[1] <= 1.5 ? '✓' : '✗'}`);
    process.stdout.write(`| \`${path.replace(/since=[^&]+/, 'since=…')}\` | ${cells.join(' | ')} | ${ratios.join(' | ')} |\n`);
  }
} finally {
  for (const p of portals) await p.portal.stop();
}
