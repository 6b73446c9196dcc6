// Letter PDF timing and size for `npm run bench`: the demo's finished letter (Desa Swarga Bara) is opened the way a
// requester does — number and private code in a POST body, then the short-lived link — and its PDF is made by the
// Worker (@cantoo/pdf-lib) on every request, measured sequentially.
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { DEMO_LETTER_CODE } from './demo-seed-letters.mjs';

const DESA = '/sangatta-utara/swarga-bara';
const RUNS = 20;

function post(port, path, form) {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Origin: `http://127.0.0.1:${port}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Markdown lines for the report, and the figures. */
export async function benchLetterPdf({ port, agent, get }) {
  const link = await post(port, `${DESA}/layanan/unduh`, { nomor: 'SRT-DEM0-0003', kode: DEMO_LETTER_CODE, jenis: 'pdf' });
  if (link.status !== 303 || !link.location) throw new Error(`tautan unduhan surat demo gagal (HTTP ${link.status})`);
  const path = new URL(link.location, `http://127.0.0.1:${port}`).pathname;
  const times = [];
  let size = 0;
  let gz = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await get(agent, port, path);
    times.push(performance.now() - t);
    if (res.status !== 200 || res.headers['content-type'] !== 'application/pdf') throw new Error(`PDF surat: HTTP ${res.status}`);
    size = res.body.length;
    gz = gzipSync(res.body, { level: 6 }).length;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)];
  const max = times[times.length - 1];
  const lines = [
    '## Letter PDF (made in the Worker)',
    '',
    `The demo's finished letter (\`SRT-DEM0-0003\`, Desa Swarga Bara), requested ${RUNS} times one after another through its short-lived link; each response is a fresh PDF (A4, standard fonts, vector QR code and emblem).`,
    '',
    '| PDF size | gzip | p50 (ms) | max (ms) | On 2G (≈ 50 kbit/s) |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${(size / 1024).toFixed(1)} KB | ${(gz / 1024).toFixed(1)} KB | ${p50.toFixed(1)} | ${max.toFixed(1)} | ≈ ${((size * 8) / 50_000).toFixed(1)} s |`,
    '',
  ];
  return { lines, size, gz, p50, max };
}
